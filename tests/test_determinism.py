"""Byte-identical tables with the real model whatever the CPU's kernels, the event batching,
the cache's history, an interruption or the sharding (the hashed-embedder versions of these
runs are in test_scale.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evalkit.config import Config
from evalkit.embed import cosines
from evalkit.errors import InputError
from evalkit.merge import main as merge_main
from evalkit.run import evaluate

from .conftest import ROOT, config, made_corpus
from .test_scale import same_outputs, with_line


def _numpy_baseline() -> dict[str, str]:
    """numpy's vector loops above its baseline turned off: its exp, log and tanh round
    differently with AVX2 or AVX-512 than without."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    on = [f for f in __cpu_dispatch__ if __cpu_features__.get(f)]
    return {"NPY_DISABLE_CPU_FEATURES": ",".join(on)} if on else {}


# Kernels another x86-64 CPU would run, chosen on this one: torch's scalar (non-AVX) kernels,
# OpenBLAS's SSE3 ones and numpy's baseline loops, all safe on any x86-64.
OTHER_CPU = {"ATEN_CPU_CAPABILITY": "default", "OPENBLAS_CORETYPE": "Prescott", **_numpy_baseline()}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three small synthetic events. In ev000013 a claim is as close to a source sentence as
    to the window that repeats it, so the last bit of a cosine picks its evidence: with the
    model in float32, the kernels of OTHER_CPU changed that row of claims.csv."""
    folder = tmp_path_factory.mktemp("events")
    lines = made_corpus(folder / "all.jsonl", 14).read_text(encoding="utf-8").splitlines(True)
    out = folder / "events.jsonl"
    out.write_text("".join(lines[i] for i in (1, 5, 13)), encoding="utf-8")
    return out


def real(sources: Path, event_batch: int = 32, **top: object) -> Config:
    cfg = config(sources, **top)
    cfg.embedder.name, cfg.embedder.event_batch = "sentence_transformer", event_batch
    return cfg


@pytest.fixture(scope="module")
def single(events: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: one uninterrupted run, every event in one batch, no cache."""
    run_dir = tmp_path_factory.mktemp("single")
    evaluate(real(events), run_dir)
    return run_dir


UNIT_ROWS = """
import numpy as np
rng = np.random.default_rng(0)
a, b = (rng.standard_normal((n, 384)).astype(np.float32) for n in (37, 53))
a /= np.linalg.norm(a, axis=1, keepdims=True)
b /= np.linalg.norm(b, axis=1, keepdims=True)
"""


def test_cosines_are_the_same_with_other_kernels_and_shapes() -> None:
    """The same rows give the same cosines with another CPU's BLAS kernels, and inside a bigger
    product (float32 products differed here in 81 of these 1,961 cells with OTHER_CPU's
    kernels, and in hundreds inside a bigger product with two threads)."""
    scope: dict = {}
    exec(UNIT_ROWS, scope)
    a, b = scope["a"], scope["b"]
    here = cosines(a, b)
    assert here.dtype == np.float32 and here.shape == (37, 53)
    assert np.allclose(here, a @ b.T, atol=1e-6)
    assert np.array_equal(here, cosines(np.vstack([a, b]), np.vstack([b, a]))[:37, :53])
    show = "from evalkit.embed import cosines; print(cosines(a, b).tobytes().hex())"
    other = subprocess.run(
        [sys.executable, "-c", UNIT_ROWS + show],
        cwd=ROOT,
        env={**os.environ, **OTHER_CPU},
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == here.tobytes().hex()


def python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """This Python with `args`, run in the repository with `env` over this environment."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


STATISTICS = """
import numpy as np
from evalkit import metrics
from evalkit.bench.fit import _logistic
rng = np.random.default_rng(0)
out = []
for n in (7, 39, 975):
    a = rng.random(n)
    b = a * 0.3 + rng.random(n)
    docs, systems = rng.integers(0, 9, n), rng.integers(0, 5, n)
    out += [metrics.pearson(a, b), metrics.spearman(a, b), metrics.kendall_tau_b(a, b),
            metrics.mean_group_correlation(docs, a, b),
            metrics.mean_group_correlation(docs, a, b, ranked=True),
            metrics.system_correlation(systems, a, b, metrics.pearson)]
out += list(_logistic(rng.normal(size=(200, 6)), 0.3, list(rng.normal(size=6))))
print(" ".join(float(v).hex() for v in out))
"""


def test_agreement_statistics_are_the_same_with_another_cpus_kernels() -> None:
    """`meta`'s correlations and `calibrate`'s cross-validated probabilities, bit for bit. They
    summed products with BLAS (`np.dot`, `@`) and took numpy's vector exp: with OTHER_CPU's
    kernels Pearson moved in the last bit at 7 and 975 items, and the probabilities too."""
    here, other = (python(["-c", STATISTICS], env) for env in ({}, OTHER_CPU))
    assert here.returncode == 0, here.stderr
    assert other.returncode == 0, other.stderr
    assert len(here.stdout.split()) == 218 and here.stdout == other.stdout


ENTAIL = """
import json, sys
from evalkit.config import EntailConfig
from evalkit.entail import MiniLMEntailer, _run
pairs = [tuple(p) for p in json.load(open(sys.argv[1], encoding="utf-8"))]
model = MiniLMEntailer(EntailConfig(name="minilm"))
print(model.entail(pairs).tobytes().hex(), _run(model, pairs, model.fast).tobytes().hex())
"""


def test_the_shipped_cross_encoder_gives_the_same_probabilities_with_other_kernels(
    tmp_path: Path,
) -> None:
    """Its float32 probabilities differ with another CPU's kernels; checked and put on the grid
    (`entail.MiniLMEntailer.entail`) they are the same, byte for byte."""
    import json

    from .test_entail import seed_pairs

    asked = tmp_path / "pairs.json"
    asked.write_text(json.dumps(seed_pairs()), encoding="utf-8")
    found = {}
    for name, env in (("here", {}), ("other", OTHER_CPU)):
        done = python(["-c", ENTAIL, str(asked)], env)
        assert done.returncode == 0, done.stderr
        found[name] = done.stdout.split()
    assert found["here"][0] == found["other"][0]  # the probabilities
    import torch

    if torch.backends.cpu.get_cpu_capability() != "DEFAULT":  # vector kernels here
        assert found["here"][1] != found["other"][1]  # their float32 run


def test_other_cpu_kernels_and_their_cache_give_the_same_tables(
    events: Path, single: Path, tmp_path: Path
) -> None:
    """A run on another CPU with a cold cache and each event encoded alone, then a run here in
    batches of two reading what it cached (a cache shared by the nodes of a cluster): the
    tables of the run with no cache and every event in one batch, byte for byte."""
    cache = tmp_path / "cache"
    done = python(
        ["-m", "evalkit", "run", f"data.sources={events}"]
        + ["data.references=null", "report.html=false", "report.plots=false"]
        + ["embedder.event_batch=1", f"cache.dir={cache}", f"hydra.run.dir={tmp_path / 'cold'}"],
        OTHER_CPU,
    )
    assert done.returncode == 0, done.stderr
    assert same_outputs(single, tmp_path / "cold")
    warm = real(events, 2)
    warm.cache.enabled, warm.cache.dir = True, str(cache)
    evaluate(warm, tmp_path / "warm")
    assert same_outputs(single, tmp_path / "warm")


def test_interrupted_and_resumed_gives_the_single_run(
    events: Path, single: Path, tmp_path: Path
) -> None:
    """Stopped by a bad third line after the first batch of two, then resumed: the third event
    is scored in a batch of its own."""
    good = events.read_text(encoding="utf-8")
    broken = with_line(events, tmp_path, 2, "{broken", replace=True)
    with pytest.raises(InputError, match="line 3: not valid JSON"):
        evaluate(real(broken, 2), tmp_path / "run")
    broken.write_text(good, encoding="utf-8")
    evaluate(real(broken, 2, resume=True), tmp_path / "run")
    assert same_outputs(single, tmp_path / "run", header=False)  # another file, same events


def test_shards_merge_into_the_single_run(events: Path, single: Path, tmp_path: Path) -> None:
    for shard in range(2):
        evaluate(real(events, shard=shard, num_shards=2), tmp_path / str(shard))
    assert merge_main([str(tmp_path), "--out", str(tmp_path / "merged")]) == 0
    assert same_outputs(single, tmp_path / "merged")


def test_worker_processes_give_the_single_run(events: Path, single: Path, tmp_path: Path) -> None:
    """Two worker processes measure the events while the model runs here, for vectors,
    readings and the entailment model's pairs alike: the tables of one process, byte for
    byte."""
    apart = real(events)
    apart.embedder.workers = 2
    evaluate(apart, tmp_path / "apart")
    assert same_outputs(single, tmp_path / "apart")
    runs = {}
    for workers in (0, 2):
        cfg = real(events)
        cfg.entail.name, cfg.embedder.workers = "minilm", workers
        evaluate(cfg, tmp_path / f"entail{workers}")
        runs[workers] = tmp_path / f"entail{workers}"
    assert same_outputs(runs[0], runs[2])
    assert not same_outputs(single, runs[2])  # the model's probabilities are in the tables
