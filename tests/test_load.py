"""Loading: folders and JSONL events, candidates, hand-written facts, and every bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.records import Document, Event
from evalkit.stages.load import iter_events, read_events

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
            "README.md": "documentation",
            ".DS_Store": "litter an OS left",
            "candidates/c1.txt": "Kim denied it.",
        },
    )
    (event,) = load(root)
    assert event.event_id == "event"
    assert [d.doc_id for d in event.sources] == ["a", "b"]  # sorted, texts only
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
    text = "# comment\n\nFact one.\n  Fact two.\n- Fact three.\n4. Fact 4 of 4.\n"
    (refs / "event.txt").write_text(text, encoding="utf-8")
    cfg = DataConfig(sources=str(root), references=str(refs))
    (event,) = iter_events(cfg)
    # a list's markers are no part of a fact ("4." would be a figure the candidate misstates)
    facts = ["Fact one.", "Fact two.", "Fact three.", "Fact 4 of 4."]
    assert [t for t, _ in event.key_facts] == facts
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
    (event,) = iter_events(cfg)  # key-facts files are listed, never named by an id
    assert event.key_facts == ()


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


# ------------------------------------------------ every candidate is scored or accounted for


def events_file(tmp_path: Path, *events: dict | str, name: str = "events.jsonl") -> Path:
    """An events (or candidates) JSONL with one line per event: a dict, or a raw line."""
    path = tmp_path / name
    lines = [e if isinstance(e, str) else json.dumps(e) for e in events]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def one(event_id: str = "e1") -> dict:
    return {"event_id": event_id, "articles": [{"id": "a", "text": ARTICLE}]}


def read(sources: Path, **kw: object) -> list:
    """Every item the loader yields (events and BadEvents), positions dropped."""
    cfg = DataConfig(sources=str(sources), references=None)
    for key, value in kw.items():
        setattr(cfg, key, value)
    return [item for _, item in read_events(cfg)]


def test_a_candidate_naming_no_event_stops_the_run_naming_line_and_id(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"))
    cands = events_file(
        tmp_path,
        {"id": "c1", "text": "Kim denied it.", "event_id": "e1"},
        {"id": "c2", "text": "Kim denied it.", "event_id": "nope"},
        name="cands.jsonl",
    )
    pattern = r"cands\.jsonl line 2: candidate 'c2' names event 'nope', which is not in .*"
    with pytest.raises(InputError, match=pattern + r"data\.unmatched=report") as err:
        read(sources, candidates=str(cands))
    assert "\n" not in str(err.value)


def test_a_candidate_naming_no_event_is_a_row_with_its_reason_when_reported(
    tmp_path: Path,
) -> None:
    sources = events_file(tmp_path, one("e1"), one("e2"))
    cands = events_file(
        tmp_path,
        {"id": "c2", "text": "Kim denied it.", "event_id": "nope"},
        name="cands.jsonl",
    )
    cfg = DataConfig(sources=str(sources), references=None, candidates=str(cands))
    cfg.unmatched = "report"
    items = list(read_events(cfg))
    assert [(p, type(i).__name__) for p, i in items] == [
        (0, "Event"),
        (1, "Event"),
        (2, "BadEvent"),
    ]
    bad = items[2][1]
    assert (bad.event_id, bad.candidate) == ("nope", "c2")
    assert "event 'nope' is not in data.sources" in bad.reason and "line 1" in bad.reason
    assert bad.note.startswith("not scored: ")


def test_candidate_event_ids_match_ignoring_case_and_normalisation(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"), one("caf\u00e9"))
    cands = events_file(
        tmp_path,
        {"id": "c1", "text": "Kim denied it.", "event_id": "E1"},
        {"id": "c2", "text": "Kim denied it.", "event_id": "CAFE\u0301"},  # NFD, upper case
        name="cands.jsonl",
    )
    first, second = read(sources, candidates=str(cands))
    assert [d.doc_id for d in first.candidates] == ["c1"]
    assert [d.doc_id for d in second.candidates] == ["c2"]


def test_a_candidate_line_for_another_event_than_the_folder_is_not_dropped(
    tmp_path: Path,
) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    cands = events_file(
        tmp_path,
        {"id": "c1", "text": "Kim denied it.", "event_id": "EVENT"},
        {"id": "c2", "text": "Kim denied it.", "event_id": "other"},
        {"id": "c3", "text": "Kim denied it."},
        name="cands.jsonl",
    )
    with pytest.raises(InputError, match=r"line 2: candidate 'c2' names event 'other'"):
        read(root, candidates=str(cands))
    event, bad = read(root, candidates=str(cands), unmatched="report")
    assert [d.doc_id for d in event.candidates] == ["c1", "c3"]
    assert (bad.event_id, bad.candidate) == ("other", "c2")


def test_candidate_files_that_are_not_txt_are_not_dropped(tmp_path: Path) -> None:
    root = event_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "README.md": "about these articles",
            ".DS_Store": b"\x00\x01",
            "candidates/c1.txt": "Kim denied it.",
            "candidates/upper.TXT": "Kim denied it again.",
            "candidates/notes.md": "Kim denied it.",
            "candidates/plain": "Kim denied it.",
            "candidates/readme.TXT": "how these were written",
        },
    )
    with pytest.raises(InputError, match=r"candidates/notes\.md: not a \.txt file; .*unmatched"):
        read(root)
    event, *bad = read(root, unmatched="report")
    assert [d.doc_id for d in event.candidates] == ["c1", "upper"]
    assert [(b.event_id, b.candidate) for b in bad] == [("event", "notes.md"), ("event", "plain")]
    assert "notes.md is not a .txt file" in bad[0].reason


def test_ids_differing_only_in_unicode_normalisation_are_one_id(tmp_path: Path) -> None:
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    with pytest.raises(InputError, match="repeats line 1"):
        read(events_file(tmp_path, one(nfc), one(nfd)))
    line = {
        "event_id": nfd,
        "articles": [{"id": nfc, "text": ARTICLE}, {"id": nfd, "text": ARTICLE}],
    }
    with pytest.raises(InputError, match="clash"):
        read(events_file(tmp_path, line))
    (event,) = read(events_file(tmp_path, one(nfd)))
    assert event.event_id == nfc  # stored NFC


def test_key_facts_files_are_found_by_the_same_id_rule(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "caf\u00e9.txt").write_text("Kim denied.\n", encoding="utf-8")
    (tmp_path / "refs" / "README.md").write_text("notes\n", encoding="utf-8")
    path = events_file(tmp_path, one("CAFE\u0301"))
    (event,) = iter_events(DataConfig(sources=str(path), references=str(tmp_path / "refs")))
    assert [t for t, _ in event.key_facts] == ["Kim denied."]


# ------------------------------------------------ hostile inputs end in one line, never a crash


def test_an_event_without_articles_is_an_input_error(tmp_path: Path) -> None:
    path = events_file(tmp_path, {"event_id": "e1", "articles": []}, one("e2"))
    with pytest.raises(InputError, match=r"line 1: .*articles.* empty"):
        read(path)
    bad, event = read(path, bad_events="skip")
    assert bad.event_id == "e1" and event.event_id == "e2"


def test_the_candidates_of_a_skipped_line_are_named_each_in_a_row(tmp_path: Path) -> None:
    clash = {
        "event_id": "e1",
        "articles": [{"id": "a", "text": ARTICLE}, {"id": "A", "text": ARTICLE}],
        "candidates": [{"id": "sys_A", "text": "Kim denied."}, {"text": "no id"}],
    }
    path = events_file(tmp_path, clash, one("e2"), "[not, json")
    bad, event, cut, *rows = read(path, bad_events="skip")
    assert (bad.event_id, event.event_id, cut.event_id) == ("e1", "e2", "line 3")
    assert "the candidates it holds cannot be named" in cut.reason
    assert "cannot be named" not in bad.reason
    assert [(r.event_id, r.candidate) for r in rows] == [("e1", "sys_A"), ("e1", "candidates[1]")]
    assert rows[0].note == f"not scored: {path} line 1: its event was skipped"


@pytest.mark.parametrize("where", ["events", "candidates"])
def test_deeply_nested_json_is_an_input_error(tmp_path: Path, where: str) -> None:
    deep = '{"event_id": "e1", "articles": ' + "[" * 100_000 + "]" * 100_000 + "}"
    if where == "events":
        path = events_file(tmp_path, deep, one("e2"))
        with pytest.raises(InputError, match=r"line 1: .*nested too deeply"):
            read(path)
        bad, event = read(path, bad_events="skip")
        assert (bad.event_id, event.event_id) == ("line 1", "e2")
    else:
        cands = events_file(tmp_path, deep.replace("articles", "text"), name="cands.jsonl")
        with pytest.raises(InputError, match=r"cands\.jsonl line 1: .*nested too deeply"):
            read(events_file(tmp_path, one("e1")), candidates=str(cands))


@pytest.mark.parametrize(
    "event_id", ["e\x001", "e\x1b[31m", "line\nbreak", "e\u2028", "\ud800", "  "]
)
def test_event_ids_that_cannot_be_printed_are_refused(tmp_path: Path, event_id: str) -> None:
    path = events_file(tmp_path, one(event_id), one("e2"))
    with pytest.raises(InputError, match=r"line 1: ") as err:
        read(path)
    assert "\n" not in str(err.value) and "\x00" not in str(err.value)
    bad, _ = read(path, bad_events="skip")
    assert bad.event_id == "line 1"  # never the raw id in a table


@pytest.mark.parametrize("name", ["new\nline.txt", "bell\x07.md", "caf\udce9.txt"])
def test_file_names_that_cannot_be_printed_are_refused(tmp_path: Path, name: str) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    (root / "candidates").mkdir()
    (root / "candidates" / name).write_text("Kim denied it.", encoding="utf-8")
    for unmatched in ("stop", "report"):
        with pytest.raises(InputError, match=r"the file name .* cannot be printed") as err:
            read(root, unmatched=unmatched)
        assert "\n" not in str(err.value)
        str(err.value).encode("utf-8")  # escaped, so it can be printed


def test_a_long_event_id_never_becomes_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    long_id = "e" * 300
    path = events_file(tmp_path, one(long_id), one("../secret"), one("a/b\\c:d"))
    (tmp_path / "secret.txt").write_text("Not a fact file.\n", encoding="utf-8")
    events = list(iter_events(DataConfig(sources=str(path), references=str(tmp_path / "refs"))))
    assert [e.event_id for e in events] == [long_id, "../secret", "a/b\\c:d"]
    assert all(e.key_facts == () for e in events)


def test_a_line_over_max_bytes_is_refused_naming_it(tmp_path: Path) -> None:
    big = {"event_id": "big", "articles": [{"id": "a", "text": ARTICLE * 1000}]}
    path = events_file(tmp_path, one("e1"), big, one("e3"))
    with pytest.raises(InputError, match=r"line 2: over data\.max_bytes=10000 bytes"):
        read(path, max_bytes=10_000)
    first, bad, third = read(path, max_bytes=10_000, bad_events="skip")
    assert (first.event_id, bad.event_id, third.event_id) == ("e1", "line 2", "e3")
    cands = events_file(tmp_path, {"id": "c", "text": "x" * 20_000}, name="c.jsonl")
    with pytest.raises(InputError, match=r"c\.jsonl line 1: over data\.max_bytes"):
        read(event_dir(tmp_path, {"a.txt": ARTICLE}), candidates=str(cands), max_bytes=10_000)


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = events_file(tmp_path, one("e1"), '{"event_id": "e\x01"}')
    with pytest.raises(
        InputError, match=r"line 2: not valid JSON \(Invalid control character at column 16\)"
    ):
        read(path)


def test_a_line_cut_short_says_so(tmp_path: Path) -> None:
    """A last line cut before its end (and its newline) is reported as cut short, not as the
    newline being a control character inside the string."""
    cut = '{"event_id": "e2", "articles": [{"id": "a", "text": "Kim'
    with pytest.raises(
        InputError,
        match=r"line 2: not valid JSON \(Unterminated string starting at column 53; the line ends "
        r"early, as if cut short\); fix the line$",
    ):
        read(events_file(tmp_path, one("e1"), cut))
    with pytest.raises(InputError, match=r"line 2: not valid JSON \(.*; fix the line$"):
        read(events_file(tmp_path, one("e1"), '{"event_id": ' + "1" * 5000 + "}"))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            {**one("e1"), "candidate": [{"id": "mine", "text": "Kim denied it."}]},
            r"line 1: unknown field 'candidate'; an event has event_id, articles, candidates, "
            r"key_facts; did you mean 'candidates'\?$",
        ),
        (
            {**one("e1"), "keyfacts": ["Kim denied it."]},
            r"line 1: unknown field 'keyfacts'; an event has .*; did you mean 'key_facts'\?$",
        ),
        (
            {**one("e1"), "title": "x"},
            r"line 1: unknown field 'title'; an event has event_id, articles, candidates, "
            r"key_facts$",
        ),
        (
            {"event_id": "e1", "articles": [{"id": "a", "text": ARTICLE, "title": "T"}]},
            r"line 1 articles\[0\]: unknown field 'title'; an article has id, text$",
        ),
        (
            {**one("e1"), "candidates": [{"id": "c", "summary": "Kim denied it."}]},
            r"line 1 candidates\[0\]: unknown field 'summary'; a candidate has id, text$",
        ),
        (
            '{"event_id": "e1", "event_id": "e2", "articles": []}',
            r"line 1: field 'event_id' appears twice in one object; keep one$",
        ),
        (
            '{"event_id": "e1", "articles": [{"id": "a", "text": "x", "text": "y"}]}',
            r"line 1: field 'text' appears twice in one object; keep one$",
        ),
    ],
)
def test_an_unknown_or_repeated_field_in_an_events_line_is_refused(
    tmp_path: Path, line: dict | str, message: str
) -> None:
    """A misspelt field would drop its candidates or key facts without a word: refused, as
    a candidates file refuses one, naming the fields and the closest one."""
    with pytest.raises(InputError, match=message):
        read(events_file(tmp_path, line))
    if isinstance(line, dict):  # the Python API's event dicts too
        with pytest.raises(InputError, match=r"^events\[0\]" + message.split("line 1", 1)[1]):
            list(read_events(DataConfig(references=None), events=[line]))


@pytest.mark.parametrize("event_id", ["good\u202etxt.exe", "e\u2066x", "zero\u200bwidth"])
def test_format_characters_in_ids_are_refused(tmp_path: Path, event_id: str) -> None:
    """A bidi override prints "good\u202etxt.exe" as "goodexe.txt": refused like a control."""
    with pytest.raises(InputError, match=r"line 1: the id .* cannot be printed on one line as it"):
        read(events_file(tmp_path, one(event_id)))
    cand = {"event_id": "e1", "id": event_id, "text": "Kim."}
    cands = events_file(tmp_path, cand, name="c.jsonl")
    with pytest.raises(InputError, match=r"c\.jsonl line 1: the id .*\(U\+(202E|2066|200B)"):
        read(events_file(tmp_path, one("e1")), candidates=str(cands))


def test_ids_with_white_space_around_them_are_refused(tmp_path: Path) -> None:
    """ "e1 " would be another event than "e1": refused, never silently a second event."""
    with pytest.raises(InputError, match=r"line 2: the id 'e1 ' starts or ends with white space"):
        read(events_file(tmp_path, one("e1"), one("e1 ")))
    line = {"event_id": "e1", "articles": [{"id": " a", "text": "x"}]}
    with pytest.raises(InputError, match=r"line 1: the id ' a' starts or ends with white space"):
        read(events_file(tmp_path, line))


def test_a_folder_named_jsonl_is_reported_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").mkdir()
    with pytest.raises(InputError, match=r"x\.jsonl is a folder"):
        read(tmp_path / "x.jsonl")


def test_a_byte_order_mark_in_a_jsonl_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps(one("e1")).encode()
        + b"\n"
        + b"\xef\xbb\xbf"
        + json.dumps(one("e2")).encode()
        + b"\r\n"
    )
    assert [e.event_id for e in read(path)] == ["e1", "e2"]


def test_stray_nul_bytes_in_a_text_are_normalised_but_binary_is_refused(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": b"Kim Yo Jong\x00 denied it on Friday.\x00\n"})
    (event,) = load(root)
    assert event.sources[0].text == "Kim Yo Jong denied it on Friday.\n"
    (root / "a.txt").write_bytes(b"\x00\xff\xfe binary \x00 data")
    with pytest.raises(InputError, match="looks like a binary file"):
        load(root)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_saying_so(tmp_path: Path, codec: str) -> None:
    """UTF-16 (with or without its byte-order mark) is named as such, in a text and in a
    JSONL line, rather than as binary or not UTF-8."""
    root = event_dir(tmp_path, {"a.txt": ARTICLE.encode(codec)})
    with pytest.raises(InputError, match=r"a\.txt: looks like UTF-16 text; convert it to UTF-8"):
        load(root)
    path = tmp_path / "events.jsonl"
    path.write_bytes(json.dumps(one("e1")).encode(codec))
    with pytest.raises(InputError, match=r"line 1: looks like UTF-16 text; convert the file"):
        read(path)


def test_lone_surrogate_escapes_in_texts_are_replaced(tmp_path: Path) -> None:
    line = '{"event_id": "e1", "articles": [{"id": "a", "text": "Kim \\ud800 denied it."}]}'
    (event,) = read(events_file(tmp_path, line))
    assert event.sources[0].text == "Kim \ufffd denied it."


# ------------------------------------------------ candidates as CSV, JSONL, one file per system


def write_csv(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def by_event(items: list) -> dict[str, list[tuple[str, str, str]]]:
    """Each event's candidates as (id, text, origin)."""
    return {e.event_id: [(d.doc_id, d.text, d.origin) for d in e.candidates] for e in items}


def test_candidates_csv_with_event_ids(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"), one("e2"))
    cands = write_csv(
        tmp_path / "cands.csv",
        'event_id,id,text\r\nE1,sys_a,"Kim denied it,\r\nagain."\r\n\r\ne2,sys_a,Kim denied.\r\n'
        "e1,sys_b,Kim spoke.\r\n",
        bom=True,
    )
    assert by_event(read(sources, candidates=str(cands))) == {
        "e1": [
            ("sys_a", "Kim denied it,\nagain.", f"{cands} line 2"),
            ("sys_b", "Kim spoke.", f"{cands} line 6"),
        ],
        "e2": [("sys_a", "Kim denied.", f"{cands} line 5")],
    }


def test_candidates_csv_without_event_ids_belong_to_the_folder_event(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    cands = write_csv(tmp_path / "cands.csv", "text,id\nKim denied it.,c1\n")
    (event,) = read(root, candidates=str(cands))
    assert [(d.doc_id, d.text) for d in event.candidates] == [("c1", "Kim denied it.")]
    with pytest.raises(InputError, match=r"cands\.csv line 2: with events JSONL sources every"):
        read(events_file(tmp_path, one("e1")), candidates=str(cands))


def system_files(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "systems"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_one_file_per_system(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"), one("e2"))
    folder = system_files(
        tmp_path,
        {
            "lead3.jsonl": '{"event_id": "e1", "text": "Kim denied."}\n'
            '{"event_id": "e2", "text": "Kim spoke."}\n',
            "Bart.csv": "event_id,text\ne2,Kim denied it twice.\n",  # missing from e1: fine
            "README.md": "how the systems were run",
        },
    )
    assert by_event(read(sources, candidates=str(folder))) == {
        "e1": [("lead3", "Kim denied.", f"{folder / 'lead3.jsonl'} line 1")],
        "e2": [
            ("Bart", "Kim denied it twice.", f"{folder / 'Bart.csv'} line 2"),
            ("lead3", "Kim spoke.", f"{folder / 'lead3.jsonl'} line 2"),
        ],
    }


def test_one_file_per_system_beside_a_folder_event(tmp_path: Path) -> None:
    root = event_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "candidates/lead3.jsonl": '{"event_id": "event", "text": "Kim denied."}\n',
            "candidates/bart.jsonl": '{"text": "Kim spoke."}\n',
        },
    )
    (event,) = read(root)  # data.candidates=auto: <sources>/candidates/
    assert [d.doc_id for d in event.candidates] == ["bart", "lead3"]


CSV_HEADER = "event_id,id,text\n"


@pytest.mark.parametrize(
    ("name", "content", "pattern"),
    [
        (
            "c.csv",
            "event_id,id,text,system\ne1,a,Kim.,x\n",
            r"c\.csv line 1: unknown column 'system'; the columns are event_id, id, text",
        ),
        ("c.csv", "event_id,text\ne1,Kim.\n", r"c\.csv line 1: no column 'id'"),
        ("c.csv", "id,text,id\na,Kim.,b\n", r"c\.csv line 1: column 'id' appears twice"),
        ("c.csv", CSV_HEADER + "e1,a,Kim.,extra\n", r"c\.csv line 2: 4 cells where the header"),
        ("c.csv", CSV_HEADER + "e1,,Kim.\n", r"c\.csv line 2: field 'id' must be a non-empty str"),
        (
            "c.csv",
            CSV_HEADER + "e1,a,Kim.\ne1,b,Kim.\nE1,A,Kim again.\n",
            r"c\.csv line 4: candidate 'A' of event 'E1' is given twice \(also .*c\.csv line 2\)",
        ),
        (
            "c.jsonl",
            '{"event_id": "e1", "id": "a", "text": "Kim.", "model": "x"}\n',
            r"c\.jsonl line 1: unknown field 'model'; a candidate has event_id, id, text",
        ),
        (
            "c.jsonl",
            '{"event_id": "e1", "id": "a", "text": "Kim."}\n{"event_id": "e1", "id": "a", '
            '"text": "Kim."}\n',
            r"c\.jsonl line 2: candidate 'a' of event 'e1' is given twice \(also .* line 1\)",
        ),
        ("c.csv", CSV_HEADER + "nope,a,Kim.\n", r"c\.csv line 2: candidate 'a' names event 'nope'"),
    ],
)
def test_bad_candidate_files_name_the_file_and_line(
    tmp_path: Path, name: str, content: str, pattern: str
) -> None:
    path = write_csv(tmp_path / name, content)
    with pytest.raises(InputError, match=pattern) as err:
        read(events_file(tmp_path, one("e1")), candidates=str(path))
    assert "\n" not in str(err.value)


def test_a_csv_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"event_id,id,text\ne1,a,caf\xe9\n")
    with pytest.raises(InputError, match=r"c\.csv: not valid UTF-8 .*save it as UTF-8"):
        read(events_file(tmp_path, one("e1")), candidates=str(path))


@pytest.mark.parametrize(
    ("files", "pattern"),
    [
        (
            {"a.jsonl": '{"event_id": "e1", "id": "a", "text": "Kim."}\n'},
            r"a\.jsonl line 1: unknown field 'id'; a candidate has event_id, text \(its id is "
            r"the file name: 'a'\)",
        ),
        (
            {"a.csv": "event_id,id,text\ne1,x,Kim.\n"},
            r"a\.csv line 1: unknown column 'id'; the columns are event_id, text",
        ),
        (
            {"a.jsonl": '{"event_id": "e1", "text": "Kim."}\n{"event_id": "E1", "text": "K."}\n'},
            r"a\.jsonl line 2: candidate 'a' of event 'E1' is given twice",
        ),
        (
            {"a.jsonl": '{"event_id": "e1", "text": "Kim."}\n', "A.csv": "event_id,text\ne1,K.\n"},
            r"A\.csv and a\.jsonl in .*systems name one system \(ids must differ by more than "
            r"case or Unicode form\)",
        ),
        (
            {"a.jsonl": '{"event_id": "e1", "text": "Kim."}\n', "b.txt": "Kim."},
            r"holds both \.txt candidates \(b\.txt\) and system files \(a\.jsonl\)",
        ),
        (
            {"a.jsonl": '{"event_id": "e1", "text": "Kim."}\n', "notes.md": "x"},
            r"notes\.md: not a \.jsonl or \.csv file; .*data\.unmatched=report",
        ),
    ],
)
def test_bad_system_files_name_the_file_and_line(
    tmp_path: Path, files: dict[str, str], pattern: str
) -> None:
    folder = system_files(tmp_path, files)
    with pytest.raises(InputError, match=pattern) as err:
        read(events_file(tmp_path, one("e1")), candidates=str(folder))
    assert "\n" not in str(err.value)


def test_files_beside_the_system_files_are_reported_when_told(tmp_path: Path) -> None:
    folder = system_files(
        tmp_path,
        {"s.jsonl": '{"event_id": "e1", "text": "Kim."}\n{"event_id": "e9", "text": "K."}\n'},
    )
    (folder / "notes.md").write_text("x", encoding="utf-8")
    event, *bad = read(events_file(tmp_path, one("e1")), candidates=str(folder), unmatched="report")
    assert [d.doc_id for d in event.candidates] == ["s"]
    assert [(b.event_id, b.candidate) for b in bad] == [("e9", "s"), ("", "notes.md")]
    assert "notes.md is not a .jsonl or .csv file" in bad[1].reason


# ------------------------------------------------ events and candidates given in memory


def test_events_in_memory_are_read_as_jsonl_lines(tmp_path: Path) -> None:
    cfg = DataConfig(references=None)
    record = Event("e2", (Document("a", "source", ARTICLE, "x"),), (), "x", (("K.", "y"),))
    events = [{**one("e1"), "candidates": [{"id": "c", "text": "Kim."}]}, record]
    cands = [{"event_id": "E2", "id": "d", "text": "Kim denied."}]
    first, second = [e for _, e in read_events(cfg, events=events, candidates=cands)]
    assert (first.origin, second.origin) == ("events[0]", "events[1]")
    assert [d.doc_id for d in first.candidates] == ["c"]
    assert [(d.doc_id, d.origin) for d in second.candidates] == [("d", "candidates[0]")]
    assert second.key_facts == (("K.", "events[1] key_facts[0]"),)


@pytest.mark.parametrize(
    ("events", "pattern"),
    [
        ([one("e1"), {"articles": []}], r"^events\[1\]: missing field 'event_id'"),
        ([one("e1"), one("E1")], r"^events\[1\]: event_id 'E1' repeats events\[0\]"),
        ([one("e1"), "e2"], r"^events\[1\]: a str; pass a dict shaped like a JSONL line"),
        ([], r"^data\.sources: the events given holds no events; pass at least one"),
    ],
)
def test_bad_events_in_memory_name_their_place(events: list, pattern: str) -> None:
    cfg = DataConfig(references=None)
    with pytest.raises(InputError, match=pattern):
        list(read_events(cfg, events=events))
    if events:
        cfg.bad_events = "skip"
        items = [e for _, e in read_events(cfg, events=events)]
        assert items[1].origin == "events[1]"
