"""Nothing lost, nothing half-written, same bytes twice; fuzzing the text stages."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from evalkit.bench.load import load_benchmark
from evalkit.config import CleanConfig, Config, DataConfig, VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.errors import InputError
from evalkit.pipeline import Resources, run_event
from evalkit.records import Claim, Document, Event
from evalkit.report import MARKER, TABLES, RunWriter
from evalkit.run import evaluate
from evalkit.stages.claims import document_evidence, judge_claims, measure_claims
from evalkit.stages.clean import clean_documents
from evalkit.stages.load import BadEvent, iter_events, normalise, read_events
from evalkit.stages.segment import segment
from evalkit.verifiers import build_verifier

from .conftest import ROOT, stop_midway


def write_run(cfg: Config, run_dir: Path) -> None:
    res = Resources.build(cfg)
    writer = RunWriter(run_dir)
    for event in iter_events(cfg.data):
        writer.add(run_event(event, cfg, res))
    writer.finish(
        {
            "config": {
                "scoring": {
                    "coverage_weight": 1,
                    "unsupported_penalty": 0.1,
                    "contradicted_penalty": 0.2,
                }
            }
        }
    )


def test_same_inputs_give_byte_identical_tables(fast_cfg: Config, tmp_path: Path) -> None:
    write_run(fast_cfg, tmp_path / "one")
    write_run(fast_cfg, tmp_path / "two")
    for name in TABLES:
        assert filecmp.cmp(tmp_path / "one" / name, tmp_path / "two" / name, shallow=False)


def test_writer_hides_tables_until_finished_and_abort_cleans(tmp_path: Path) -> None:
    writer = RunWriter(tmp_path)
    assert (tmp_path / MARKER).exists() and not (tmp_path / "summary.csv").exists()
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_sweep_jobs_get_their_own_folders(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "evalkit",
            "run",
            "-m",
            "embedder=hashed",
            "entail=none",
            "report.html=false",
            "report.plots=false",
            "scoring.unsupported_penalty=0.1,0.5",
            f"hydra.sweep.dir={tmp_path}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    one, two = tmp_path / "0", tmp_path / "1"
    assert filecmp.cmp(one / "claims.csv", two / "claims.csv", shallow=False)
    assert not filecmp.cmp(one / "summary.csv", two / "summary.csv", shallow=False)


def test_sigterm_leaves_no_table_that_looks_complete(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "make_corpus.py"),
            "--events",
            "400",
            "--out",
            str(corpus),
            "--bench-dir",
            str(tmp_path / "none"),
        ],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    run_dir = tmp_path / "run"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "evalkit",
            "run",
            "embedder=hashed",
            "entail=none",
            f"data.sources={corpus}",
            f"hydra.run.dir={run_dir}",
            "report.html=false",
            "report.plots=false",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stop_midway(proc, run_dir, events=1)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err
    assert (run_dir / MARKER).exists() and not (run_dir / "summary.csv").exists()


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(a=TEXT, b=TEXT)
def test_clean_and_segment_account_for_every_line(a: str, b: str) -> None:
    docs = [Document(f"d{i}", "source", normalise(t), "fuzz") for i, t in enumerate((a, b))]
    cleaned, _ = clean_documents(docs, [], CleanConfig(), HashedEmbedder())
    for doc, clean in zip(docs, cleaned, strict=True):
        lines = [ln for ln in doc.text.split("\n") if ln.strip()]
        cut = [r for r in clean.removed if r.reason.startswith("site name")]
        assert len(clean.kept) + len(clean.removed) - len(cut) == len(lines)
        for sentence in segment(clean).sentences:
            assert 0 <= sentence.start < sentence.end <= len(doc.text)
            assert doc.text[sentence.start : sentence.end] == sentence.text


@FUZZ
@given(source=TEXT, summary=TEXT)
def test_alignment_never_fails_and_keeps_every_claim(source: str, summary: str) -> None:
    embedder = HashedEmbedder()
    src, cand = (
        Document(i, r, normalise(t), "fuzz")
        for i, r, t in (("s", "source", source), ("c", "candidate", summary))
    )
    (clean_src,), (clean_cand,) = clean_documents([src], [cand], CleanConfig(), embedder)
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(segment(clean_cand).sentences)]
    cfg = VerifierConfig()
    evidence = document_evidence(segment(clean_src), cfg, embedder)
    measured = measure_claims(claims, evidence, cfg, embedder)
    aligned = judge_claims(claims, measured, build_verifier(cfg))
    assert len(aligned) == len(claims)
    assert all(0.0 <= a.support <= 1.0 for a in aligned)
    assert all(a.verdict in ("supported", "unsupported", "contradicted") for a in aligned)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_loading_arbitrary_bytes_gives_text_or_one_line_error(raw: bytes) -> None:
    import tempfile

    from evalkit.config import DataConfig
    from evalkit.errors import InputError
    from evalkit.stages.load import read_text

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(raw)
        try:
            text = read_text(path, DataConfig())
        except InputError as err:
            assert "\n" not in str(err) and str(path) in str(err)
        else:
            assert text.strip() and "\r" not in text and "\ufeff" not in text


# ------------------------------------------------ loaders: only ever a one-line InputError

ANY = st.characters(exclude_categories=())  # every code point, lone surrogates included
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY, max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(ANY, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
ID = (
    st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=12)
    | st.text(ANY, max_size=12)
    | st.sampled_from(["e1", "E1", "caf\u00e9", "cafe\u0301", "a"])
)
DOC = st.fixed_dictionaries({"id": ID, "text": st.text(ANY, max_size=60)})
EVENT = st.fixed_dictionaries(
    {"event_id": ID, "articles": st.lists(DOC, min_size=1, max_size=3)},
    optional={"candidates": st.lists(DOC, max_size=2), "key_facts": st.lists(ID, max_size=2)},
)
SHAPES = st.fixed_dictionaries(  # any JSON where each field goes
    {"event_id": ID | JSON, "articles": st.lists(DOC | JSON, max_size=3) | JSON},
    optional={"candidates": st.lists(DOC | JSON, max_size=2) | JSON, "key_facts": JSON},
)
DEEP = st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth)
LINE = (
    EVENT.map(json.dumps)
    | SHAPES.map(json.dumps)
    | JSON.map(json.dumps)
    | DEEP.map(lambda deep: '{"event_id": "e", "articles": ' + deep + "}")
).map(str.encode) | st.binary(max_size=40)
BOM = b"\xef\xbb\xbf"


def printable(text: str) -> bool:
    """Text a table or a terminal can hold on one line: UTF-8 (no lone surrogate), no breaks."""
    return all(unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp") for c in text)


def refused_id(text: str) -> bool:
    """Whether the loader refuses an id: blank, with a character that cannot be printed on one
    line as it reads (a control, format such as U+00AD the soft hyphen, surrogate or line
    break), or with white space at either end ("e1 " would be another id than "e1")."""
    nfc = unicodedata.normalize("NFC", text)
    unprintable = any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in nfc)
    return not nfc.strip() or unprintable or nfc != nfc.strip()


def checked(item: Event | BadEvent) -> None:
    """Whatever the loader returns can be written to the tables."""
    if isinstance(item, BadEvent):
        assert printable(item.event_id) and printable(item.candidate) and printable(item.note)
        return
    assert printable(item.event_id) and unicodedata.is_normalized("NFC", item.event_id)
    for doc in (*item.sources, *item.candidates):
        assert printable(doc.doc_id) and unicodedata.is_normalized("NFC", doc.doc_id)
        doc.text.encode("utf-8")  # raises on a lone surrogate: they are replaced


@FUZZ
@given(lines=st.lists(LINE, max_size=5), skip=st.booleans())
def test_events_loader_gives_events_bad_events_or_one_line_error(
    lines: list[bytes], skip: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        path.write_bytes(b"\n".join(lines))
        (Path(tmp) / "references").mkdir()  # found by 'auto': ids are looked up in it
        cfg = DataConfig(sources=str(path), bad_events="skip" if skip else "stop")
        try:
            items = [item for _, item in read_events(cfg)]
        except InputError as err:
            assert "\n" not in str(err)
            assert not skip or "holds no events" in str(err)  # skip: only a file of nothing
            return
    for item in items:
        checked(item)
    if skip:  # one item per non-blank line, nothing lost (a skipped line's candidates: rows)
        kept = [ln for ln in b"\n".join(lines).split(b"\n") if ln.removeprefix(BOM).strip()]
        rows = [i for i in items if isinstance(i, BadEvent) and i.candidate]
        assert len(items) - len(rows) == len(kept)


CANDIDATE = st.fixed_dictionaries(
    {"id": ID, "text": st.text(ANY, max_size=40)}, optional={"event_id": ID}
).map(lambda line: json.dumps(line).encode())
GARBAGE = LINE | st.fixed_dictionaries(
    {"id": ID | JSON, "text": st.text(ANY, max_size=40) | JSON}, optional={"event_id": JSON}
).map(lambda line: json.dumps(line).encode())


@FUZZ
@given(
    good=st.lists(CANDIDATE, max_size=5),
    bad=st.lists(GARBAGE, max_size=1),
    unmatched=st.sampled_from(["stop", "report"]),
    folder=st.booleans(),
)
def test_candidates_loader_drops_no_candidate(
    good: list[bytes], bad: list[bytes], unmatched: str, folder: bool
) -> None:
    lines = good + bad
    article = {"id": "s", "text": "Kim Yo Jong denied it."}
    with tempfile.TemporaryDirectory() as tmp:
        if folder:
            sources = Path(tmp) / "e1"
            sources.mkdir()
            (sources / "s.txt").write_text(article["text"], encoding="utf-8")
        else:
            sources = Path(tmp) / "events.jsonl"
            events = [{"event_id": e, "articles": [article]} for e in ("e1", "caf\u00e9")]
            sources.write_text("\n".join(map(json.dumps, events)), encoding="utf-8")
        cands = Path(tmp) / "cands.jsonl"
        cands.write_bytes(b"\n".join(lines))
        cfg = DataConfig(sources=str(sources), candidates=str(cands), references=None)
        cfg.unmatched = unmatched
        try:
            items = [item for _, item in read_events(cfg)]
        except InputError as err:
            assert "\n" not in str(err)
            return
    for item in items:
        checked(item)
    given_ = [ln for ln in b"\n".join(lines).split(b"\n") if ln.removeprefix(BOM).strip()]
    scored = sum(len(i.candidates) for i in items if isinstance(i, Event))
    refused = sum(1 for i in items if isinstance(i, BadEvent))
    assert scored + refused == len(given_)  # every candidate line is scored or has its row


@FUZZ
@given(event_id=st.text(ANY, min_size=1, max_size=30))
@example(event_id="0 ")  # white space at an end: refused, though printable
@example(event_id="\xad")  # a soft hyphen: a format character, refused
def test_any_unicode_id_is_one_nfc_id_or_one_line_error(event_id: str) -> None:
    nfd = unicodedata.normalize("NFD", event_id)
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "events.jsonl"
        line = {"event_id": event_id, "articles": [{"id": event_id, "text": "Kim denied."}]}
        sources.write_text(json.dumps(line) + "\n", encoding="utf-8")
        cands = Path(tmp) / "cands.jsonl"
        cand = {"id": f"{nfd} summary", "text": "Kim.", "event_id": nfd}
        cands.write_text(json.dumps(cand), encoding="utf-8")
        (Path(tmp) / "references").mkdir()
        cfg = DataConfig(sources=str(sources), candidates=str(cands))
        try:
            (event,) = iter_events(cfg)
        except InputError as err:
            assert "\n" not in str(err) and "\x00" not in str(err)
            assert refused_id(event_id)
            return
    assert not refused_id(event_id)
    assert event.event_id == unicodedata.normalize("NFC", event_id)
    assert [d.doc_id for d in event.sources] == [event.event_id]
    assert [d.doc_id for d in event.candidates] == [f"{event.event_id} summary"]  # NFD names it
    checked(event)


def test_deeply_nested_benchmark_line_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bench.jsonl"
    path.write_text('{"summary": "s", "label": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    with pytest.raises(InputError, match=r"bench\.jsonl line 1: JSON nested too deeply"):
        load_benchmark(path)


# ------------------------------------------------ a run accounts for every input it was given


def test_unmatched_candidates_are_rows_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "candidates" / "notes.md").write_text("Kim denied.", encoding="utf-8")
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.data.sources = str(tmp_path / "seeds")
    cfg.data.references = None
    cfg.report.html = cfg.report.plots = cfg.cache.enabled = False
    with pytest.raises(InputError, match=r"notes\.md: not a \.txt file"):
        evaluate(cfg, tmp_path / "stopped")
    assert not (tmp_path / "stopped").exists()
    cfg.data.unmatched = "report"
    evaluate(cfg, tmp_path / "run")
    rows = (tmp_path / "run" / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1].startswith("seeds,notes.md,NaN,")
    assert rows[-1].endswith("not scored: notes.md is not a .txt file")
    counts = json.loads((tmp_path / "run" / "run.json").read_text())["counts"]
    assert counts["candidates"] == {"read": 9, "scored": 8, "unscorable": 0, "refused": 1}
    assert counts["events"] == {"read": 1, "scored": 1, "unscorable": 0, "refused": 0}
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("scored 8 of 9 candidates (1 refused) over 1 of 1 events; tables in")


def test_a_candidate_naming_no_event_stops_before_any_model_loads(tmp_path: Path) -> None:
    sources = tmp_path / "events.jsonl"
    line = {"event_id": "e1", "articles": [{"id": "a", "text": "Kim Yo Jong denied it."}]}
    sources.write_text(json.dumps(line) + "\n", encoding="utf-8")
    cands = tmp_path / "cands.jsonl"
    cands.write_text(json.dumps({"id": "c", "text": "Kim.", "event_id": "nope"}) + "\n")
    cfg = Config()
    cfg.embedder.model = str(tmp_path / "no_model_here")  # loading it would fail otherwise
    cfg.data.sources, cfg.data.candidates = str(sources), str(cands)
    with pytest.raises(InputError, match=r"cands\.jsonl line 1: candidate 'c' names event 'nope'"):
        evaluate(cfg, tmp_path / "run")
    assert not (tmp_path / "run").exists()
