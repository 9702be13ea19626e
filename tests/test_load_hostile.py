"""Hostile input found by fuzzing the loader: every bad input stops before any work with one
line naming the file, and no input the user gave is dropped without a word."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.stages.load import BadEvent, read_events

from .conftest import event_dir
from .test_cli import run
from .test_load import ARTICLE, events_file, one, read

NFC, NFD = "caf\u00e9", "cafe\u0301"


def config(sources: Path, **kw: object) -> DataConfig:
    cfg = DataConfig(sources=str(sources), references=None)
    for key, value in kw.items():
        setattr(cfg, key, value)
    return cfg


# ------------------------- A: a bad line anywhere stops the run before the first event is read

BAD_SECOND_LINES = [
    ('{"event_id": "e2", "articles": [}', r"line 2: not valid JSON"),
    (one("e1"), r"line 2: event_id 'e1' repeats line 1"),
    (one("E1"), r"line 2: event_id 'E1' repeats line 1"),
    ({"event_id": "e2", "articles": []}, r"line 2: 'articles' is empty"),
    (
        {"event_id": "e2", "articles": [{"id": "a", "text": ARTICLE}] * 2},
        r"line 2: ids 'a' and 'a' clash",
    ),
]


@pytest.mark.parametrize(("second", "pattern"), BAD_SECOND_LINES)
def test_a_bad_later_line_stops_before_the_first_event(
    tmp_path: Path, second: dict | str, pattern: str
) -> None:
    events = read_events(config(events_file(tmp_path, one("e1"), second, one("e3"))))
    with pytest.raises(InputError, match=pattern):
        next(events)  # `evaluate` reads the first event before it builds any model


def test_ids_differing_in_unicode_form_are_not_said_to_differ_in_case(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="repeats line 1") as err:
        next(read_events(config(events_file(tmp_path, one(NFC), one(NFD)))))
    assert "differ by more than case or Unicode form" in str(err.value)


def test_every_shard_checks_every_line(tmp_path: Path) -> None:
    path = events_file(tmp_path, one("e1"), one("e2"), one("e3"), '{"event_id": "e4",')
    for shard in (0, 1):
        with pytest.raises(InputError, match="line 4: not valid JSON"):
            next(read_events(config(path), shard, 2))


def test_a_candidate_clashing_with_a_later_event_stops_before_the_first(tmp_path: Path) -> None:
    path = events_file(tmp_path, one("e1"), one("e2"))
    cands = tmp_path / "cands.jsonl"
    cands.write_text('{"event_id": "e2", "id": "a", "text": "Kim."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: ids 'a' and 'a' clash"):
        next(read_events(config(path, candidates=str(cands))))


def test_skipping_bad_lines_still_gives_a_row_each(tmp_path: Path) -> None:
    path = events_file(tmp_path, one("e1"), '{"event_id": "e2", "articles": [}', one("E1"))
    first, bad, repeat = read(path, bad_events="skip")
    assert first.event_id == "e1"
    assert isinstance(bad, BadEvent) and "not valid JSON" in bad.reason
    assert isinstance(repeat, BadEvent) and "repeats line 1" in repeat.reason


@pytest.mark.parametrize(
    "second", [{"event_id": "e2", "articles": 7}, {"event_id": "e2", "articles": []}]
)
@pytest.mark.parametrize("shard", [0, 1])
def test_the_candidates_of_a_skipped_line_get_rows_of_their_own(
    tmp_path: Path, second: dict | str, shard: int
) -> None:
    """They were neither scored nor listed nor counted (the line's row was said to stand for
    them), whether the line failed before or after its candidates were matched to it. Now each
    has a row, after the events, in one shard only."""
    path = events_file(tmp_path, one("e1"), second, one("e3"))
    cands = tmp_path / "cands.csv"
    cands.write_text("event_id,id,text\ne2,lead,Kim denied it.\ne1,lead,Kim denied.\n", "utf-8")
    cfg = config(path, candidates=str(cands), bad_events="skip")
    items = list(read_events(cfg, shard, 2))
    rows = [(p, e.event_id, e.candidate) for p, e in items if isinstance(e, BadEvent)]
    assert rows == {0: [], 1: [(1, "e2", ""), (3, "e2", "lead")]}[shard], rows
    (orphan,) = [e for _, e in read_events(cfg) if isinstance(e, BadEvent) and e.candidate]
    assert orphan.reason == f"{cands} line 2: its event was skipped ({path} line 2)"


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ('{"event_id": "e2", "articles": [}', "line 2: not valid JSON"),
        (one(NFD), "repeats line 1"),
    ],
)
def test_a_bad_later_line_leaves_no_run_folder(
    tmp_path: Path, second: dict | str, message: str
) -> None:
    path = events_file(tmp_path, one(NFC), second)
    done = run(tmp_path, f"data.sources={path}")
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()


# ------------------------------------ B: every entry of an input folder is read or accounted for


@pytest.mark.parametrize(
    ("files", "entry", "pattern"),
    [
        ({"c.txt/x.txt": ARTICLE}, "c.txt", r"c\.txt: a folder, and only the \.txt files"),
        ({".hidden": "notes"}, ".hidden", r"\.hidden: not a \.txt file"),
        (
            {"candidates/c.txt": "Kim.", "candidates/sub/x.txt": "Kim."},
            "sub",
            r"candidates/sub: a folder",
        ),
    ],
)
def test_folders_and_hidden_files_follow_unmatched(
    tmp_path: Path, files: dict, entry: str, pattern: str
) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, **files})
    with pytest.raises(InputError, match=pattern + r".*data\.unmatched=report"):
        read(root)
    event, bad = read(root, unmatched="report")
    assert [d.doc_id for d in event.sources] == ["a"]
    assert isinstance(bad, BadEvent) and bad.candidate == entry


def test_a_hidden_text_is_read_and_os_litter_is_passed_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="evalkit")
    root = event_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            ".b.txt": ARTICLE,
            ".DS_Store": b"\x00\x01",
            "._a.txt": b"\x00\x05\x16\x07",
            "Thumbs.db": b"\x00",
            "candidates/c.txt": "Kim denied it.",
        },
    )
    (event,) = read(root)
    assert [d.doc_id for d in event.sources] == [".b", "a"]
    assert ".DS_Store: not read (a file the operating system left)" in caplog.text


def test_a_readme_in_a_systems_folder_is_documentation(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sources = events_file(tmp_path, one("e1"))
    systems = tmp_path / "systems"
    systems.mkdir()
    (systems / "s1.jsonl").write_text('{"event_id": "e1", "text": "Kim."}\n', encoding="utf-8")
    (systems / "readme.md").write_text("how they ran\n", encoding="utf-8")
    caplog.set_level("DEBUG", logger="evalkit")
    (event,) = read(sources, candidates=str(systems))
    assert [d.doc_id for d in event.candidates] == ["s1"]
    assert "readme.md: not read (documentation)" in caplog.text


def test_a_folder_in_a_systems_folder_follows_unmatched(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"))
    systems = tmp_path / "systems"
    (systems / "old").mkdir(parents=True)
    (systems / "s1.jsonl").write_text('{"event_id": "e1", "text": "Kim."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"systems/old: a folder, and only the \.jsonl or \.csv"):
        read(sources, candidates=str(systems))
    event, bad = read(sources, candidates=str(systems), unmatched="report")
    assert bad.candidate == "old" and "is a folder" in bad.note


def key_facts(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "refs"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ("Kim denied.\n...\n", r"e1.txt:2: the key fact '...' has no words"),
        (
            "Kim denied.\nShin spoke.\n  kim   DENIED.\n",
            r"e1.txt:3: repeats the key fact of .*e1.txt:1",
        ),
    ],
)
def test_key_facts_say_something_once(tmp_path: Path, facts: str, message: str) -> None:
    """A fact of no word was missed by every candidate (coverage 0.99 -> 0.33), and a fact
    written twice counted twice, without a word; inline facts alike."""
    path = events_file(tmp_path, one("e1"))
    refs = key_facts(tmp_path, {"e1.txt": facts})
    with pytest.raises(InputError, match=message):
        read(path, references=str(refs))
    inline = events_file(tmp_path, {**one("e1"), "key_facts": facts.splitlines()}, name="in.jsonl")
    with pytest.raises(InputError, match=r"key_facts\[[12]\]: (the key fact|repeats)"):
        read(inline)


@pytest.mark.parametrize("text", ["", "  \n\n", "# facts to come\n"])
def test_a_key_facts_file_without_facts_is_refused(tmp_path: Path, text: str) -> None:
    """An empty one was told to "add the article text"."""
    refs = key_facts(tmp_path, {"e1.txt": text})
    with pytest.raises(InputError, match=r"e1.txt: holds no key facts; write one per line"):
        read(events_file(tmp_path, one("e1")), references=str(refs))


def test_key_facts_of_no_event_are_named_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # a run over some of the events a folder has facts for is no mistake: the run goes on,
    # and a warning names the files it did not use (a typo shows there)
    path = events_file(tmp_path, one("e1"), one("e2"))
    refs = key_facts(tmp_path, {"E1.txt": "Kim denied.\n", "zzz.txt": "Kim spoke.\n"})
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        e1, e2 = read(path, references=str(refs))
    assert [t for t, _ in e1.key_facts] == ["Kim denied."] and e2.key_facts == ()
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "1 key-facts file(s) of no event" in warning and str(refs / "zzz.txt") in warning
    assert len(read(path, references=str(refs), unmatched="report")) == 2  # no row for it


def test_key_facts_of_no_event_beside_a_folder_event(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    (tmp_path / "other_event").mkdir()  # references/ beside the sources may serve it too
    refs = key_facts(tmp_path, {"event.txt": "Kim denied.\n", "other_event.txt": "Kim.\n"})
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        (event,) = read(root, references=str(refs))
    assert [t for t, _ in event.key_facts] == ["Kim denied."]
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    (refs / "evnet.txt").write_text("A typo.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        (event,) = read(root, references=str(refs))
    assert any("evnet.txt" in r.getMessage() for r in caplog.records)


def test_key_facts_in_a_line_and_in_a_file_are_refused(tmp_path: Path) -> None:
    line = {**one("e1"), "key_facts": ["Kim denied."]}
    path = events_file(tmp_path, line, one("e2"))
    refs = key_facts(tmp_path, {"E1.txt": "Kim spoke.\n"})
    with pytest.raises(InputError, match=r"line 1: key facts given twice, in the line and in "):
        next(read_events(config(path, references=str(refs))))
    e2_only = events_file(tmp_path, {**one("e2"), "key_facts": ["Kim denied."]}, name="b.jsonl")
    (event,) = read(e2_only, references=str(refs))  # e1's file is another event's: a warning
    assert [t for t, _ in event.key_facts] == ["Kim denied."]


def test_a_non_text_file_among_key_facts_follows_unmatched(tmp_path: Path) -> None:
    path = events_file(tmp_path, one("e1"))
    refs = key_facts(tmp_path, {"e1.txt": "Kim denied.\n", "e1.md": "Kim.\n", "README": "x"})
    with pytest.raises(InputError, match=r"e1\.md: not a \.txt file"):
        read(path, references=str(refs))
    event, bad = read(path, references=str(refs), unmatched="report")
    assert bad.candidate == "e1.md"


# --------------------------------------------------- C: system files that name one system


def test_system_files_differing_only_in_case_are_refused(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"), one("e2"))
    systems = tmp_path / "systems"
    systems.mkdir()
    (systems / "s1.jsonl").write_text('{"event_id": "e1", "text": "Kim."}\n', encoding="utf-8")
    (systems / "S1.csv").write_text("event_id,text\ne2,Kim.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"S1\.csv and s1\.jsonl in .* name one system"):
        read(sources, candidates=str(systems))


# ------------------------------------------------------------ D: malformed candidate files


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("", r"c\.csv is empty; give a header"),
        ("event_id,id,text\n", r"c\.csv holds a header but no candidates"),
        ("event_id,id,text\n\n\n", r"c\.csv holds a header but no candidates"),
        (
            'event_id,id,text\ne1,a,"Kim denied.\ne1,b,Kim spoke.\n',
            r"c\.csv line 2: a quoted cell runs to the end of the file",
        ),
        ('event_id,id,text\ne1,a,"Kim" denied\n', r"c\.csv line 2: not valid CSV"),
    ],
)
def test_malformed_candidate_csvs_are_refused(tmp_path: Path, content: str, pattern: str) -> None:
    sources = events_file(tmp_path, one("e1"))
    cands = tmp_path / "c.csv"
    cands.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=pattern) as err:
        read(sources, candidates=str(cands))
    assert "\n" not in str(err.value)


def test_an_empty_system_file_is_refused(tmp_path: Path) -> None:
    sources = events_file(tmp_path, one("e1"))
    systems = tmp_path / "systems"
    systems.mkdir()
    (systems / "s1.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"s1\.jsonl holds no candidates"):
        read(sources, candidates=str(systems))


# -------------------------------------------------------- E: links and files that are no file


def test_a_symlink_loop_is_an_input_error(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    os.symlink("c.txt", root / "c.txt")
    with pytest.raises(InputError, match=r"c\.txt: a symbolic link that loops"):
        read(root)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "x.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"x\.jsonl: not a regular file"):
        read(fifo)
    zero = tmp_path / "zero.jsonl"
    os.symlink("/dev/zero", zero)
    with pytest.raises(InputError, match=r"zero\.jsonl: not a regular file"):
        read(zero)
    sources = events_file(tmp_path, one("e1"))
    os.mkfifo(tmp_path / "c.csv")
    with pytest.raises(InputError, match=r"c\.csv: not a regular file"):
        read(sources, candidates=str(tmp_path / "c.csv"))


def test_a_symlink_loop_leaves_no_run_folder(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE})
    os.symlink("c.txt", root / "c.txt")
    done = run(tmp_path, f"data.sources={root}", "data.references=null")
    assert done.returncode == 2, done.stderr
    assert "a symbolic link that loops" in done.stderr
    assert not (tmp_path / "run").exists()
