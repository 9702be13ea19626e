"""Tests for loading benchmark JSONL files: tiny fixtures and every user-facing error path."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from evalkit.bench.load import (
    Benchmark,
    CoverageDoc,
    CoverageSummary,
    FaithItem,
    load_benchmark,
)
from evalkit.errors import InputError

DATA = Path(__file__).parent / "data"
FAITH = DATA / "bench_faith_tiny.jsonl"
COVERAGE = DATA / "bench_coverage_tiny.jsonl"


def _faith_record(**changes: Any) -> dict[str, Any]:
    """A valid faithfulness record, with fields replaced or (value ...) removed."""
    rec: dict[str, Any] = {
        "id": "t:1:A",
        "doc_id": "d1",
        "dataset": "t",
        "system": "A",
        "source": "The cat sat on the mat.",
        "summary": "A dog sat.",
        "label": 0,
        "spans": [[2, 5]],
    }
    rec.update(changes)
    return {k: v for k, v in rec.items() if v is not ...}


def _coverage_record(**changes: Any) -> dict[str, Any]:
    """A valid coverage record (2 key facts, 1 summary), with fields replaced or removed."""
    rec: dict[str, Any] = {
        "doc_id": "d1",
        "dataset": "t",
        "source": "src",
        "reference": "ref",
        "key_facts": ["fact one", "fact two"],
        "summaries": [{"system": "A", "text": "sum", "labels": [1, 0]}],
    }
    rec.update(changes)
    return {k: v for k, v in rec.items() if v is not ...}


def _write(tmp_path: Path, *records: Any, name: str = "bench.jsonl") -> Path:
    """Write records (dicts become JSON, strings are written verbatim) one per line."""
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# --- fixtures load -----------------------------------------------------------------------------


def test_faith_fixture_loads_with_counts_and_fields() -> None:
    bench = load_benchmark(FAITH)
    assert bench.kind == "faithfulness"
    assert bench.coverage == ()
    assert len(bench.faith) == 6
    assert [item.label for item in bench.faith] == [1, 0, 0, 1, 1, 0]
    assert sorted({item.dataset for item in bench.faith}) == ["tiny-news", "tiny-sport"]
    assert sum(item.dataset == "tiny-sport" for item in bench.faith) == 2
    first = bench.faith[0]
    assert first == FaithItem(
        id="tiny-news:d1:SysA",
        doc_id=hashlib.sha1(
            b"the council voted on monday to close the old bridge. repairs will cost 2 million "
            b"pounds and start in may."
        ).hexdigest(),
        dataset="tiny-news",
        system="SysA",
        source="The council voted on Monday to close the old bridge.\n"
        "Repairs will cost 2 million pounds and start in May.",
        summary="The council voted to close the old bridge.",
        label=1,
        spans=(),
    )


def test_faith_fixture_spans_mark_the_unsupported_words() -> None:
    bench = load_benchmark(FAITH)
    marked = {
        item.id: [item.summary[start:end] for start, end in item.spans] for item in bench.faith
    }
    assert marked["tiny-news:d1:SysB"] == ["new"]
    assert marked["tiny-news:d2:SysA"] == ["York"]
    assert marked["tiny-sport:d3:SysB"] == ["lost to Wales"]
    assert all(not item.spans for item in bench.faith if item.label == 1)
    assert isinstance(bench.faith[1].spans[0], tuple)


def test_coverage_fixture_loads_with_counts_and_labels() -> None:
    bench = load_benchmark(COVERAGE)
    assert bench.kind == "coverage"
    assert bench.faith == ()
    assert len(bench.coverage) == 2
    assert all(len(doc.key_facts) == 3 for doc in bench.coverage)
    assert all(
        [s.system for s in doc.summaries] == ["abs_one", "ext_two", "abs_three"]
        for doc in bench.coverage
    )
    bath = next(doc for doc in bench.coverage if "Bath" in doc.source)
    assert isinstance(bath, CoverageDoc)
    assert bath.key_facts[1] == "The library has 40,000 books"
    assert bath.summaries[0] == CoverageSummary(
        system="abs_one",
        text="The mayor of Bath opened a library on Friday.",
        labels=(1, 0, 0),
        acu_score=None,
    )
    # Human coverage = sum(labels) / len(labels): 1/3, 2/3, 3/3.
    assert [s.human_coverage for s in bath.summaries] == pytest.approx([1 / 3, 2 / 3, 1.0])


def test_benchmark_records_sha256_and_absolute_path() -> None:
    bench = load_benchmark(str(FAITH))
    assert bench.sha256 == hashlib.sha256(FAITH.read_bytes()).hexdigest()
    assert bench.path == str(FAITH.resolve())
    assert Path(bench.path).is_absolute()


def test_records_are_frozen_and_slotted() -> None:
    bench = load_benchmark(FAITH)
    with pytest.raises(dataclasses.FrozenInstanceError):
        bench.faith[0].label = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        bench.kind = "coverage"  # type: ignore[misc]
    for obj in (bench, bench.faith[0]):
        assert not hasattr(obj, "__dict__")
    assert isinstance(bench, Benchmark)


def test_blank_lines_are_skipped_and_crlf_accepted(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    rec1 = json.dumps(_faith_record())
    rec2 = json.dumps(_faith_record(id="t:1:B", label=1, spans=[]))
    path.write_bytes(f"\n{rec1}\r\n   \n{rec2}\n\n".encode())
    bench = load_benchmark(path)
    assert [item.id for item in bench.faith] == ["t:1:A", "t:1:B"]


def test_utf8_bom_and_unicode_text_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    rec = _faith_record(summary="Café\u2028naïve", spans=[[0, 4]], label=0)
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(rec, ensure_ascii=False).encode() + b"\n")
    bench = load_benchmark(path)
    assert bench.faith[0].summary == "Café\u2028naïve"
    assert bench.faith[0].summary[0:4] == "Café"


def test_extra_fields_are_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, _faith_record(sentence_labels=[0, 1]))
    assert load_benchmark(path).faith[0].id == "t:1:A"


def test_coverage_acu_score_without_labels(tmp_path: Path) -> None:
    summaries = [
        {"system": "A", "text": "s", "labels": None, "acu_score": 0.25},
        {"system": "B", "text": "t", "labels": [1, 1], "acu_score": 1},
    ]
    bench = load_benchmark(_write(tmp_path, _coverage_record(summaries=summaries)))
    a, b = bench.coverage[0].summaries
    assert a.labels is None and a.acu_score == 0.25 and a.human_coverage == 0.25
    assert b.labels == (1, 1) and b.acu_score == 1.0 and isinstance(b.acu_score, float)


# --- error paths -------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match=r"bench\.path: .*nope\.jsonl does not exist; pass"):
        load_benchmark(path)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_benchmark(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.jsonl: file is empty"):
        load_benchmark(path)


def test_non_utf8_file_names_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    good = json.dumps(_faith_record()).encode()
    path.write_bytes(good + b"\n" + '{"summary": "caf\xe9"}'.encode("latin-1") + b"\n")
    with pytest.raises(InputError, match=r"latin1\.jsonl line 2: not valid UTF-8 \(byte 0xe9"):
        load_benchmark(path)


def test_bad_json_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, _faith_record(), _faith_record(id="x"), "{not json")
    with pytest.raises(
        InputError, match=r"bench\.jsonl line 3: not valid JSON \(.+\); fix or remove the line"
    ):
        load_benchmark(path)


def test_line_not_an_object(tmp_path: Path) -> None:
    path = _write(tmp_path, "[1, 2]")
    with pytest.raises(InputError, match="line 1: expected a JSON object, got array"):
        load_benchmark(path)


def test_unknown_kind(tmp_path: Path) -> None:
    path = _write(tmp_path, {"doc_id": "d", "text": "hello"})
    with pytest.raises(
        InputError,
        match=r"neither a faithfulness file \(fields summary, label\) nor a coverage file",
    ):
        load_benchmark(path)


def test_mixed_kinds(tmp_path: Path) -> None:
    path = _write(tmp_path, _faith_record(), _coverage_record())
    with pytest.raises(InputError, match="line 2: a coverage record in a faithfulness file"):
        load_benchmark(path)


def test_mixed_with_unknown_record(tmp_path: Path) -> None:
    path = _write(tmp_path, _coverage_record(), {"foo": 1})
    with pytest.raises(InputError, match="line 2: a record of unknown kind in a coverage file"):
        load_benchmark(path)


@pytest.mark.parametrize("field", ["id", "doc_id", "dataset", "system", "source", "spans"])
def test_faith_missing_field(tmp_path: Path, field: str) -> None:
    second = {"id": "t:2:A", field: ...}
    path = _write(tmp_path, _faith_record(), _faith_record(**second))
    with pytest.raises(InputError, match=rf"line 2: missing field '{field}'"):
        load_benchmark(path)


def test_faith_missing_label_on_later_line(tmp_path: Path) -> None:
    # Without 'label' a line is no faithfulness record at all; the message says which kind.
    path = _write(tmp_path, _faith_record(), _faith_record(id="t:2:A", label=...))
    with pytest.raises(InputError, match="line 2: a record of unknown kind"):
        load_benchmark(path)


@pytest.mark.parametrize("field", ["doc_id", "dataset", "source", "reference"])
def test_coverage_missing_field(tmp_path: Path, field: str) -> None:
    path = _write(tmp_path, _coverage_record(**{field: ...}))
    with pytest.raises(InputError, match=rf"line 1: missing field '{field}'"):
        load_benchmark(path)


def test_field_wrong_type(tmp_path: Path) -> None:
    path = _write(tmp_path, _faith_record(summary=42))
    with pytest.raises(InputError, match="field 'summary' must be a string, got integer"):
        load_benchmark(path)


@pytest.mark.parametrize("label", [2, -1, True, 1.0, "1", None])
def test_faith_label_not_binary(tmp_path: Path, label: Any) -> None:
    path = _write(tmp_path, _faith_record(label=label, spans=[]))
    with pytest.raises(InputError, match="line 1: label must be 0 or 1, got"):
        load_benchmark(path)


def test_duplicate_faith_id(tmp_path: Path) -> None:
    path = _write(tmp_path, _faith_record(), _faith_record())
    with pytest.raises(InputError, match=r"line 2: duplicate id 't:1:A' \(first on line 1\)"):
        load_benchmark(path)


@pytest.mark.parametrize(
    "spans, message",
    [
        ([[5, 11]], r"spans\[0\] = \[5, 11\] is out of range for a summary of 10 characters"),
        ([[-1, 3]], r"spans\[0\] = \[-1, 3\] is out of range"),
        ([[4, 4]], r"spans\[0\] = \[4, 4\] is out of range"),
        ([[0, 2], [6, 3]], r"spans\[1\] = \[6, 3\] is out of range"),
        ([[1, 2, 3]], r"spans\[0\] must be a \[start, end\] pair of integers"),
        ([[1.0, 2]], r"spans\[0\] must be a \[start, end\] pair of integers"),
        ([5], r"spans\[0\] must be a \[start, end\] pair of integers"),
        ({"a": 1}, r"field 'spans' must be a list of \[start, end\] pairs, got object"),
    ],
)
def test_faith_bad_spans(tmp_path: Path, spans: Any, message: str) -> None:
    path = _write(tmp_path, _faith_record(spans=spans))  # summary "A dog sat." has 10 chars
    with pytest.raises(InputError, match=message):
        load_benchmark(path)


def test_coverage_labels_length_mismatch(tmp_path: Path) -> None:
    summaries = [
        {"system": "A", "text": "s", "labels": [1, 0]},
        {"system": "B", "text": "s", "labels": [1, 0, 1]},
    ]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(
        InputError,
        match=r"summaries\[1\] \(system 'B'\): has 3 labels but the document has 2 key_facts",
    ):
        load_benchmark(path)


@pytest.mark.parametrize("value", [2, True, 0.5, "0"])
def test_coverage_label_not_binary(tmp_path: Path, value: Any) -> None:
    summaries = [{"system": "A", "text": "s", "labels": [1, value]}]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(InputError, match=r"labels\[1\] must be 0 or 1, got"):
        load_benchmark(path)


def test_coverage_labels_not_a_list(tmp_path: Path) -> None:
    summaries = [{"system": "A", "text": "s", "labels": "10"}]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(InputError, match="'labels' must be a list of 0/1 or null, got string"):
        load_benchmark(path)


def test_line_ends_and_marks_other_editors_write(tmp_path: Path) -> None:
    """Old Mac line endings were "not valid JSON (Extra data ...)"; a byte-order mark on every
    line (as some tools append files) was refused, though the events JSONL takes it."""
    lines = [json.dumps(_faith_record()), json.dumps(_faith_record(id="t:2:A"))]
    path = tmp_path / "cr.jsonl"
    path.write_text("\r".join(lines) + "\r", encoding="utf-8", newline="")
    with pytest.raises(InputError, match="carriage return alone"):
        load_benchmark(path)
    path.write_text("\ufeff" + "\n\ufeff".join(lines) + "\n", encoding="utf-8")
    assert len(load_benchmark(path).faith) == 2
    path.write_text(lines[0] + "\r", encoding="utf-8", newline="")  # one line: fine
    assert len(load_benchmark(path).faith) == 1


def test_one_doc_id_with_two_sources_is_refused(tmp_path: Path) -> None:
    """The second source was passed over without a word: its summary scored against the
    first."""
    other = _faith_record(id="t:1:B", source="Dogs bark at night.")
    path = _write(tmp_path, _faith_record(), other)
    with pytest.raises(InputError, match=r"line 2: doc_id 'd1' has another source than line 1; "):
        load_benchmark(path)


def test_a_lone_surrogate_escape_is_read_as_a_replacement_character(tmp_path: Path) -> None:
    """A JSON escape no file can hold ("\\ud800") crashed the cache's key (exit 1); it reads
    as U+FFFD, one character for one, so the spans still fit."""
    path = _write(tmp_path, _faith_record(summary="A d\ud800g sat."), _faith_record(id="t:2:A"))
    (item, _) = load_benchmark(path).faith
    assert item.summary == "A d\ufffdg sat." and item.spans == ((2, 5),)


def test_coverage_neither_labels_nor_acu(tmp_path: Path) -> None:
    summaries = [{"system": "A", "text": "s", "labels": None}]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(InputError, match="has neither 'labels' nor 'acu_score'"):
        load_benchmark(path)


@pytest.mark.parametrize(
    "acu, message",
    [
        ("0.5", "'acu_score' must be a number, got string"),
        (True, "'acu_score' must be a number, got boolean"),
        (float("nan"), "'acu_score' must be between 0 and 1 .*, got NaN"),
        (5, "'acu_score' must be between 0 and 1 .*, got 5"),
        (-1e308, "'acu_score' must be between 0 and 1 .*, got -1e[+]308"),
    ],
)
def test_coverage_bad_acu_score(tmp_path: Path, acu: Any, message: str) -> None:
    summaries = [{"system": "A", "text": "s", "labels": None, "acu_score": acu}]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(InputError, match=message):
        load_benchmark(path)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"key_facts": []}, "field 'key_facts' must be a non-empty list of strings, got an empty"),
        ({"key_facts": "fact"}, "'key_facts' must be a non-empty list of strings, got string"),
        ({"key_facts": ["a", 3]}, r"key_facts\[1\] must be a string, got integer"),
        ({"summaries": []}, "field 'summaries' must be a non-empty list of objects, got an empty"),
        ({"summaries": ["text"]}, r"summaries\[0\] must be an object, got string"),
        (
            {"summaries": [{"text": "s", "labels": [1, 0]}]},
            r"summaries\[0\]: missing field 'system'",
        ),
        (
            {"summaries": [{"system": "A", "labels": [1, 0]}]},
            r"summaries\[0\]: missing field 'text'",
        ),
    ],
)
def test_coverage_bad_structure(tmp_path: Path, changes: dict[str, Any], message: str) -> None:
    path = _write(tmp_path, _coverage_record(**changes))
    with pytest.raises(InputError, match=message):
        load_benchmark(path)


def test_coverage_duplicate_system(tmp_path: Path) -> None:
    summaries = [
        {"system": "A", "text": "s", "labels": [1, 0]},
        {"system": "A", "text": "t", "labels": [0, 0]},
    ]
    path = _write(tmp_path, _coverage_record(summaries=summaries))
    with pytest.raises(InputError, match=r"summaries\[1\]: duplicate system 'A'"):
        load_benchmark(path)


def test_coverage_duplicate_doc_id(tmp_path: Path) -> None:
    path = _write(tmp_path, _coverage_record(), _coverage_record())
    with pytest.raises(InputError, match=r"line 2: duplicate doc_id 'd1' \(first on line 1\)"):
        load_benchmark(path)


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    bad_inputs: list[Any] = [
        "{oops",
        {"summary": "x\ny", "label": 7},
        _faith_record(summary="line one\nline two", spans=[[0, 99]]),
        _coverage_record(summaries=[{"system": "a\nb", "text": "s", "labels": [1]}]),
    ]
    for i, record in enumerate(bad_inputs):
        path = _write(tmp_path, record, name=f"bad{i}.jsonl")
        with pytest.raises(InputError) as info:
            load_benchmark(path)
        message = str(info.value)
        assert "\n" not in message, message
        assert f"bad{i}.jsonl" in message
