"""Load human-labelled meta-evaluation benchmarks (JSON Lines) into frozen, validated records.

The format is described in the benchmark README: a faithfulness file has one summary per line
(fields ``summary``, ``label``, ``spans``); a coverage file has one source document per line
(fields ``key_facts``, ``summaries``). Every problem a user can fix raises ``InputError`` with a
one-line message naming the file, the line and what to do. (One concern, the format and its
checks, so it may run past 400 lines: most of it is those messages.)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from evalkit.errors import InputError
from evalkit.stages.load import mended

BenchKind = Literal["faithfulness", "coverage"]

FAITH_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    "dataset",
    "system",
    "source",
    "summary",
    "label",
    "spans",
)
COVERAGE_FIELDS: tuple[str, ...] = (
    "doc_id",
    "dataset",
    "source",
    "reference",
    "key_facts",
    "summaries",
)
_SUMMARY_FIELDS: tuple[str, ...] = ("system", "text")


@dataclass(frozen=True, slots=True)
class FaithItem:
    """One summary with its human faithfulness label and unsupported character spans."""

    id: str
    doc_id: str
    dataset: str
    system: str
    source: str
    summary: str
    label: int
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CoverageSummary:
    """One system summary of a coverage document: per-key-fact labels or an overall ACU score."""

    system: str
    text: str
    labels: tuple[int, ...] | None
    acu_score: float | None

    @property
    def human_coverage(self) -> float:
        """Fraction of key facts humans judged present; falls back to ``acu_score``."""
        if self.labels is not None:
            return sum(self.labels) / len(self.labels)
        return self.acu_score if self.acu_score is not None else math.nan


@dataclass(frozen=True, slots=True)
class CoverageDoc:
    """A source document, its reference, the reference's key facts and the judged summaries."""

    doc_id: str
    dataset: str
    source: str
    reference: str
    key_facts: tuple[str, ...]
    summaries: tuple[CoverageSummary, ...]


@dataclass(frozen=True, slots=True)
class Benchmark:
    """A loaded benchmark file; exactly one of ``faith`` / ``coverage`` is non-empty."""

    kind: BenchKind
    path: str
    sha256: str
    faith: tuple[FaithItem, ...]
    coverage: tuple[CoverageDoc, ...]


def load_benchmark(path: str | Path) -> Benchmark:
    """Read and validate a benchmark JSONL file; the kind is detected from the first record."""
    p = Path(path)
    data = _read_bytes(p)
    text = _decode(p, data)
    records = _parse_lines(p, text)
    if not records:
        raise InputError(
            f"{p}: file is empty (no JSON lines); pass a benchmark JSONL file with one record "
            "per line"
        )
    first_line, first = records[0]
    kind = _detect_kind(p, first_line, first)
    faith: tuple[FaithItem, ...] = ()
    coverage: tuple[CoverageDoc, ...] = ()
    if kind == "faithfulness":
        faith = _build_faith(p, records)
    else:
        coverage = _build_coverage(p, records)
    return Benchmark(
        kind=kind,
        path=str(p.resolve()),
        sha256=hashlib.sha256(data).hexdigest(),
        faith=faith,
        coverage=coverage,
    )


def _read_bytes(p: Path) -> bytes:
    """Read the whole file, turning filesystem problems into user-facing errors."""
    if not p.exists():
        raise InputError(f"bench.path: {p} does not exist; pass the path of a benchmark JSONL file")
    if p.is_dir():
        raise InputError(f"bench.path: {p} is a directory; pass the path of a benchmark JSONL file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"bench.path: cannot read {p} ({exc.strerror or exc}); check the file's permissions"
        ) from exc


def _decode(p: Path, data: bytes) -> str:
    """Decode UTF-8 (a leading BOM is tolerated), naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{p} line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); re-save the file as UTF-8"
        ) from exc


def _parse_lines(p: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """Parse each non-blank line as a JSON object, keeping its 1-based line number."""
    records: list[tuple[int, dict[str, Any]]] = []
    body = text.rstrip("\r\n")  # a raw carriage return inside is a line end (JSON escapes it)
    if "\r" in body and "\n" not in body:
        raise InputError(
            f"{p}: its lines end in a carriage return alone (old Mac line endings); re-save "
            "it with \\n or \\r\\n line endings"
        )
    # Split on "\n" only: str.splitlines() would also split on U+2028 etc. inside JSON strings.
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removeprefix("\ufeff")  # a byte-order mark on a line, as the events JSONL
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            problem = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
            raise InputError(
                f"{p} line {number}: not valid JSON ({problem}); fix or remove the line"
            ) from None
        except RecursionError:
            raise InputError(f"{p} line {number}: JSON nested too deeply to read") from None
        except ValueError as exc:  # an integer of thousands of digits
            reason = str(exc).split(";")[0]
            raise InputError(f"{p} line {number}: not valid JSON ({reason})") from None
        if not isinstance(value, dict):
            raise InputError(
                f"{p} line {number}: expected a JSON object, got {_type_name(value)}; "
                "write one object per line"
            )
        records.append((number, value))
    return records


def _detect_kind(p: Path, line: int, record: dict[str, Any]) -> BenchKind:
    """Tell a faithfulness record from a coverage record by its keys."""
    kind = _kind_of(record)
    if kind is None:
        raise InputError(
            f"{p}: neither a faithfulness file (fields summary, label) nor a coverage file "
            f"(fields key_facts, summaries); line {line} has fields {', '.join(sorted(record))}"
        )
    return kind


def _kind_of(record: dict[str, Any]) -> BenchKind | None:
    """Return the record's kind, or None when its keys fit neither."""
    if "summary" in record and "label" in record:
        return "faithfulness"
    if "key_facts" in record and "summaries" in record:
        return "coverage"
    return None


def _check_same_kind(p: Path, line: int, record: dict[str, Any], kind: BenchKind) -> None:
    """Reject a line whose kind differs from the file's (mixed files are never intended)."""
    found = _kind_of(record)
    if found != kind:
        what = f"a {found} record" if found else "a record of unknown kind"
        raise InputError(
            f"{p} line {line}: {what} in a {kind} file (detected from the first line); "
            "keep one kind of record per file"
        )


def _checked(
    p: Path, records: list[tuple[int, dict[str, Any]]], kind: BenchKind, key: str, fix: str
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each record of the file with its place in messages and its `key`, once it is of the
    file's kind, has every field, and its key is a string no earlier line has (else `fix`)."""
    fields = FAITH_FIELDS if kind == "faithfulness" else COVERAGE_FIELDS
    seen: dict[str, int] = {}
    for line, rec in records:
        _check_same_kind(p, line, rec, kind)
        where = f"{p} line {line}"
        _require_fields(where, rec, fields, f"a {kind} line")
        value = _string(where, rec, key)
        if value in seen:
            raise InputError(
                f"{where}: duplicate {key} {value!r} (first on line {seen[value]}); {fix}"
            )
        seen[value] = line
        yield where, rec, value


def _build_faith(p: Path, records: list[tuple[int, dict[str, Any]]]) -> tuple[FaithItem, ...]:
    """Validate faithfulness records; ids must be unique within the file."""
    items: list[FaithItem] = []
    fix = "ids must be unique within a file"
    sources: dict[str, tuple[str, str]] = {}  # doc_id -> its source and where it was first
    for where, rec, item_id in _checked(p, records, "faithfulness", "id", fix):
        texts = ("summary", "doc_id", "dataset", "system", "source")
        summary, doc_id, dataset, system, source = (_string(where, rec, f) for f in texts)
        first, at = sources.setdefault(doc_id, (source, where.removeprefix(f"{p} ")))
        if first != source:
            raise InputError(
                f"{where}: doc_id {doc_id!r} has another source than {at}; give each document "
                "one source text, or each source its own doc_id"
            )
        label = _binary(where, rec["label"], "label")
        spans = _spans(where, rec["spans"], len(summary))
        items.append(FaithItem(item_id, doc_id, dataset, system, source, summary, label, spans))
    return tuple(items)


def _build_coverage(p: Path, records: list[tuple[int, dict[str, Any]]]) -> tuple[CoverageDoc, ...]:
    """Validate coverage records; doc_ids are unique per file and systems unique per doc."""
    docs: list[CoverageDoc] = []
    fix = "put each document on one line"
    for where, rec, doc_id in _checked(p, records, "coverage", "doc_id", fix):
        key_facts = _key_facts(where, rec["key_facts"])
        dataset, source, reference = (
            _string(where, rec, f) for f in ("dataset", "source", "reference")
        )
        summaries = _summaries(where, rec["summaries"], len(key_facts))
        docs.append(CoverageDoc(doc_id, dataset, source, reference, key_facts, summaries))
    return tuple(docs)


def _key_facts(where: str, value: Any) -> tuple[str, ...]:
    """A non-empty list of strings."""
    if not isinstance(value, list) or not value:
        raise InputError(
            f"{where}: field 'key_facts' must be a non-empty list of strings, got "
            f"{_describe(value)}"
        )
    for i, fact in enumerate(value):
        if not isinstance(fact, str):
            raise InputError(f"{where}: key_facts[{i}] must be a string, got {_type_name(fact)}")
    return tuple(mended(fact) for fact in value)


def _summaries(where: str, value: Any, n_facts: int) -> tuple[CoverageSummary, ...]:
    """Validate each summary: labels (one 0/1 per key fact) or labels null plus acu_score."""
    if not isinstance(value, list) or not value:
        raise InputError(
            f"{where}: field 'summaries' must be a non-empty list of objects, got "
            f"{_describe(value)}"
        )
    out: list[CoverageSummary] = []
    systems: set[str] = set()
    for i, summ in enumerate(value):
        at = f"{where}: summaries[{i}]"
        if not isinstance(summ, dict):
            raise InputError(f"{at} must be an object, got {_type_name(summ)}")
        _require_fields(at, summ, _SUMMARY_FIELDS, "a summary")
        system = _string(at, summ, "system")
        if system in systems:
            raise InputError(
                f"{at}: duplicate system {system!r} in this document; give each system one "
                "summary per document"
            )
        systems.add(system)
        at = f"{where}: summaries[{i}] (system {system!r})"
        raw_labels = summ.get("labels")
        raw_acu = summ.get("acu_score")
        labels: tuple[int, ...] | None = None
        if raw_labels is not None:
            if not isinstance(raw_labels, list):
                raise InputError(
                    f"{at}: 'labels' must be a list of 0/1 or null, got {_type_name(raw_labels)}"
                )
            if len(raw_labels) != n_facts:
                raise InputError(
                    f"{at}: has {len(raw_labels)} labels but the document has {n_facts} "
                    "key_facts; give one 0/1 label per key fact, in order"
                )
            labels = tuple(_binary(at, v, f"labels[{j}]") for j, v in enumerate(raw_labels))
        acu: float | None = None
        if raw_acu is not None:
            if isinstance(raw_acu, bool) or not isinstance(raw_acu, int | float):
                raise InputError(f"{at}: 'acu_score' must be a number, got {_type_name(raw_acu)}")
            if not 0 <= raw_acu <= 1:  # NaN too
                raise InputError(
                    f"{at}: 'acu_score' must be between 0 and 1 (the share of the reference's "
                    f"content units the summary holds), got {_short(raw_acu)}"
                )
            acu = float(raw_acu)
        if labels is None and acu is None:
            raise InputError(
                f"{at}: has neither 'labels' nor 'acu_score'; give one 0/1 label per key fact, "
                "or labels null and a summary-level acu_score"
            )
        out.append(
            CoverageSummary(
                system=system, text=_string(at, summ, "text"), labels=labels, acu_score=acu
            )
        )
    return tuple(out)


def _spans(where: str, value: Any, length: int) -> tuple[tuple[int, int], ...]:
    """Spans are [start, end) pairs of ints with 0 <= start < end <= len(summary)."""
    if not isinstance(value, list):
        raise InputError(
            f"{where}: field 'spans' must be a list of [start, end] pairs, got {_type_name(value)}"
        )
    spans: list[tuple[int, int]] = []
    for i, pair in enumerate(value):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        ):
            raise InputError(
                f"{where}: spans[{i}] must be a [start, end] pair of integers, got {_short(pair)}"
            )
        start, end = pair
        if not 0 <= start < end <= length:
            raise InputError(
                f"{where}: spans[{i}] = [{start}, {end}] is out of range for a summary of "
                f"{length} characters; need 0 <= start < end <= {length}"
            )
        spans.append((start, end))
    return tuple(spans)


def _require_fields(where: str, rec: dict[str, Any], fields: tuple[str, ...], what: str) -> None:
    """Fail on the first missing field, listing all fields the record needs."""
    for name in fields:
        if name not in rec:
            raise InputError(f"{where}: missing field {name!r} ({what} needs {', '.join(fields)})")


def _string(where: str, rec: dict[str, Any], name: str) -> str:
    """The field's value, which must be a string; a lone surrogate (a JSON escape no file can
    hold) becomes U+FFFD, as in `run`'s inputs (character offsets unchanged)."""
    value = rec[name]
    if not isinstance(value, str):
        raise InputError(f"{where}: field {name!r} must be a string, got {_type_name(value)}")
    return mended(value)


def _binary(where: str, value: Any, name: str) -> int:
    """A 0/1 integer label (JSON true/false and 1.0 are rejected to catch format mix-ups)."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in (0, 1):
        raise InputError(f"{where}: {name} must be 0 or 1, got {_short(value)}")
    return value


def _type_name(value: Any) -> str:
    """JSON name of a parsed value's type, for messages."""
    names = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "integer",
        float: "number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _describe(value: Any) -> str:
    """Type name, or 'an empty list' for an empty list."""
    if isinstance(value, list) and not value:
        return "an empty list"
    return _type_name(value)


def _short(value: Any) -> str:
    """The value as JSON, cut to 60 characters so messages stay one short line."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except RecursionError:  # read at the limit, one level deeper here
        return "a deeply nested value"
    return text if len(text) <= 60 else text[:57] + "..."
