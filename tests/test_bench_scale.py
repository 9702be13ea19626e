"""benchmarks/bench_scale.py end to end on a tiny corpus (hashed embedder: no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_bench_scale_runs_cold_then_warm_and_the_warm_run_encodes_nothing(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "bench_scale.py"
    argv = [sys.executable, str(script), "3", "--embedder", "hashed", "--entail", "none"]
    argv += ["--no-floor", "--work", str(tmp_path)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stderr.strip().splitlines()[-1])
    assert row["events"] == 3 and row["claims"] > 0
    assert row["encoded"] > 0 and row["warm_encoded"] == 0
    assert "events/s" in done.stdout and "warm/cold" in done.stdout
    assert "make_corpus: wrote 3 events" in done.stdout  # which corpus it timed


def test_bench_scale_times_the_entailment_model_against_the_same_run_without_it(
    tmp_path: Path,
) -> None:
    script = ROOT / "benchmarks" / "bench_scale.py"
    argv = [sys.executable, str(script), "2", "--embedder", "hashed", "--entail", "minilm"]
    argv += ["--backend", "onnx-int8", "--no-floor", "--without-entail", "--work", str(tmp_path)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stderr.strip().splitlines()[-1])
    assert row["pairs"] > 0 and row["plain_s"] > 0 and row["timings"]["entail"] > 0
    manifest = json.loads((tmp_path / "plain-none2" / "run.json").read_text())
    assert manifest["entail"] is None  # the comparison run had no entailment model
    cold = json.loads((tmp_path / "cold2" / "run.json").read_text())
    assert cold["entail"]["variant"].endswith("-f32-int8")  # the int8 cross-encoder ran
    assert "cold with entailment / without" in done.stdout and "pairs/s" in done.stdout
