"""Load stage: read source articles and candidate summaries into Events, validating at the edge.

Inputs are a folder of .txt articles (one event, id = folder name), a JSONL file of events, or
the same events in memory (the Python API: dicts shaped like a JSONL line, or Event records);
"bundled" is the seed event evalkit ships. Candidates come from `<sources>/candidates/` (when
present), `data.candidates` (a folder of .txt, a JSONL or CSV of `event_id,id,text`, or a folder
of one file per system, `<system>.jsonl|.csv` of `event_id,text`), records in memory, and the
events themselves; hand-written key facts from `data.references`. Paths a user gives resolve
against the working folder. Every problem a user can fix is an InputError naming the file (and
line) and what to do.

Ids (of events, articles and candidates) are stored NFC-normalised and compared by `id_key`
everywhere; an id that cannot be printed on one line is refused, and no id ever becomes a file
name (key-facts files are found by listing their folder). No candidate is dropped without a
word: one that names no event, or a file in an input folder that is not a .txt, stops the run
or, with data.unmatched=report, comes back as a BadEvent: a NaN row with its reason.
Over 400 lines, one concern: turning what a user hands over into records or one-line errors.
"""

from __future__ import annotations

import csv
import difflib
import importlib.resources
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.files import RowError, numbered_rows
from evalkit.records import Document, Event, Role, id_key
from evalkit.text import LIST_MARKER

TEXT_SUFFIX = ".txt"
SYSTEM_SUFFIXES = (".jsonl", ".csv")  # one file per system in a candidates folder
# What a candidates file may hold; a system file's candidates take their id from its name.
CANDIDATE_FIELDS = ("event_id", "id", "text")
SYSTEM_FIELDS = ("event_id", "text")
EVENT_FIELDS = ("event_id", "articles", "candidates", "key_facts")  # an events JSONL line
DOC_FIELDS = ("id", "text")  # an article or candidate in an events line
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters but tab and newline
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: a JSON "\\ud800" escape
# In an id: controls, format characters (bidi overrides that reorder what is printed, zero
# widths), surrogates, line breaks
_UNPRINTABLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
BOM = b"\xef\xbb\xbf"
SAME_ID = "(ids must differ by more than case or Unicode form)"
log = logging.getLogger("evalkit")
T = TypeVar("T")


def bundled(name: str) -> Path:
    """A folder evalkit ships: conf, seeds or references. An installed wheel holds it as package
    data, evalkit/<name> (pyproject.toml maps the top-level folder there); a source checkout,
    editable install included, has only the top-level folder, the one copy there is."""
    packaged = Path(str(importlib.resources.files("evalkit") / name))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / name


def sources_path(cfg: DataConfig) -> Path:
    """data.sources as a path: "bundled" = the shipped seed event, else from the working folder."""
    return bundled("seeds") if cfg.sources == "bundled" else Path(cfg.sources).expanduser()


def is_jsonl(path: Path) -> bool:
    """Whether a path names a JSONL file (by its suffix, in any case) rather than a folder."""
    return path.suffix.lower() == ".jsonl"


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


def shown(text: str, limit: int = 60) -> str:
    """An id as a message shows it: quoted, escaped, cut short."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _id(value: str, where: str, what: str = "the id") -> str:
    """An id as stored: NFC, so ids that print the same are one id; refused when blank, when
    it starts or ends with white space ("e1 " would be another event than "e1") or when it
    holds a character that cannot be printed on one line as it reads."""
    text = unicodedata.normalize("NFC", value)
    if not text.strip():
        raise InputError(f"{where}: {what} is blank; give it a name")
    for char in text:
        if unicodedata.category(char) in _UNPRINTABLE:
            raise InputError(
                f"{where}: {what} {shown(text)} cannot be printed on one line as it reads "
                f"(U+{ord(char):04X}: a control, format (bidi, zero-width) or line-break "
                "character, or a byte that is not UTF-8); change it"
            )
    if text != text.strip():
        raise InputError(
            f"{where}: {what} {shown(text)} starts or ends with white space; remove it"
        )
    return text


def read_text(path: Path, cfg: DataConfig, *, allow_empty: bool = False) -> str:
    """Read one UTF-8 text file: refuse binary, oversized, non-UTF-8 (unless told) and empty."""
    if not path.is_file():
        _not_regular(path, "replace it with the text")
        raise InputError(f"{path}: not a readable file; check the path")
    try:
        size = path.stat().st_size
        if size > cfg.max_bytes:
            raise InputError(
                f"{path}: {size} bytes is over data.max_bytes={cfg.max_bytes}; "
                "split the file or raise data.max_bytes"
            )
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}); check it") from None
    if _utf16(raw):
        raise InputError(f"{path}: looks like UTF-16 text; convert it to UTF-8")
    nuls = raw.count(b"\x00")
    raw = raw.replace(b"\x00", b"")  # stray NULs go like the other control characters
    binary = f"{path}: looks like a binary file, not text; remove it or convert it"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if nuls:  # not UTF-8 even without its NULs: not a text
            raise InputError(binary) from None
        if cfg.decode_errors != "replace":
            raise InputError(
                f"{path}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 "
                "or set data.decode_errors=replace"
            ) from None
        text = raw.decode("utf-8", errors="replace")
        log.warning("%s: not valid UTF-8; undecodable bytes replaced with U+FFFD", path)
    if nuls * 10 > nuls + len(raw):  # NULs throughout (over one byte in ten): a binary file
        raise InputError(binary)
    text = normalise(text)
    if not text.strip() and not allow_empty:
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    return text


def _utf16(raw: bytes) -> bool:
    """Whether bytes look like UTF-16: its byte-order mark, or NULs in most even (or most odd)
    bytes and few of the others, as in UTF-16 of Latin text."""
    even, odd = raw[::2].count(0), raw[1::2].count(0)
    return raw[:2] in _UTF16_BOMS or 4 * min(even, odd) < len(raw) // 2 < 2 * max(even, odd)


def _not_regular(path: Path, fix: str) -> None:
    """Refuse a path that exists but is no regular file: a device, a FIFO, a socket."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise InputError(f"{path}: not a regular file (a device, FIFO or socket); {fix}")


def normalise(text: str) -> str:
    """Drop a byte-order mark, unify line endings, remove control characters and replace lone
    surrogates (`mended`)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return mended(_CONTROL.sub("", text))


def mended(text: str) -> str:
    """Lone surrogates (which a JSON escape can carry, and no file can hold) replaced with
    U+FFFD, one character for one."""
    return _SURROGATE.sub("\ufffd", text)


# Files an operating system leaves in folders (Finder, Windows Explorer, macOS on a foreign
# disk: "._a.txt"): no one's input, so passed over with a log line, as README.* is.
_LITTER = {".ds_store", "thumbs.db", "desktop.ini"}


def _passed_over(path: Path) -> str | None:
    """Why an entry of an input folder is not read, or None when it is input: README.* (any
    case) is documentation, and a few files an operating system leaves are litter. Any other
    entry, a hidden one (.notes.txt) or a folder included, is read or follows data.unmatched."""
    name = path.name.casefold()
    if name.partition(".")[0] == "readme":
        return "documentation"
    if name in _LITTER or name.startswith("._"):
        return "a file the operating system left"
    return None


def _folder_files(
    folder: Path, what: str, subfolders: tuple[str, ...] = ()
) -> tuple[list[Path], list[Path]]:
    """The .txt files directly inside a folder (the suffix in any case), and its other entries
    (files, and folders other than `subfolders`), each sorted; README.* and OS litter are
    passed over with a log line (see `_passed_over`); links leaving the folder are refused."""
    if not folder.exists():
        raise InputError(
            f"{what}: {folder} does not exist; pass a folder of .txt files or a .jsonl"
        )
    if not folder.is_dir():
        raise InputError(f"{what}: {folder} is not a folder or a .jsonl file")
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        raise InputError(f"{what}: cannot list {folder} ({err.strerror or err})") from None
    files = []
    for path in entries:
        why = _passed_over(path)
        if why is not None:  # documentation is expected (seeds/candidates/README.md), litter not
            log.log(
                logging.DEBUG if why == "documentation" else logging.INFO,
                "%s: not read (%s)",
                path,
                why,
            )
        elif not (path.name in subfolders and path.is_dir()):
            files.append(path)
    for path in files:  # a file's name is its id, or is shown in a row
        _id(path.name, f"{what}: {folder}", "the file name")
    root = folder.resolve()
    for path in files:  # a file that is read (a text, a system file) stays inside the folder
        read = path.suffix.lower() in (TEXT_SUFFIX, *SYSTEM_SUFFIXES) and not path.is_dir()
        if read and not _resolved(path).is_relative_to(root):
            raise InputError(f"{path}: a link to a file outside {folder}; copy the file in instead")
    texts = [p for p in files if p.suffix.lower() == TEXT_SUFFIX and not p.is_dir()]
    kept = set(texts)
    return texts, [p for p in files if p not in kept]


def _resolved(path: Path) -> Path:
    """The path with its links followed; a link that leads back to itself is refused."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python < 3.13 raises RuntimeError for a loop
        raise InputError(
            f"{path}: a symbolic link that loops (leads back to itself); remove it or point it "
            "at a file"
        ) from None


def _clash(items: Iterable[T], name: Callable[[T], str]) -> tuple[T, T] | None:
    """The first two items whose names are one id (`id_key`: case and Unicode form aside)."""
    seen: dict[str, T] = {}
    for item in items:
        first = seen.setdefault(id_key(name(item)), item)
        if first is not item:
            return first, item
    return None


def _check_ids(docs: list[Document], what: str) -> None:
    if clash := _clash(docs, lambda doc: doc.doc_id):
        first, doc = clash
        raise InputError(
            f"{what}: ids {shown(first.doc_id)} and {shown(doc.doc_id)} clash {SAME_ID}; "
            f"rename one ({doc.origin})"
        )


def _folder_docs(
    folder: Path,
    role: Role,
    cfg: DataConfig,
    what: str,
    listed: tuple[list[Path], list[Path]] | None = None,
) -> tuple[list[Document], list[Path]]:
    """The folder's .txt files as documents, and its other files (see _folder_files; `listed`:
    what it gave already)."""
    keep = ("candidates",) if role == "source" else ()
    texts, others = listed or _folder_files(folder, what, keep)
    docs = [
        Document(
            _id(p.stem, str(p)), role, read_text(p, cfg, allow_empty=role == "candidate"), str(p)
        )
        for p in texts
    ]
    if not docs:
        raise InputError(f"{what}: {folder} holds no .txt files; add the texts or fix the path")
    return docs, others


def _field(record: dict[str, Any], key: str, where: str, kind: type) -> Any:
    if key not in record:
        raise InputError(f"{where}: missing field '{key}'")
    value = record[key]
    blank = isinstance(value, str) and not value.strip() and key != "text"
    if not isinstance(value, kind) or blank:
        raise InputError(f"{where}: field '{key}' must be a non-empty {kind.__name__}")
    return value


def _record_docs(items: Any, role: Role, where: str) -> list[Document]:
    if not isinstance(items, list):
        raise InputError(f'{where}: \'{role}s\' must be a list of {{"id", "text"}} objects')
    docs = []
    field, what = ("articles", "an article") if role == "source" else (f"{role}s", "a " + role)
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InputError(f"{where}: each {role} must be an object with 'id' and 'text'")
        _known_fields(item, DOC_FIELDS, f"{where} {field}[{i}]", what)
        doc_id = _id(_field(item, "id", where, str), where)
        docs.append(Document(doc_id, role, normalise(_field(item, "text", where, str)), where))
    return docs


@dataclass(frozen=True, slots=True)
class BadEvent:
    """An input that is not scored, reported as a NaN summary row with the reason: an events
    JSONL line that could not be read (data.bad_events=skip), or a candidate that names no
    event or a file that is not a .txt (data.unmatched=report)."""

    event_id: str  # the line's event_id when it has one, else "line N"
    origin: str
    reason: str
    candidate: str = ""  # the candidate's id or file name; "" for a whole event

    @property
    def note(self) -> str:
        """The summary row's note."""
        return f"{'not scored' if self.candidate else 'skipped'}: {self.reason}"


def iter_events(cfg: DataConfig) -> Iterator[Event]:
    """Yield the events named by the data config, one at a time (skipped inputs are logged)."""
    for _, event in read_events(cfg):
        if isinstance(event, BadEvent):
            log.warning("%s", event.note)
        else:
            yield event


# A candidate given outside the events: the event_id its line names (None: the folder's
# event), and the candidate.
Extra = tuple[str | None, Document]


@dataclass(frozen=True, slots=True)
class Lines:
    """Where events come from, one per line: an events JSONL file, or records in memory (the
    Python API's dicts, each shaped like a JSONL line, or Event records)."""

    path: Path | None  # None: `records`
    records: Sequence[Any] = ()

    def read(self, cfg: DataConfig) -> Iterator[tuple[int, Any]]:
        """(line number, the line's bytes or a record) of each event, in order."""
        if self.path is not None:
            yield from _raw_lines(self.path, cfg, "data.sources")
        else:
            yield from enumerate(self.records)

    def label(self, number: int) -> str:
        """An event's place as a message or a skipped row names it: "line 3", "events[2]"."""
        return f"line {number}" if self.path is not None else f"events[{number}]"

    def where(self, number: int) -> str:
        return f"{self.path} {self.label(number)}" if self.path is not None else self.label(number)

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else "the events given"


def read_events(
    cfg: DataConfig,
    shard: int = 0,
    num_shards: int = 1,
    events: Sequence[Any] | None = None,
    candidates: Sequence[Any] | None = None,
) -> Iterator[tuple[int, Event | BadEvent]]:
    """(position, event) for the events of one shard, streamed.

    Position counts events (non-blank JSONL lines) from 0, and shard i takes positions i,
    i + num_shards, ... Every line's id is still checked for repeats, so a shard fails where
    the whole run would. A bad line stops the run, or with data.bad_events=skip comes back as
    a BadEvent with its line number and reason. Candidates that match no event (see
    `_unmatched`) take the positions after the last event. `events` and `candidates` (the
    Python API) are records in memory read in place of data.sources and data.candidates.
    """
    sources = None if events is not None else sources_path(cfg)
    if sources is None:  # events in memory: data.references=auto has no folder to look beside
        references = None if cfg.references == "auto" else references_path(cfg, Path("."))
    else:
        references = references_path(cfg, sources)
    facts = _facts_files(references)
    extra, others = _extra_candidates(cfg, sources, candidates)
    if sources is not None and not is_jsonl(sources):
        yield from _folder_event(cfg, sources, facts, extra, others, shard, num_shards)
    else:
        lines = Lines(sources, events or ())
        yield from _line_events(cfg, lines, facts, extra, others, shard, num_shards)


def _line_events(
    cfg: DataConfig,
    lines: Lines,
    facts: Facts,
    extra: list[Extra],
    others: list[NotRead],
    shard: int,
    num_shards: int,
) -> Iterator[tuple[int, Event | BadEvent]]:
    """The events of a JSONL file or of records in memory, then the candidates not scored."""
    if any(eid is None for eid, _ in extra):
        origin = next(doc.origin for eid, doc in extra if eid is None)
        raise InputError(
            f"{origin}: with events JSONL sources every candidate needs an 'event_id'; "
            "add the event it summarises"
        )
    not_read = [_not_text(cfg, "", path, suffix) for path, suffix in others]
    wanted: dict[str, list[Extra]] = defaultdict(list)  # by the key of the event they name
    for eid, doc in extra:
        wanted[id_key(eid or "")].append((eid, doc))
    # Before the first event is yielded, so before any model loads: with data.bad_events=stop
    # every line is checked as it will be read; with data.unmatched=stop every line's id is.
    named: set[str] | None = None
    if cfg.bad_events == "stop":
        named = _check_lines(cfg, lines, facts, wanted)
    elif cfg.unmatched == "stop" and wanted:
        named = {id_key(_id_of(raw, n, cfg, lines)) for n, raw in lines.read(cfg)}
    if named is not None and cfg.unmatched == "stop":
        for key, docs in wanted.items():
            if key not in named:
                _unmatched(cfg, docs, str(lines))
    if cfg.unmatched == "stop":
        for path in facts.others:
            _not_text(cfg, "", path)  # raises: before any event is read
    seen: dict[str, int] = {}
    skipped: set[str] = set()  # the ids of lines skipped (data.bad_events=skip)
    orphans: list[tuple[str, Document, str]] = []  # their candidates: event, doc, line
    position = -1
    for number, raw in lines.read(cfg):
        position += 1
        mine = position % num_shards == shard
        where = lines.where(number)
        found: list[Extra] = []
        try:
            record, event_id = _read_line(cfg, lines, number, raw, seen)
            found = wanted.pop(id_key(event_id), [])
            if mine:
                given = [doc for _, doc in found]
                yield position, _record_event(record, event_id, where, given, facts, cfg)
        except InputError as err:
            event_id = _id_of(raw, number, cfg, lines)
            # its candidates get rows of their own, after the lines (every shard lists them)
            lost = found or wanted.pop(id_key(event_id), [])
            own = _line_candidates(raw, where, cfg)
            orphans += [(event_id, doc, where) for doc in [*(own or []), *(d for _, d in lost)]]
            skipped.add(id_key(event_id))  # its row stands for its key facts
            if not mine:
                continue  # its own shard reports it
            if cfg.bad_events == "stop":
                raise
            unread = "" if own is not None else "; the candidates it holds cannot be named"
            yield position, BadEvent(event_id, where, f"{err}{unread}")
    if position < 0:
        add = "add JSONL lines" if lines.path is not None else "pass at least one"
        raise InputError(f"data.sources: {lines} holds no events; {add}")
    refused = [
        BadEvent(eid, doc.origin, f"{doc.origin}: its event was skipped{line}", doc.doc_id)
        for eid, doc, where in orphans
        for line in ["" if doc.origin == where else f" ({where})"]
    ]
    refused += _unmatched(cfg, [x for docs in wanted.values() for x in docs], str(lines))
    refused += _unused_facts(cfg, facts, seen.keys() | skipped, str(lines))
    yield from _mine(refused + not_read, position + 1, shard, num_shards)


def _line_candidates(raw: Any, where: str, cfg: DataConfig) -> list[Document] | None:
    """The candidates of a line that is skipped, each to get a row of its own (an id that
    cannot be used is named by its place, `candidates[2]`); None when the line is no JSON
    object, so what it holds cannot be named."""
    try:
        items = _parse(raw, where, cfg).get("candidates", [])
    except InputError:
        return None
    docs = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        value = item.get("id") if isinstance(item, dict) else None
        try:
            doc_id = _id(value, where) if isinstance(value, str) else f"candidates[{i}]"
        except InputError:
            doc_id = f"candidates[{i}]"
        docs.append(Document(doc_id, "candidate", "", where))
    return docs


def _check_lines(
    cfg: DataConfig, lines: Lines, facts: Facts, wanted: dict[str, list[Extra]]
) -> set[str]:
    """Every line read and checked as `_line_events` reads it (parsed, its event_id present
    and unique, its event well-formed with the candidates and key facts it will get), then
    dropped: only the id keys are kept, so memory stays flat however long the file. The id
    keys of the events."""
    seen: dict[str, int] = {}
    for number, raw in lines.read(cfg):
        record, event_id = _read_line(cfg, lines, number, raw, seen)
        found = [doc for _, doc in wanted.get(id_key(event_id), [])]
        _record_event(record, event_id, lines.where(number), found, facts, cfg)
    return set(seen)


def _read_line(
    cfg: DataConfig, lines: Lines, number: int, raw: Any, seen: dict[str, int]
) -> tuple[dict[str, Any], str]:
    """A line's record and event_id, noting the line in `seen` and refusing an id an earlier
    line gave (by id_key)."""
    where = lines.where(number)
    record = _parse(raw, where, cfg)
    _known_fields(record, EVENT_FIELDS, where, "an event")
    event_id = _id(_field(record, "event_id", where, str), where)
    first = seen.setdefault(id_key(event_id), number)
    if first != number:
        raise InputError(
            f"{where}: event_id {shown(event_id)} repeats {lines.label(first)} "
            f"{SAME_ID}; give each event its own id"
        )
    return record, event_id


def _mine(items: Iterable[T], start: int, shard: int, num_shards: int) -> Iterator[tuple[int, T]]:
    """The items of this shard, numbered from `start`."""
    for position, item in enumerate(items, start):
        if position % num_shards == shard:
            yield position, item


def _folder_event(
    cfg: DataConfig,
    sources: Path,
    facts: Facts,
    extra: list[Extra],
    others: list[NotRead],
    shard: int,
    num_shards: int,
) -> Iterator[tuple[int, Event | BadEvent]]:
    """A folder's one event (position 0), then its candidates that are not scored."""
    articles, not_texts = _folder_docs(sources, "source", cfg, "data.sources")
    event_id = _id(sources.resolve().name, str(sources))
    key = id_key(event_id)
    candidates = [doc for eid, doc in extra if eid is None or id_key(eid) == key]
    refused = _unmatched(
        cfg,
        [(eid, doc) for eid, doc in extra if eid is not None and id_key(eid) != key],
        f"{sources} (the event {shown(event_id)})",
        f"is not in data.sources, the event {shown(event_id)}",
    )
    not_read = [(path, TEXT_SUFFIX) for path in not_texts] + others
    refused += [_not_text(cfg, event_id, path, suffix) for path, suffix in not_read]
    named = {key} | (_beside(sources) if set(facts.files) - {key} else set())
    refused += _unused_facts(cfg, facts, named, f"{sources} (the event {shown(event_id)})")
    if shard == 0:
        written = _written_facts(facts, event_id, cfg)
        yield 0, _event(event_id, articles, candidates, str(sources), written)
    yield from _mine(refused, 1, shard, num_shards)


def _beside(sources: Path) -> set[str]:
    """The id keys of the folders beside a folder of sources: the other events that a
    key-facts folder (references/ beside them, data.references=auto) may serve too."""
    try:
        return {id_key(p.name) for p in sources.resolve().parent.iterdir() if p.is_dir()}
    except OSError:
        return set()


def _unmatched(
    cfg: DataConfig, docs: list[Extra], sources: str, why: str = "is not in data.sources"
) -> list[BadEvent]:
    """Candidates naming an event not in `sources`: an error (data.unmatched=stop), else
    their rows, each saying that the event it names `why`."""
    if cfg.unmatched == "stop" and docs:
        eid, doc = docs[0]
        raise InputError(
            f"{doc.origin}: candidate {shown(doc.doc_id)} names event {shown(eid or '')}, which "
            f"is not in {sources}; fix its event_id, or set data.unmatched=report to list it "
            "unscored"
        )
    return [
        BadEvent(
            eid or "",
            doc.origin,
            f"{doc.origin}: event {shown(eid or '')} {why}",
            doc.doc_id,
        )
        for eid, doc in docs
    ]


def _not_text(cfg: DataConfig, event_id: str, path: Path, suffix: str = TEXT_SUFFIX) -> BadEvent:
    """An entry of a sources or candidates folder that is not a .txt file (in a folder of
    system files: not a .jsonl or .csv), and not documentation: a file, or a folder (only the
    files directly inside an input folder are read)."""
    if path.is_dir():
        if cfg.unmatched == "stop":
            raise InputError(
                f"{path}: a folder, and only the {suffix} files directly in {path.parent} are "
                f"read; move its files up to score them, move it out of {path.parent}, or set "
                "data.unmatched=report to list it unscored"
            )
        why = f"{path.name} is a folder, not a {suffix} file"
        return BadEvent(event_id, str(path), why, path.name)
    if cfg.unmatched == "stop":
        raise InputError(
            f"{path}: not a {suffix} file; rename it to {suffix} to score it, move it out of "
            f"{path.parent}, or set data.unmatched=report to list it unscored"
        )
    return BadEvent(event_id, str(path), f"{path.name} is not a {suffix} file", path.name)


class _Oversized:
    """A JSONL line over data.max_bytes, in place of its bytes (never held in memory)."""


OVERSIZED = _Oversized()


def _raw_lines(path: Path, cfg: DataConfig, what: str) -> Iterator[tuple[int, bytes | _Oversized]]:
    """(line number, bytes) of each non-blank line, its byte-order mark dropped, decoded later:
    one bad line, one bad event. OVERSIZED for a line over data.max_bytes."""
    if path.is_dir():
        raise InputError(
            f"{what}: {path} is a folder, not a JSONL file; pass the .jsonl file, or rename "
            "the folder without .jsonl to read its .txt files"
        )
    _not_regular(path, "pass a .jsonl file")
    if not path.is_file():
        raise InputError(f"{what}: {path} does not exist; pass a folder of .txt files or a .jsonl")
    limit = cfg.max_bytes
    try:
        with path.open("rb") as handle:
            number = 0
            while line := handle.readline(limit + 2):  # the line and its \r\n
                number += 1
                cut = len(line) == limit + 2 and line[-1:] != b"\n"  # stopped mid-line
                if cut or len(line.rstrip(b"\r\n")) > limit:
                    while line[-1:] != b"\n" and (line := handle.readline(1 << 20)):
                        pass  # the rest of the long line
                    yield number, OVERSIZED
                elif (line := line.removeprefix(BOM)).strip():
                    yield number, line
    except OSError as err:
        raise InputError(f"{what}: cannot read {path} ({err.strerror or err})") from None


def _parse(raw: Any, where: str, cfg: DataConfig) -> dict[str, Any]:
    """A JSONL line's object; a record in memory as such a line (an Event converted)."""
    if isinstance(raw, Event):
        return _as_line(raw)
    if isinstance(raw, dict):
        return raw
    if not isinstance(raw, bytes | _Oversized):
        raise InputError(f"{where}: a {type(raw).__name__}; pass a dict shaped like a JSONL line")
    if isinstance(raw, _Oversized):
        raise InputError(
            f"{where}: over data.max_bytes={cfg.max_bytes} bytes; split it or raise data.max_bytes"
        )
    if _utf16(raw):
        raise InputError(f"{where}: looks like UTF-16 text; convert the file to UTF-8")
    text = ""
    try:  # without its line break, so a line cut short inside a string says so
        text = raw.decode("utf-8").rstrip("\r\n")
        record = json.loads(text, object_pairs_hook=_object)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{where}: not valid UTF-8 (byte {err.start}); convert the file to UTF-8 "
            "(data.decode_errors=replace reads .txt files only)"
        ) from None
    except json.JSONDecodeError as err:
        problem = f"{err.msg.removesuffix(' at')} at column {err.colno}"
        if err.pos >= len(text) or err.msg.startswith("Unterminated string"):
            problem += "; the line ends early, as if cut short"
        raise InputError(f"{where}: not valid JSON ({problem}); fix the line") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; flatten it") from None
    except _Repeated as err:
        raise InputError(
            f"{where}: field {shown(err.key)} appears twice in one object; keep one"
        ) from None
    except ValueError as err:  # an integer of thousands of digits
        problem = str(err).split(";")[0]
        raise InputError(f"{where}: not valid JSON ({problem}); fix the line") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    return record


class _Repeated(Exception):
    """A key given twice in one JSON object, which json would resolve by keeping the last."""

    def __init__(self, key: str) -> None:
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key it repeats."""
    record = dict(pairs)
    if len(record) != len(pairs):
        keys = [key for key, _ in pairs]
        raise _Repeated(next(key for i, key in enumerate(keys) if key in keys[:i]))
    return record


def _known_fields(
    record: dict[str, Any], known: tuple[str, ...], where: str, what: str, own: str = ""
) -> None:
    """Refuse a field that is not `known` (a misspelt one would be dropped without a word),
    naming the fields `what` has and the closest one."""
    unknown = [str(key) for key in record if key not in known]
    if unknown:
        close = difflib.get_close_matches(unknown[0], known, n=1, cutoff=0.75)
        hint = f"; did you mean {shown(close[0])}?" if close else ""
        raise InputError(
            f"{where}: unknown field {shown(unknown[0])}; {what} has {', '.join(known)}{own}{hint}"
        )


def _id_of(raw: Any, number: int, cfg: DataConfig, lines: Lines) -> str:
    """The event_id of a line when it has a usable one, else "line N" ("events[N]")."""
    try:
        return _id(_field(_parse(raw, "", cfg), "event_id", "", str), "")
    except InputError:
        return lines.label(number)


def _as_line(event: Event) -> dict[str, Any]:
    """An Event record as the JSONL line that gives it, so it is checked as one."""
    line: dict[str, Any] = {
        "event_id": event.event_id,
        "articles": [{"id": d.doc_id, "text": d.text} for d in event.sources],
        "candidates": [{"id": d.doc_id, "text": d.text} for d in event.candidates],
    }
    if event.key_facts:
        line["key_facts"] = [text for text, _ in event.key_facts]
    return line


def _record_event(
    record: dict[str, Any],
    event_id: str,
    where: str,
    extra: list[Document],
    facts: Facts,
    cfg: DataConfig,
) -> Event:
    articles = _record_docs(_field(record, "articles", where, list), "source", where)
    if not articles:
        raise InputError(f"{where}: 'articles' is empty; give each event at least one article")
    candidates = _record_docs(record.get("candidates", []), "candidate", where) + extra
    inline = record.get("key_facts")
    if inline and (files := facts.files.get(id_key(event_id))):
        raise InputError(
            f"{where}: key facts given twice, in the line and in {files[0]}; keep one (the "
            "line's, or remove 'key_facts' to use the file)"
        )
    written = _inline_facts(inline, where) if inline else _written_facts(facts, event_id, cfg)
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


@dataclass(frozen=True, slots=True)
class Facts:
    """A key-facts folder's files by the id key of their name (found by listing the folder,
    so an event id never becomes a path), and its entries that are no key-facts file."""

    files: dict[str, list[Path]]
    others: tuple[Path, ...] = ()


def _facts_files(folder: Path | None) -> Facts:
    """The key-facts files of data.references (see Facts)."""
    if folder is None:
        return Facts({})
    texts, others = _folder_files(folder, "data.references")
    files: dict[str, list[Path]] = defaultdict(list)
    for path in texts:
        files[id_key(path.stem)].append(path)
    return Facts(files, tuple(others))


def _unused_facts(cfg: DataConfig, facts: Facts, named: set[str], sources: str) -> list[BadEvent]:
    """Entries of the key-facts folder that are not .txt files (`data.unmatched`: an error, or a
    row each), and a warning naming the key-facts files of no event in `named` (id keys): a run
    over some of the events a folder has facts for is no mistake, and a typo in a file's name
    shows here and as its event's facts extracted (the terminal says which)."""
    unused = sorted(paths[0] for key, paths in facts.files.items() if key not in named)
    if unused:
        more = ", ..." if len(unused) > 3 else ""
        log.warning(
            "%d key-facts file(s) of no event in %s, not used: %s%s",
            len(unused),
            sources,
            ", ".join(str(p) for p in unused[:3]),
            more,
        )
    return [_not_text(cfg, "", path) for path in facts.others]


def _written_facts(facts: Facts, event_id: str, cfg: DataConfig) -> Written:
    """Hand-written key facts from `<references>/<event_id>.txt`, one per line, # comments."""
    found = facts.files.get(id_key(event_id), [])
    if not found:
        return "", ()
    if len(found) > 1:
        raise InputError(
            f"{found[0]} and {found[1]} both hold the key facts of event {shown(event_id)} "
            f"{SAME_ID}; keep one"
        )
    path = found[0]
    written = tuple(
        (LIST_MARKER.sub("", line.strip()), f"{path}:{number}")  # "1. Kim denied ..." too
        for number, line in enumerate(read_text(path, cfg, allow_empty=True).split("\n"), 1)
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not written:
        raise InputError(f"{path}: holds no key facts; write one per line, or delete the file")
    return str(path), written


def _event(
    event_id: str,
    articles: list[Document],
    candidates: list[Document],
    where: str,
    written: Written,
) -> Event:
    for doc in articles:
        if not doc.text.strip():
            raise InputError(
                f"{doc.origin}: source {shown(doc.doc_id)} is empty; remove or fill it"
            )
    _check_ids(articles, where)
    _check_ids(articles + candidates, where)
    facts_from, facts = written
    _check_facts(facts)
    return Event(event_id, tuple(articles), tuple(candidates), where, facts, facts_from)


def _check_facts(facts: tuple[tuple[str, str], ...]) -> None:
    """Hand-written key facts each say something, once: a fact of no word ("...") was missed
    by every candidate, and a fact written twice counted twice."""
    seen: dict[str, str] = {}
    for text, origin in facts:
        if not any(ch.isalnum() for ch in text):
            raise InputError(
                f"{origin}: the key fact {shown(text)} has no words; write the fact or remove it"
            )
        first = seen.setdefault(" ".join(text.casefold().split()), origin)
        if first != origin:
            raise InputError(f"{origin}: repeats the key fact of {first}; keep one")


# A file in a candidates folder that is not read, and the suffix that folder's files have.
NotRead = tuple[Path, str]


def _extra_candidates(
    cfg: DataConfig, sources: Path | None, records: Sequence[Any] | None = None
) -> tuple[list[Extra], list[NotRead]]:
    """Candidates from `records` (in memory) or data.candidates ('auto' = `<sources>/candidates/`
    when it exists), and the files of a candidates folder that are not read."""
    if records is not None:
        given = ((f"candidates[{i}]", record) for i, record in enumerate(records))
        return _checked(_candidate(r, where, None, cfg) for where, r in given), []
    if cfg.candidates is None:
        return [], []
    if cfg.candidates == "auto":
        if sources is None or is_jsonl(sources) or not (sources / "candidates").is_dir():
            return [], []
        folder = sources / "candidates"
    else:
        folder = Path(cfg.candidates).expanduser()
        if folder.suffix.lower() in SYSTEM_SUFFIXES:
            lines = _table_lines(folder, cfg, CANDIDATE_FIELDS)
            return _checked(_candidate(r, where, None, cfg) for where, r in lines), []
    texts, others = _folder_files(folder, "data.candidates")
    systems = [p for p in others if p.suffix.lower() in SYSTEM_SUFFIXES]
    if systems and texts:
        raise InputError(
            f"data.candidates: {folder} holds both .txt candidates ({texts[0].name}) and system "
            f"files ({systems[0].name}); keep one layout: <candidate>.txt for one event, or "
            "<system>.jsonl / <system>.csv with event_id,text lines"
        )
    if systems:
        _check_systems(systems)
        system_lines = (
            _candidate(record, where, _id(path.stem, str(path)), cfg)
            for path in systems
            for where, record in _table_lines(path, cfg, SYSTEM_FIELDS)
        )
        wanted = " or ".join(SYSTEM_SUFFIXES)
        return _checked(system_lines), [(p, wanted) for p in others if p not in systems]
    if texts and (sources is None or is_jsonl(sources)):
        raise InputError(
            f"data.candidates: {folder} is a folder of .txt candidates, which needs a folder of "
            "sources; for events JSONL give candidates as a .jsonl or .csv with event_id,id,text, "
            "or a folder of <system>.jsonl files"
        )
    docs, others = _folder_docs(folder, "candidate", cfg, "data.candidates", (texts, others))
    return [(None, d) for d in docs], [(p, TEXT_SUFFIX) for p in others]


def _check_systems(systems: list[Path]) -> None:
    """Refuse two files of a systems folder that name one system (`s1.jsonl`, `S1.csv`)."""
    if clash := _clash(systems, lambda path: path.stem):
        first, path = clash
        raise InputError(
            f"data.candidates: {first.name} and {path.name} in {path.parent} name one "
            f"system {SAME_ID}; merge them into one file or rename one"
        )


def _table_lines(
    path: Path, cfg: DataConfig, known: tuple[str, ...]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, record) for each line of a candidates JSONL, or each row of a CSV by its header
    (whose columns must be `known` ones)."""
    if path.suffix.lower() != ".csv":
        number = 0
        for number, raw in _raw_lines(path, cfg, "data.candidates"):
            where = f"{path} line {number}"
            yield where, _parse(raw, where, cfg)
        if not number:
            raise InputError(
                f"data.candidates: {path} holds no candidates; add JSONL lines or remove the file"
            )
        return
    if path.is_dir():
        raise InputError(f"data.candidates: {path} is a folder, not a CSV file; pass the file")
    _not_regular(path, "pass a .csv file")
    if not path.is_file():
        raise InputError(f"data.candidates: {path} does not exist; check the path")
    rows = numbered_rows(path, strict=True)
    number = 1
    given = 0
    try:
        header: list[str] | None = None
        for number, row in rows:
            where = f"{path} line {number}"
            if header is None:
                header = _header(row, where, known)
            elif len(row) != len(header):
                if row:  # a blank line is no candidate
                    raise InputError(
                        f"{where}: {len(row)} cells where the header has {len(header)}; "
                        "quote a cell that holds a comma"
                    )
            elif len(",".join(row).encode("utf-8", "surrogatepass")) > cfg.max_bytes:
                raise InputError(
                    f"{where}: over data.max_bytes={cfg.max_bytes}; split it or raise "
                    "data.max_bytes"
                )
            else:  # an empty event_id cell is no event_id, as a JSONL line without one
                given += 1
                yield (
                    where,
                    {k: v for k, v in zip(header, row, strict=True) if k != "event_id" or v},
                )
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: not valid UTF-8 (after line {number}); save it as UTF-8 (CSV UTF-8)"
        ) from None
    except RowError as err:
        if "unexpected end of data" in str(err):  # a quote opened and never closed
            raise InputError(
                f"{path} line {err.line}: a quoted cell runs to the end of the file (its "
                'closing " is missing); close the quote'
            ) from None
        raise InputError(f"{path} line {err.line}: not valid CSV ({err}); fix it") from None
    except csv.Error as err:
        raise InputError(f"{path} line {number}: not valid CSV ({err}); fix it") from None
    except OSError as err:
        raise InputError(f"data.candidates: cannot read {path} ({err.strerror or err})") from None
    if header is None:
        raise InputError(
            f"data.candidates: {path} is empty; give a header ({', '.join(known)}) and a row "
            "per candidate, or remove the file"
        )
    if not given:
        raise InputError(
            f"data.candidates: {path} holds a header but no candidates; add rows or remove the file"
        )


def _header(row: list[str], where: str, known: tuple[str, ...]) -> list[str]:
    """A candidates CSV's column names: `known` ones, each once (event_id may be left out)."""
    names = [name.strip() for name in row]
    for i, name in enumerate(names):
        if name not in known:
            own = "" if "id" in known else " (a system's id is its file name)"
            raise InputError(
                f"{where}: unknown column {shown(name)}; the columns are {', '.join(known)}{own}"
            )
        if name in names[:i]:
            raise InputError(f"{where}: column {shown(name)} appears twice; keep one")
    for name in known:
        if name != "event_id" and name not in names:
            raise InputError(
                f"{where}: no column {shown(name)}; the columns are {', '.join(known)}"
            )
    return names


def _candidate(record: Any, where: str, system: str | None, cfg: DataConfig) -> Extra:
    """A candidate line or row: `event_id` (optional with a folder of sources), `id` and `text`;
    in a system's file, `event_id` and `text`, the id being the system's (its file name)."""
    record = _parse(record, where, cfg)
    own = f" (its id is the file name: {shown(system)})" if system else ""
    _known_fields(record, SYSTEM_FIELDS if system else CANDIDATE_FIELDS, where, "a candidate", own)
    doc_id = system or _id(_field(record, "id", where, str), where)
    event_id = None
    if record.get("event_id") is not None:
        event_id = _id(_field(record, "event_id", where, str), where)
    text = normalise(_field(record, "text", where, str))
    return event_id, Document(doc_id, "candidate", text, where)


def _checked(candidates: Iterable[Extra]) -> list[Extra]:
    """The candidates, refusing one given twice for the same event (ids compared by id_key)."""
    seen: dict[tuple[str, str], str] = {}
    out = []
    for eid, doc in candidates:
        key = (id_key(eid or ""), id_key(doc.doc_id))
        if key in seen:
            event = f"event {shown(eid)}" if eid else "the event"
            raise InputError(
                f"{doc.origin}: candidate {shown(doc.doc_id)} of {event} is given twice (also "
                f"{seen[key]}); keep one, or give each its own id"
            )
        seen[key] = doc.origin
        out.append((eid, doc))
    return out
