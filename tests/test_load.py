"""Loading: folders and JSONL events, candidates, hand-written facts, and every bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.stages.load import iter_events

from .conftest import ROOT, event_dir

ARTICLE = "Kim Yo Jong denied that North Korea exported weapons to Russia.\n"


def load(sources: Path, **kw: object) -> list:
    cfg = DataConfig(sources=str(sources), references=None)
    for key, value in kw.items():
        setattr(cfg, key, value)
    return list(iter_events(cfg))


def test_folder_is_one_event_with_auto_candidates(tmp_path: Path) -> None:
    root = event_dir(
        tmp_path,
        {
            "b.txt": ARTICLE,
            "a.txt": ARTICLE,
            "notes.md": "ignored",
            "candidates/c1.txt": "Kim denied it.",
        },
    )
    (event,) = load(root)
    assert event.event_id == "event"
    assert [d.doc_id for d in event.sources] == ["a", "b"]  # sorted, .txt only
    assert [d.doc_id for d in event.candidates] == ["c1"]


def test_bom_crlf_and_control_characters_are_normalised(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": b"\xef\xbb\xbfFirst line.\r\nSecond\x07 line.\r\n"})
    (event,) = load(root)
    assert event.sources[0].text == "First line.\nSecond line.\n"


def test_jsonl_events_with_inline_key_facts(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    lines = [
        {
            "event_id": "e1",
            "articles": [{"id": "a", "text": ARTICLE}],
            "candidates": [{"id": "c", "text": "Kim denied it."}],
            "key_facts": ["Kim denied."],
        },
        {"event_id": "e2", "articles": [{"id": "a", "text": ARTICLE}]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    events = load(path)
    assert [e.event_id for e in events] == ["e1", "e2"]
    assert events[0].key_facts[0][0] == "Kim denied."
    assert events[1].candidates == ()


def test_hand_written_facts_skip_comments(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "event.txt").write_text("# comment\n\nFact one.\n  Fact two.\n", encoding="utf-8")
    cfg = DataConfig(sources=str(root), references=str(refs))
    (event,) = iter_events(cfg)
    assert [t for t, _ in event.key_facts] == ["Fact one.", "Fact two."]
    assert event.key_facts[0][1].endswith("event.txt:3")


def test_empty_candidate_is_kept_for_a_nan_row(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "candidates/empty.txt": ""})
    (event,) = load(root)
    assert event.candidates[0].text == ""


@pytest.mark.parametrize(
    ("files", "pattern"),
    [
        ({}, "holds no .txt files"),
        ({"a.txt": ""}, r"a\.txt: the file is empty"),
        ({"a.txt": "  \n\n"}, r"a\.txt: the file is empty"),
        ({"a.txt": b"\x00\x01binary\x00"}, r"a\.txt: looks like a binary file"),
        ({"a.txt": b"caf\xe9 au lait"}, r"a\.txt: not valid UTF-8 \(byte 3\)"),
        ({"a.txt": ARTICLE, "A.txt": ARTICLE}, "differ by more than case"),
        ({"a.txt": ARTICLE, "candidates/a.txt": ARTICLE}, "clash"),
    ],
)
def test_bad_folders_fail_with_one_line(tmp_path: Path, files: dict, pattern: str) -> None:
    root = event_dir(tmp_path, files)
    with pytest.raises(InputError, match=pattern) as err:
        load(root)
    assert "\n" not in str(err.value)


def test_missing_source_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="data.sources: .* does not exist"):
        load(tmp_path / "nope")


def test_non_utf8_can_be_decoded_with_replacement(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": b"caf\xe9 au lait, said Kim on Friday."})
    (event,) = load(root, decode_errors="replace")
    assert "\ufffd" in event.sources[0].text


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE * 10})
    with pytest.raises(InputError, match="over data.max_bytes=100"):
        load(root, max_bytes=100)


def test_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    (root / "b.txt").symlink_to(outside)
    with pytest.raises(InputError, match="a link to a file outside"):
        load(root)


@pytest.mark.parametrize(
    ("line", "pattern"),
    [
        ("{not json", r"line 1: not valid JSON"),
        ("[1, 2]", r"line 1: expected a JSON object"),
        ('{"articles": []}', r"line 1: missing field 'event_id'"),
        ('{"event_id": "e", "articles": "x"}', r"line 1: field 'articles' must be"),
        ('{"event_id": "e", "articles": [{"id": "a"}]}', r"line 1: missing field 'text'"),
        ('{"event_id": "e", "articles": [{"id": "a", "text": "  "}]}', "source 'a' is empty"),
    ],
)
def test_bad_jsonl_lines_name_the_line(tmp_path: Path, line: str, pattern: str) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=pattern):
        load(path)


def test_empty_jsonl_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no events"):
        load(path)


def test_repeated_event_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    line = {"event_id": "E", "articles": [{"id": "a", "text": ARTICLE}]}
    path.write_text(
        json.dumps(line) + "\n" + json.dumps({**line, "event_id": "e"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"line 2: event_id 'e' repeats line 1"):
        load(path)


def test_event_id_cannot_escape_the_references_folder(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    (tmp_path / "refs").mkdir()
    (tmp_path / "secret.txt").write_text("Not a fact file.\n", encoding="utf-8")
    line = {"event_id": "../secret", "articles": [{"id": "a", "text": ARTICLE}]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    cfg = DataConfig(sources=str(path), references=str(tmp_path / "refs"))
    with pytest.raises(InputError, match="cannot name a key-facts file"):
        list(iter_events(cfg))


def test_defaults_find_the_bundled_seeds_and_their_key_facts_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an empty folder: no seeds/ or references/ here
    (event,) = iter_events(DataConfig())
    assert event.event_id == "seeds" and len(event.sources) == 5 and len(event.candidates) == 4
    assert Path(event.key_facts_from) == ROOT / "references" / "seeds.txt"
    assert len(event.key_facts) == 14


def test_auto_references_are_the_folder_beside_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported bug: from another folder, the seeds' hand-written facts were not found."""
    shutil.copytree(ROOT / "seeds", tmp_path / "copy" / "seeds")
    shutil.copytree(ROOT / "references", tmp_path / "copy" / "references")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    (event,) = iter_events(DataConfig(sources=str(tmp_path / "copy" / "seeds")))
    assert event.key_facts_from == str(tmp_path / "copy" / "references" / "seeds.txt")
    assert len(event.key_facts) == 14


def test_auto_references_without_a_folder_beside_extract_facts(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    (event,) = iter_events(DataConfig(sources=str(root)))
    assert event.key_facts == () and event.key_facts_from == ""


def test_auto_references_beside_an_events_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps({"event_id": "e1", "articles": [{"id": "a", "text": ARTICLE}]}))
    (tmp_path / "references").mkdir()
    (tmp_path / "references" / "e1.txt").write_text("Kim denied.\n", encoding="utf-8")
    (event,) = iter_events(DataConfig(sources=str(path)))
    assert event.key_facts == (("Kim denied.", f"{tmp_path / 'references' / 'e1.txt'}:1"),)


def test_relative_paths_resolve_against_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_dir(tmp_path, {"a.txt": ARTICLE})
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "event.txt").write_text("Kim denied.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (event,) = iter_events(DataConfig(sources="event", references="facts"))
    assert event.sources[0].origin == str(Path("event") / "a.txt")
    assert event.key_facts_from == str(Path("facts") / "event.txt")


@pytest.mark.parametrize("references", ["/nowhere", "missing_folder", "event/a.txt"])
def test_a_key_facts_folder_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, references: str
) -> None:
    event_dir(tmp_path, {"a.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=f"^data.references: {references} is not a folder; "):
        list(iter_events(DataConfig(sources="event", references=references)))


def test_inline_key_facts_say_which_line_they_come_from(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    line = {"event_id": "e1", "articles": [{"id": "a", "text": ARTICLE}], "key_facts": ["K."]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (event,) = iter_events(DataConfig(sources=str(path)))
    assert event.key_facts_from == f"{path} line 1 key_facts"
