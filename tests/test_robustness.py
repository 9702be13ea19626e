"""Nothing lost, nothing half-written, same bytes twice; fuzzing the text stages."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit.config import CleanConfig, Config, VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.pipeline import Resources, run_event
from evalkit.records import Claim, Document
from evalkit.report import MARKER, TABLES, RunWriter
from evalkit.stages.align import document_evidence, judge_claims, measure_claims
from evalkit.stages.clean import clean_documents
from evalkit.stages.load import iter_events, normalise
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
