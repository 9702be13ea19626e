"""Load stage: read source articles and candidate summaries into Events, validating at the edge.

Inputs are a folder of .txt articles (one event, id = folder name) or a JSONL file of events;
"bundled" is the seed event evalkit ships. Candidates come from `<sources>/candidates/` (when
present), a folder or JSONL given by `data.candidates`, and the events themselves; hand-written
key facts from `data.references`. Paths a user gives resolve against the working folder. Every
problem a user can fix is an InputError naming the file (and line) and what to do.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.records import Document, Event, Role

TEXT_SUFFIX = ".txt"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters but tab and newline
log = logging.getLogger("evalkit")


def bundled(name: str) -> Path:
    """A folder evalkit ships: conf, seeds or references. An installed wheel holds it as package
    data, evalkit/<name> (pyproject.toml maps the top-level folder there); a source checkout,
    editable install included, has only the top-level folder, the one copy there is."""
    packaged = Path(str(importlib.resources.files("evalkit") / name))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / name


def sources_path(cfg: DataConfig) -> Path:
    """data.sources as a path: "bundled" = the shipped seed event, else from the working folder."""
    return bundled("seeds") if cfg.sources == "bundled" else Path(cfg.sources).expanduser()


def references_path(cfg: DataConfig, sources: Path) -> Path | None:
    """The folder of hand-written key facts, or None to extract them. "auto" = `references/`
    beside the sources when it exists (for the bundled seeds, the key facts shipped with them);
    a folder the user names must exist."""
    if cfg.references is None:
        return None
    if cfg.references == "auto":
        beside = sources.resolve().parent / "references"
        return beside if beside.is_dir() else None
    folder = Path(cfg.references).expanduser()
    if not folder.is_dir():
        raise InputError(
            f"data.references: {folder} is not a folder; pass the folder of hand-written key "
            "facts (<event_id>.txt), data.references=auto or data.references=null to extract them"
        )
    return folder


def read_text(path: Path, cfg: DataConfig, *, allow_empty: bool = False) -> str:
    """Read one UTF-8 text file: refuse binary, oversized, non-UTF-8 (unless told) and empty."""
    if not path.is_file():
        raise InputError(f"{path}: not a readable file; check the path")
    size = path.stat().st_size
    if size > cfg.max_bytes:
        raise InputError(
            f"{path}: {size} bytes is over data.max_bytes={cfg.max_bytes}; "
            "split the file or raise data.max_bytes"
        )
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text; remove it or convert it")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if cfg.decode_errors != "replace":
            raise InputError(
                f"{path}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 "
                "or set data.decode_errors=replace"
            ) from None
        text = raw.decode("utf-8", errors="replace")
        log.warning("%s: not valid UTF-8; undecodable bytes replaced with U+FFFD", path)
    text = normalise(text)
    if not text.strip() and not allow_empty:
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    return text


def normalise(text: str) -> str:
    """Drop a byte-order mark, unify line endings and remove control characters."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _text_files(folder: Path, what: str) -> list[Path]:
    """The .txt files directly inside a folder, sorted, refusing links that leave it."""
    if not folder.exists():
        raise InputError(
            f"{what}: {folder} does not exist; pass a folder of .txt files or a .jsonl"
        )
    if not folder.is_dir():
        raise InputError(f"{what}: {folder} is not a folder or a .jsonl file")
    root = folder.resolve()
    files = sorted(p for p in folder.iterdir() if p.suffix == TEXT_SUFFIX and not p.is_dir())
    for path in files:
        if not path.resolve().is_relative_to(root):
            raise InputError(f"{path}: a link to a file outside {folder}; copy the file in instead")
    return files


def _check_ids(docs: list[Document], what: str) -> None:
    seen: dict[str, str] = {}
    for doc in docs:
        key = doc.doc_id.casefold()
        if key in seen:
            raise InputError(
                f"{what}: ids '{seen[key]}' and '{doc.doc_id}' clash (ids must differ by more "
                f"than case); rename one ({doc.origin})"
            )
        seen[key] = doc.doc_id


def _folder_docs(folder: Path, role: Role, cfg: DataConfig, what: str) -> list[Document]:
    docs = [
        Document(p.stem, role, read_text(p, cfg, allow_empty=role == "candidate"), str(p))
        for p in _text_files(folder, what)
    ]
    if not docs:
        raise InputError(f"{what}: {folder} holds no .txt files; add the texts or fix the path")
    return docs


def _field(record: dict[str, Any], key: str, where: str, kind: type) -> Any:
    if key not in record:
        raise InputError(f"{where}: missing field '{key}'")
    value = record[key]
    blank = isinstance(value, str) and not value.strip() and key != "text"
    if not isinstance(value, kind) or blank:
        raise InputError(f"{where}: field '{key}' must be a non-empty {kind.__name__}")
    return value


def _jsonl(path: Path, what: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of a JSONL file."""
    if not path.is_file():
        raise InputError(f"{what}: {path} does not exist; pass a folder of .txt files or a .jsonl")
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(f"{path} line {number}: not valid JSON ({err.msg})") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path} line {number}: expected a JSON object")
                yield number, record
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8; convert it to UTF-8") from None


def _record_docs(items: Any, role: Role, where: str) -> list[Document]:
    if not isinstance(items, list):
        raise InputError(f'{where}: \'{role}s\' must be a list of {{"id", "text"}} objects')
    docs = []
    for item in items:
        if not isinstance(item, dict):
            raise InputError(f"{where}: each {role} must be an object with 'id' and 'text'")
        doc_id = str(_field(item, "id", where, str))
        docs.append(Document(doc_id, role, normalise(_field(item, "text", where, str)), where))
    return docs


@dataclass(frozen=True, slots=True)
class BadEvent:
    """An events JSONL line that could not be read: reported as a NaN row (bad_events=skip)."""

    event_id: str  # the line's event_id when it has one, else "line N"
    origin: str
    reason: str


def iter_events(cfg: DataConfig) -> Iterator[Event]:
    """Yield the events named by the data config, one at a time (skipped lines are logged)."""
    for _, event in read_events(cfg):
        if isinstance(event, BadEvent):
            log.warning("%s; skipped (data.bad_events=skip)", event.reason)
        else:
            yield event


def read_events(
    cfg: DataConfig, shard: int = 0, num_shards: int = 1
) -> Iterator[tuple[int, Event | BadEvent]]:
    """(position, event) for the events of one shard, streamed.

    Position counts events (non-blank JSONL lines) from 0, and shard i takes positions i,
    i + num_shards, ... Every line's id is still checked for repeats, so a shard fails where
    the whole run would. A bad line stops the run, or with data.bad_events=skip comes back as
    a BadEvent with its line number and reason.
    """
    sources = sources_path(cfg)
    references = references_path(cfg, sources)
    extra = _extra_candidates(cfg, sources)
    if sources.suffix != ".jsonl":
        articles = _folder_docs(sources, "source", cfg, "data.sources")
        event_id = sources.resolve().name
        candidates = [d for eid, d in extra if eid in (None, event_id)]
        if shard == 0:
            written = _written_facts(references, event_id, cfg)
            yield 0, _event(event_id, articles, candidates, str(sources), written)
        return
    if any(eid is None for eid, _ in extra):
        raise InputError(
            f"data.candidates: {cfg.candidates}: with events JSONL sources every candidate "
            "line needs an 'event_id'"
        )
    seen: dict[str, int] = {}
    position = -1
    for number, raw in _raw_lines(sources):
        position += 1
        mine = position % num_shards == shard
        where = f"{sources} line {number}"
        try:
            record = _parse(raw, where)
            event_id = str(_field(record, "event_id", where, str))
            first = seen.setdefault(event_id.casefold(), number)
            if first != number:
                raise InputError(
                    f"{where}: event_id '{event_id}' repeats line {first} "
                    "(ids must differ by more than case); give each event its own id"
                )
            if mine:
                yield position, _record_event(record, event_id, where, extra, references, cfg)
        except InputError as err:
            if not mine:
                continue  # its own shard reports it
            if cfg.bad_events == "stop":
                raise
            yield position, BadEvent(_id_of(raw, number), where, str(err))
    if position < 0:
        raise InputError(f"data.sources: {sources} holds no events; add JSONL lines")


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line, decoded later: one bad line, one bad event."""
    if not path.is_file():
        raise InputError(
            f"data.sources: {path} does not exist; pass a folder of .txt files or a .jsonl"
        )
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if raw.strip():
                yield number, raw


def _parse(raw: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not valid UTF-8 (byte {err.start}); convert it") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    return record


def _id_of(raw: bytes, number: int) -> str:
    """The event_id of a bad line when it has a usable one, else "line N"."""
    try:
        event_id = json.loads(raw.decode("utf-8")).get("event_id")
    except (ValueError, AttributeError):
        event_id = None
    return event_id if isinstance(event_id, str) and event_id.strip() else f"line {number}"


def _record_event(
    record: dict[str, Any],
    event_id: str,
    where: str,
    extra: list[tuple[str | None, Document]],
    references: Path | None,
    cfg: DataConfig,
) -> Event:
    articles = _record_docs(_field(record, "articles", where, list), "source", where)
    candidates = _record_docs(record.get("candidates", []), "candidate", where)
    candidates += [d for eid, d in extra if eid == event_id]
    facts = record.get("key_facts")
    written = _inline_facts(facts, where) if facts else _written_facts(references, event_id, cfg)
    return _event(event_id, articles, candidates, where, written)


# Hand-written key facts: where they are written (a file, or a JSONL line), and the facts as
# (text, origin of the line); ("", ()) when the event has none.
Written = tuple[str, tuple[tuple[str, str], ...]]


def _inline_facts(facts: Any, where: str) -> Written:
    if not isinstance(facts, list) or not all(isinstance(f, str) and f.strip() for f in facts):
        raise InputError(f"{where}: 'key_facts' must be a list of non-empty strings")
    return f"{where} key_facts", tuple(
        (f.strip(), f"{where} key_facts[{i}]") for i, f in enumerate(facts)
    )


def _written_facts(folder: Path | None, event_id: str, cfg: DataConfig) -> Written:
    """Hand-written key facts from `<references>/<event_id>.txt`, one per line, # comments."""
    if folder is None:
        return "", ()
    path = folder / f"{event_id}.txt"
    if not path.resolve().is_relative_to(folder.resolve()) or "/" in event_id:
        raise InputError(
            f"event id '{event_id}' cannot name a key-facts file in {folder}; "
            "use an id without path separators"
        )
    if not path.exists():
        return "", ()
    facts = tuple(
        (line.strip(), f"{path}:{number}")
        for number, line in enumerate(read_text(path, cfg).split("\n"), 1)
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not facts:
        raise InputError(f"{path}: holds no key facts (only comments); add facts or delete it")
    return str(path), facts


def _event(
    event_id: str,
    articles: list[Document],
    candidates: list[Document],
    where: str,
    written: Written,
) -> Event:
    for doc in articles:
        if not doc.text.strip():
            raise InputError(f"{doc.origin}: source '{doc.doc_id}' is empty; remove or fill it")
    _check_ids(articles, where)
    _check_ids(articles + candidates, where)
    facts_from, facts = written
    return Event(event_id, tuple(articles), tuple(candidates), where, facts, facts_from)


def _extra_candidates(cfg: DataConfig, sources: Path) -> list[tuple[str | None, Document]]:
    """Candidates from data.candidates: 'auto' = `<sources>/candidates/` when it exists."""
    if cfg.candidates is None:
        return []
    if cfg.candidates == "auto":
        folder = sources / "candidates"
        if sources.suffix == ".jsonl" or not folder.is_dir():
            return []
        return [(None, d) for d in _folder_docs(folder, "candidate", cfg, "data.candidates")]
    path = Path(cfg.candidates).expanduser()
    if path.suffix != ".jsonl":
        if sources.suffix == ".jsonl":
            raise InputError(
                "data.candidates: a folder of candidates needs a folder of sources; "
                "for events JSONL give candidates as JSONL lines with an 'event_id'"
            )
        return [(None, d) for d in _folder_docs(path, "candidate", cfg, "data.candidates")]
    found: list[tuple[str | None, Document]] = []
    for number, record in _jsonl(path, "data.candidates"):
        where = f"{path} line {number}"
        doc_id = str(_field(record, "id", where, str))
        event_id = record.get("event_id")
        found.append(
            (
                str(event_id) if event_id is not None else None,
                Document(doc_id, "candidate", normalise(_field(record, "text", where, str)), where),
            )
        )
    return found
