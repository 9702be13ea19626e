"""Load stage: read source articles and candidate summaries into Events, validating at the edge.

Inputs are a folder of .txt articles (one event, id = folder name) or a JSONL file of events;
"bundled" is the seed event evalkit ships. Candidates come from `<sources>/candidates/` (when
present), a folder or JSONL given by `data.candidates`, and the events themselves; hand-written
key facts from `data.references`. Paths a user gives resolve against the working folder. Every
problem a user can fix is an InputError naming the file (and line) and what to do.

Ids (of events, articles and candidates) are stored NFC-normalised and compared by `id_key`
everywhere; an id that cannot be printed on one line is refused, and no id ever becomes a file
name (key-facts files are found by listing their folder). No candidate is dropped without a
word: one that names no event, or a file in an input folder that is not a .txt, stops the run
or, with data.unmatched=report, comes back as a BadEvent: a NaN row with its reason.
Over 400 lines, one concern: turning what a user hands over into records or one-line errors.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from evalkit.config import DataConfig
from evalkit.errors import InputError
from evalkit.records import Document, Event, Role, id_key

TEXT_SUFFIX = ".txt"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters but tab and newline
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: a JSON "\\ud800" escape
_UNPRINTABLE = {"Cc", "Cs", "Zl", "Zp"}  # in an id: controls, surrogates, line breaks
BOM = b"\xef\xbb\xbf"
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
    """An id as stored: NFC, so ids that print the same are one id; refused when blank or
    when it holds a character that cannot be printed on one line."""
    text = unicodedata.normalize("NFC", value)
    if not text.strip():
        raise InputError(f"{where}: {what} is blank; give it a name")
    for char in text:
        if unicodedata.category(char) in _UNPRINTABLE:
            raise InputError(
                f"{where}: {what} {shown(text)} cannot be printed on one line (U+{ord(char):04X}: "
                "a control or line-break character, or a byte that is not UTF-8); change it"
            )
    return text


def read_text(path: Path, cfg: DataConfig, *, allow_empty: bool = False) -> str:
    """Read one UTF-8 text file: refuse binary, oversized, non-UTF-8 (unless told) and empty."""
    if not path.is_file():
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
    if nuls * 10 > nuls + len(raw):  # NULs throughout: UTF-16, or a binary file
        raise InputError(binary)
    text = normalise(text)
    if not text.strip() and not allow_empty:
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    return text


def normalise(text: str) -> str:
    """Drop a byte-order mark, unify line endings, remove control characters and replace lone
    surrogates (which a JSON escape can carry, and no file can hold) with U+FFFD."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def _is_doc(path: Path) -> bool:
    """README.* (any case) is documentation, and a hidden file is no one's text: neither is read."""
    return not path.name.startswith(".") and path.name.partition(".")[0].casefold() != "readme"


def _folder_files(folder: Path, what: str) -> tuple[list[Path], list[Path]]:
    """The .txt files directly inside a folder (the suffix in any case), and its other files
    but documentation and hidden ones, each sorted; links leaving the folder are refused."""
    if not folder.exists():
        raise InputError(
            f"{what}: {folder} does not exist; pass a folder of .txt files or a .jsonl"
        )
    if not folder.is_dir():
        raise InputError(f"{what}: {folder} is not a folder or a .jsonl file")
    try:
        files = sorted(p for p in folder.iterdir() if _is_doc(p) and not p.is_dir())
    except OSError as err:
        raise InputError(f"{what}: cannot list {folder} ({err.strerror or err})") from None
    for path in files:  # a file's name is its id, or is shown in a row
        _id(path.name, f"{what}: {folder}", "the file name")
    texts = [p for p in files if p.suffix.lower() == TEXT_SUFFIX]
    root = folder.resolve()
    for path in texts:
        if not path.resolve().is_relative_to(root):
            raise InputError(f"{path}: a link to a file outside {folder}; copy the file in instead")
    return texts, [p for p in files if p.suffix.lower() != TEXT_SUFFIX]


def _check_ids(docs: list[Document], what: str) -> None:
    seen: dict[str, str] = {}
    for doc in docs:
        key = id_key(doc.doc_id)
        if key in seen:
            raise InputError(
                f"{what}: ids {shown(seen[key])} and {shown(doc.doc_id)} clash (ids must differ "
                f"by more than case); rename one ({doc.origin})"
            )
        seen[key] = doc.doc_id


def _folder_docs(
    folder: Path, role: Role, cfg: DataConfig, what: str
) -> tuple[list[Document], list[Path]]:
    """The folder's .txt files as documents, and its other files (see _folder_files)."""
    texts, others = _folder_files(folder, what)
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
    for item in items:
        if not isinstance(item, dict):
            raise InputError(f"{where}: each {role} must be an object with 'id' and 'text'")
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


def read_events(
    cfg: DataConfig, shard: int = 0, num_shards: int = 1
) -> Iterator[tuple[int, Event | BadEvent]]:
    """(position, event) for the events of one shard, streamed.

    Position counts events (non-blank JSONL lines) from 0, and shard i takes positions i,
    i + num_shards, ... Every line's id is still checked for repeats, so a shard fails where
    the whole run would. A bad line stops the run, or with data.bad_events=skip comes back as
    a BadEvent with its line number and reason. Candidates that match no event (see
    `_unmatched`) take the positions after the last event.
    """
    sources = sources_path(cfg)
    facts = _facts_files(references_path(cfg, sources))
    extra, others = _extra_candidates(cfg, sources)
    if not is_jsonl(sources):
        yield from _folder_event(cfg, sources, facts, extra, others, shard, num_shards)
        return
    if any(eid is None for eid, _ in extra):
        raise InputError(
            f"data.candidates: {cfg.candidates}: with events JSONL sources every candidate "
            "line needs an 'event_id'"
        )
    wanted: dict[str, list[Extra]] = defaultdict(list)  # by the key of the event they name
    for eid, doc in extra:
        wanted[id_key(eid or "")].append((eid, doc))
    if wanted and cfg.unmatched == "stop":  # before any event is read, so before any model
        named = {id_key(_id_of(raw, n, cfg)) for n, raw in _raw_lines(sources, cfg, "data.sources")}
        for key, docs in wanted.items():
            if key not in named:
                _unmatched(cfg, docs, str(sources))
    seen: dict[str, int] = {}
    position = -1
    for number, raw in _raw_lines(sources, cfg, "data.sources"):
        position += 1
        mine = position % num_shards == shard
        where = f"{sources} line {number}"
        try:
            record = _parse(raw, where, cfg)
            event_id = _id(_field(record, "event_id", where, str), where)
            first = seen.setdefault(id_key(event_id), number)
            if first != number:
                raise InputError(
                    f"{where}: event_id {shown(event_id)} repeats line {first} "
                    "(ids must differ by more than case); give each event its own id"
                )
            found = [doc for _, doc in wanted.pop(id_key(event_id), [])]
            if mine:
                yield position, _record_event(record, event_id, where, found, facts, cfg)
        except InputError as err:
            event_id = _id_of(raw, number, cfg)
            wanted.pop(id_key(event_id), None)  # its row, if skipped, stands for its candidates
            if not mine:
                continue  # its own shard reports it
            if cfg.bad_events == "stop":
                raise
            yield position, BadEvent(event_id, where, str(err))
    if position < 0:
        raise InputError(f"data.sources: {sources} holds no events; add JSONL lines")
    refused = _unmatched(cfg, [x for docs in wanted.values() for x in docs], str(sources))
    yield from _mine(refused, position + 1, shard, num_shards)


def _mine(items: Iterable[T], start: int, shard: int, num_shards: int) -> Iterator[tuple[int, T]]:
    """The items of this shard, numbered from `start`."""
    for position, item in enumerate(items, start):
        if position % num_shards == shard:
            yield position, item


def _folder_event(
    cfg: DataConfig,
    sources: Path,
    facts: dict[str, list[Path]],
    extra: list[Extra],
    others: list[Path],
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
    refused += [_not_text(cfg, event_id, path) for path in not_texts + others]
    if shard == 0:
        written = _written_facts(facts, event_id, cfg)
        yield 0, _event(event_id, articles, candidates, str(sources), written)
    yield from _mine(refused, 1, shard, num_shards)


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


def _not_text(cfg: DataConfig, event_id: str, path: Path) -> BadEvent:
    """A file in a sources or candidates folder that is not a .txt, and not documentation."""
    if cfg.unmatched == "stop":
        raise InputError(
            f"{path}: not a .txt file; rename it to .txt to score it, move it out of "
            f"{path.parent}, or set data.unmatched=report to list it unscored"
        )
    return BadEvent(event_id, str(path), f"{path.name} is not a .txt file", path.name)


def _raw_lines(path: Path, cfg: DataConfig, what: str) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each non-blank line, its byte-order mark dropped, decoded later:
    one bad line, one bad event. None for a line over data.max_bytes, never held in memory."""
    if path.is_dir():
        raise InputError(
            f"{what}: {path} is a folder, not a JSONL file; pass the .jsonl file, or rename "
            "the folder without .jsonl to read its .txt files"
        )
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
                    yield number, None
                elif (line := line.removeprefix(BOM)).strip():
                    yield number, line
    except OSError as err:
        raise InputError(f"{what}: cannot read {path} ({err.strerror or err})") from None


def _parse(raw: bytes | None, where: str, cfg: DataConfig) -> dict[str, Any]:
    if raw is None:
        raise InputError(
            f"{where}: over data.max_bytes={cfg.max_bytes} bytes; split it or raise data.max_bytes"
        )
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not valid UTF-8 (byte {err.start}); convert it") from None
    except json.JSONDecodeError as err:
        problem = f"{err.msg.removesuffix(' at')} at column {err.colno}"
        raise InputError(f"{where}: not valid JSON ({problem}); fix the line") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; flatten it") from None
    except ValueError as err:  # an integer of thousands of digits
        raise InputError(f"{where}: not valid JSON ({str(err).split(';')[0]})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    return record


def _id_of(raw: bytes | None, number: int, cfg: DataConfig) -> str:
    """The event_id of a line when it has a usable one, else "line N"."""
    try:
        return _id(_field(_parse(raw, "", cfg), "event_id", "", str), "")
    except InputError:
        return f"line {number}"


def _record_event(
    record: dict[str, Any],
    event_id: str,
    where: str,
    extra: list[Document],
    facts: dict[str, list[Path]],
    cfg: DataConfig,
) -> Event:
    articles = _record_docs(_field(record, "articles", where, list), "source", where)
    if not articles:
        raise InputError(f"{where}: 'articles' is empty; give each event at least one article")
    candidates = _record_docs(record.get("candidates", []), "candidate", where) + extra
    inline = record.get("key_facts")
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


def _facts_files(folder: Path | None) -> dict[str, list[Path]]:
    """The key-facts files of a folder by the id key of their name. Found by listing the
    folder, so an event id never becomes a path (one cannot reach outside it)."""
    if folder is None:
        return {}
    files: dict[str, list[Path]] = defaultdict(list)
    try:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == TEXT_SUFFIX and _is_doc(path) and not path.is_dir():
                files[id_key(path.stem)].append(path)
    except OSError as err:
        raise InputError(f"data.references: cannot list {folder} ({err.strerror or err})") from None
    return files


def _written_facts(files: dict[str, list[Path]], event_id: str, cfg: DataConfig) -> Written:
    """Hand-written key facts from `<references>/<event_id>.txt`, one per line, # comments."""
    found = files.get(id_key(event_id), [])
    if not found:
        return "", ()
    if len(found) > 1:
        raise InputError(
            f"{found[0]} and {found[1]} both hold the key facts of event {shown(event_id)} "
            "(ids must differ by more than case); keep one"
        )
    path = found[0]
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
            raise InputError(
                f"{doc.origin}: source {shown(doc.doc_id)} is empty; remove or fill it"
            )
    _check_ids(articles, where)
    _check_ids(articles + candidates, where)
    facts_from, facts = written
    return Event(event_id, tuple(articles), tuple(candidates), where, facts, facts_from)


def _extra_candidates(cfg: DataConfig, sources: Path) -> tuple[list[Extra], list[Path]]:
    """Candidates from data.candidates ('auto' = `<sources>/candidates/` when it exists), and
    the files of a candidates folder that are not .txt."""
    if cfg.candidates is None:
        return [], []
    if cfg.candidates == "auto":
        folder = sources / "candidates"
        if is_jsonl(sources) or not folder.is_dir():
            return [], []
        docs, others = _folder_docs(folder, "candidate", cfg, "data.candidates")
        return [(None, d) for d in docs], others
    path = Path(cfg.candidates).expanduser()
    if not is_jsonl(path):
        if is_jsonl(sources):
            raise InputError(
                "data.candidates: a folder of candidates needs a folder of sources; "
                "for events JSONL give candidates as JSONL lines with an 'event_id'"
            )
        docs, others = _folder_docs(path, "candidate", cfg, "data.candidates")
        return [(None, d) for d in docs], others
    found: list[Extra] = []
    for number, raw in _raw_lines(path, cfg, "data.candidates"):
        where = f"{path} line {number}"
        record = _parse(raw, where, cfg)
        doc_id = _id(_field(record, "id", where, str), where)
        event_id = None
        if record.get("event_id") is not None:
            event_id = _id(_field(record, "event_id", where, str), where)
        text = normalise(_field(record, "text", where, str))
        found.append((event_id, Document(doc_id, "candidate", text, where)))
    return found, []
