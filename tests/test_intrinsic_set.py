"""Tests for benchmarks/intrinsic_set.py on two invented articles (no benchmark data needed)."""

from __future__ import annotations

import difflib
import json
import random
from pathlib import Path
from types import ModuleType

import pytest

from evalkit.bench.load import load_benchmark

from .conftest import benchmark_script

ARTICLES = Path(__file__).parent / "data" / "intrinsic_articles.jsonl"


@pytest.fixture(scope="module")
def mod() -> ModuleType:
    return benchmark_script("intrinsic_set")


def _generate(mod: ModuleType, out: Path, *options: str) -> bytes:
    assert mod.main([str(out), str(ARTICLES), "--corrupted", "6", *options]) == 0
    return out.read_bytes()


def _faithful_and_corrupted(path: Path) -> list[tuple[dict, dict]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    faithful = {r["doc_id"]: r for r in rows if r["system"] == "extractive"}
    return [(faithful[r["doc_id"]], r) for r in rows if r["label"] == 0]


def test_output_is_a_valid_faithfulness_benchmark(mod: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "intrinsic.jsonl"
    _generate(mod, out)
    bench = load_benchmark(out)
    assert bench.kind == "faithfulness"
    docs = {it.doc_id for it in bench.faith}
    assert docs == {"fixture-cup-final", "fixture-city-budget"}
    for doc in docs:
        items = [it for it in bench.faith if it.doc_id == doc]
        faithful = [it for it in items if it.label == 1]
        assert [(it.system, it.spans) for it in faithful][:1] == [("extractive", ())]
        assert [(it.system, it.spans) for it in faithful][1:] in ([], [("compressed", ())])
        corrupted = [it for it in items if it.label == 0]
        assert len(corrupted) >= 3  # the fixture gives most kinds something to change
        assert len({it.system for it in corrupted}) == len(corrupted)  # one copy per kind
        for it in items:
            assert it.dataset == "intrinsic"
            assert it.id == f"intrinsic:{doc}:{it.system}"
            assert it.source == items[0].source
        for it in corrupted:
            assert it.system in mod.KINDS
            assert len(it.spans) == 1


def test_faithful_summary_is_extractive(mod: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "intrinsic.jsonl"
    _generate(mod, out)
    for line in out.read_text("utf-8").splitlines():
        item = json.loads(line)
        if item["system"] == "extractive":
            sentences = mod.split_sentences(item["summary"])
            assert 2 <= len(sentences) <= 3
            assert all(s in item["source"] for s in sentences)


@pytest.mark.parametrize("options", [(), ("--lower",)])
def test_corrupted_summary_differs_only_in_its_marked_sentence(
    mod: ModuleType, tmp_path: Path, options: tuple[str, ...]
) -> None:
    out = tmp_path / "intrinsic.jsonl"
    _generate(mod, out, *options)
    pairs = _faithful_and_corrupted(out)
    assert pairs
    for faithful, corrupted in pairs:
        f, c = faithful["summary"], corrupted["summary"]
        [[start, end]] = corrupted["spans"]
        tail = len(c) - end
        assert c[:start] == f[:start]
        assert c[end:] == f[len(f) - tail :]
        assert c[start:end] != f[start : len(f) - tail]
        # the span is a whole sentence: it starts and ends at the gap between sentences
        assert start == 0 or c[start - 1] == " "
        assert end == len(c) or c[end] == " "
        assert f[start : len(f) - tail] in faithful["source"]  # the sentence that was changed
        assert c[start:end] not in corrupted["source"]


def test_lower_option_lower_cases_and_tokenises_every_text(mod: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "intrinsic.jsonl"
    _generate(mod, out, "--lower")
    items = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for item in items:
        assert item["lowercased"] is True
        for text in (item["source"], item["summary"]):
            assert text == text.lower()
            assert "final." not in text and "3-1" not in text  # punctuation split off
    cup = next(it for it in items if it["doc_id"] == "fixture-cup-final")
    assert "greenford rovers beat ashby town 3 - 1 on saturday" in cup["source"]


def test_same_seed_same_bytes_other_seeds_other_sets(mod: ModuleType, tmp_path: Path) -> None:
    first = _generate(mod, tmp_path / "a.jsonl", "--seed", "7")
    assert _generate(mod, tmp_path / "b.jsonl", "--seed", "7") == first
    others = {_generate(mod, tmp_path / f"s{seed}.jsonl", "--seed", str(seed)) for seed in range(4)}
    assert len(others) > 1


def test_each_corruption_on_a_hand_checked_sentence(mod: ModuleType) -> None:
    rng = random.Random(0)
    match = "Greenford Rovers beat Ashby Town 3-1 on Saturday."
    assert mod.swap_roles(match, [], rng) == "Ashby Town beat Greenford Rovers 3-1 on Saturday."
    quote = '"We were the better side," said manager Paul Grant.'
    other = "Ashby Town manager Steve Rudd said his players were unlucky."
    assert mod.wrong_speaker(quote, [other], rng) == (
        '"We were the better side," said manager Steve Rudd.'
    )
    crowd = "About 4,000 fans watched the match."
    assert mod.swap_number(crowd, ["The ground holds 6,500 people."], rng) == (
        "About 6,500 fans watched the match."
    )
    final = "The final will be played at Meadow Park on 12 May."
    assert mod.move_modifier(final, ["Rovers beat Ashby Town on Saturday."], rng) == (
        "The final will be played at Meadow Park on Saturday."
    )
    assert mod.negate("The council approved the budget.", [], rng) == (
        "The council rejected the budget."
    )
    assert mod.negate("The final will be played in May.", [], rng) == (
        "The final will not be played in May."
    )
    assert mod.swap_name(match, ["Oakley United fans sang."], rng) in {
        "Oakley United beat Ashby Town 3-1 on Saturday.",
        "Greenford Rovers beat Oakley United 3-1 on Saturday.",
    }
    assert mod.swap_pronoun("She told him the fine was unfair.", [], rng) in {
        "He told him the fine was unfair.",
        "She told her the fine was unfair.",
    }
    # "her" before a word it owns becomes "his", else "him"
    assert mod.swap_pronoun("Police found her car.", [], rng) == "Police found his car."
    found = mod.swap_pronoun("Police found her in the car.", [], rng)
    assert found == "Police found him in the car."
    first = "Striker Tom Baker scored twice in the first half."
    second = "Captain Lee Harris added a third after 70 minutes."
    assert mod.splice(first, [second], rng) in {
        "Striker Tom Baker added a third after 70 minutes.",
        "Captain Lee Harris scored twice in the first half.",
    }


def test_each_faithful_edit_on_a_hand_checked_sentence(mod: ModuleType) -> None:
    assert mod.drop_lead("In March, the club sold 4,000 tickets.") == "The club sold 4,000 tickets."
    assert mod.drop_appositive("Paul Grant, the Rovers manager, was pleased.") == (
        "Paul Grant was pleased."
    )
    assert mod.drop_appositive("Tom Baker, 23, scored twice.") == "Tom Baker scored twice."
    assert mod.drop_tail("Rovers beat Ashby Town in the cup final, including two late goals.") == (
        "Rovers beat Ashby Town in the cup final."
    )
    assert mod.drop_adverb("The council also approved the budget.") == (
        "The council approved the budget."
    )
    assert mod.present("Grant said the side was unlucky.") == "Grant says the side was unlucky."
    assert (
        mod.figures("About 4,000 fans, 5 per cent more, came.") == "About 4000 fans, 5% more, came."
    )
    assert mod.fuse("Baker scored twice.", "He was named man of the match.") == (
        "Baker scored twice, and he was named man of the match."
    )
    # what none of them may touch: a negation, a short sentence's only clause
    plain = "The final will not be played in May."
    assert all(edit(plain) is None for edit in mod.EDITS.values())
    assert mod.drop_tail("He left, saying nothing.") is None


def test_a_compressed_summary_only_leaves_words_out_or_rewords_a_report(
    mod: ModuleType, tmp_path: Path
) -> None:
    out = tmp_path / "intrinsic.jsonl"
    _generate(mod, out)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    extractive = {r["doc_id"]: r["summary"] for r in rows if r["system"] == "extractive"}
    edited = [r for r in rows if r["system"] == "compressed"]
    assert edited  # the fixture has sentences to edit
    allowed = {(("said",), ("says",)), (("told",), ("tells",)), (("4,000",), ("4000",))}
    for r in edited:
        assert r["label"] == 1 and r["spans"] == []
        before, after = extractive[r["doc_id"]].lower().split(), r["summary"].lower().split()
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            old, new = before[i1:i2], after[j1:j2]
            if op == "replace":  # a reworded report, or two sentences fused at a pronoun
                fused = len(old) == len(new) == 2 and old[0][:-1] + "," == new[0]
                assert (tuple(old), tuple(new)) in allowed or fused, (old, new)
            else:
                assert op in ("equal", "delete") or new == ["and"], (old, new)


def test_nothing_to_change_gives_no_corruption(mod: ModuleType) -> None:
    rng = random.Random(0)
    plain = "it rained all day long and nobody went out much at all"
    corruptions = (mod.swap_roles, mod.wrong_speaker, mod.swap_name, mod.swap_number)
    for corrupt in (*corruptions, mod.move_modifier, mod.swap_pronoun):
        assert corrupt(plain, [plain], rng) is None


def test_tokenise_and_split_as_cnn_dailymail(mod: ModuleType) -> None:
    text = "He said: \"Rovers didn't win the 23-year-old's cup.\""
    assert mod.tokenise(text) == ("he said : `` rovers did n't win the 23 - year - old 's cup . ''")
    assert mod.split_sentences("mr. smith left . the mayor said so .") == [
        "mr. smith left .",
        "the mayor said so .",
    ]
    assert mod.split_sentences("Mr. Smith left the U.S. on Monday. He was 60.") == [
        "Mr. Smith left the U.S. on Monday.",
        "He was 60.",
    ]


def test_missing_input_is_one_line_and_writes_nothing(
    mod: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "intrinsic.jsonl"
    assert mod.main([str(out), str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent.jsonl" in err
    assert list(tmp_path.iterdir()) == []


def test_line_without_source_is_named(
    mod: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x", "source": "Some text."}\n{"doc_id": "y"}\n', "utf-8")
    assert mod.main([str(tmp_path / "out.jsonl"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl line 2" in err and "source" in err
    assert not (tmp_path / "out.jsonl").exists()
