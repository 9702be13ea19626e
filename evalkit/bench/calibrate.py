"""The `calibrate` verb: fit the verifier's and the coverage matcher's decision parameters on
human labels and write them, with provenance, as a config file: into the run folder, and over
the calibration runs use (conf/calibration/<entail>.yaml) only when bench.calibration names it.

The labelled signals are collected by `labelled.py` and the models fitted by `fit.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.bench.fit import (
    COVERAGE_KEYS,
    VERIFIER_KEYS,
    fit_coverage,
    fit_verifier,
    section,
)
from evalkit.bench.labelled import (
    ClaimData,
    FactData,
    SummaryData,
    collect_coverage,
    collect_faith,
)
from evalkit.bench.load import load_benchmark
from evalkit.bench.tables import write_all
from evalkit.config import Config
from evalkit.errors import InputError
from evalkit.pipeline import Resources, Timings
from evalkit.provenance import git_commit, manifest
from evalkit.run_dir import check_run_dir
from evalkit.stages.load import bundled

CALIBRATIONS = bundled("conf") / "calibration"  # one file per entailment backend


def shipped(cfg: Config) -> Path:
    """The calibration runs read with this config's entailment backend."""
    return CALIBRATIONS / f"{cfg.entail.name}.yaml"


def bench_files(path: str | None) -> list[Path]:
    """A file, every *.jsonl in a folder, or a comma-separated list of files."""
    if not path:
        raise InputError(
            "bench.path: not set; pass a benchmark JSONL file, a folder of them or a quoted "
            "comma-separated list, e.g. python -m evalkit calibrate bench.path=bench/"
        )
    out: list[Path] = []
    for part in (p.strip() for p in path.split(",")):
        if not part:
            continue
        p = Path(part).expanduser()
        if p.is_dir():
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise InputError(f"bench.path: {p} holds no .jsonl files; pass benchmark files")
            out.extend(found)
        else:
            out.append(p)  # load_benchmark reports a missing file
    seen: dict[Path, Path] = {}
    for p in out:
        first = seen.setdefault(p.resolve(), p)
        if first is not p:
            raise InputError(
                f"bench.path: {p} is named twice (as {first} too), and would count twice in the "
                "fit; name each benchmark file once"
            )
    return out


def _check_target(path: Path, inputs: list[Path]) -> None:
    """Refuse a bench.calibration that is no place for a calibration: not a .yaml file, a
    folder, a device or other special file, a benchmark file being read, or under a folder
    that does not exist (it is written over only when it is a YAML file or absent)."""
    fix = "name a .yaml file, e.g. conf/calibration/none.yaml"
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(f"bench.calibration: {path} is not a .yaml file; {fix}")
    if path.exists() and not path.is_file():
        raise InputError(f"bench.calibration: {path} is not a regular file; {fix}")
    if any(path.resolve() == p.resolve() for p in inputs):
        raise InputError(f"bench.calibration: {path} is a benchmark file being read; {fix}")
    if not path.parent.is_dir():
        raise InputError(
            f"bench.calibration: {path.parent} is not a folder; create it or pass another path"
        )


def calibration_yaml(
    verifier: dict[str, float], coverage: dict[str, float], header: Sequence[str]
) -> str:
    """The config file: provenance as comments, then the fitted values."""
    lines = ["# @package _global_", *header, "verifier:"]
    lines += [f"  {k}: {v!r}" for k, v in verifier.items()]
    lines.append("coverage:")
    lines += [f"  {k}: {v!r}" for k, v in coverage.items()]
    return "\n".join(lines) + "\n"


def _file_line(path: str, sha256: str, what: str) -> str:
    return f"#   {path}  sha256 {sha256}  ({what})"


def run_calibrate(cfg: Config, run_dir: Path) -> None:
    """The `calibrate` verb: fit on every benchmark file named by bench.path and write the
    config into the run folder, and to bench.calibration when given: the shipped calibration
    every run reads changes only when asked."""
    from evalkit import __version__

    check_run_dir(run_dir, cfg.overwrite)
    started = time.perf_counter()
    inputs = bench_files(cfg.bench.path)
    benches = [load_benchmark(p) for p in inputs]  # errors before the model
    out_path = Path(cfg.bench.calibration).expanduser() if cfg.bench.calibration else None
    if out_path is not None:
        _check_target(out_path, inputs)
    timings = Timings()
    res = Resources.build(cfg, timings)
    faith = [b for b in benches if b.kind == "faithfulness"]
    cover = [b for b in benches if b.kind == "coverage"]
    claims: list[ClaimData] = []
    summaries: list[SummaryData] = []
    facts: list[FactData] = []
    with timings.stage("calibrate_measure"):
        for i, bench in enumerate(faith):
            more_claims, more_summaries = collect_faith(i, bench, cfg, res)
            claims += more_claims
            summaries += more_summaries
        for i, bench in enumerate(cover):
            facts += collect_coverage(i, bench, cfg, res)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    header = [
        f"# evalkit calibration, written by `python -m evalkit calibrate` on {now}",
        f"# evalkit {__version__}, git {git_commit()}, model {res.embedder.name} "
        f"(weights sha256 {res.embedder.fingerprint[:16]}…), entail={cfg.entail.name}"
        + (
            f" ({res.entailer.name}, sha256 {res.entailer.fingerprint[:16]}…)"
            if res.entailer
            else ""
        ),
        f"# signals measured with verifier.window={cfg.verifier.window}, "
        f"top_k={cfg.verifier.top_k}, max_words={cfg.verifier.max_words}, "
        f"contradiction_similarity={cfg.verifier.contradiction_similarity}, "
        f"contradiction_overlap={cfg.verifier.contradiction_overlap}",
    ]
    details: dict[str, Any] = {"written": now, "files": {}}
    values: dict[str, dict[str, float]] = {}
    # per section: its benchmark files, how many summaries each has, the fit, what it reports
    plan = (
        ("verifier", faith, lambda b: len(b.faith), "faithfulness",
         "summary level; threshold shared by the files", cfg.verifier, VERIFIER_KEYS,
         lambda names: fit_verifier(claims, summaries, names, cfg.verifier)),
        ("coverage", cover, lambda b: sum(len(d.summaries) for d in b.coverage), "coverage",
         "coverage = mean fact credit per summary, as `run` reports", cfg.coverage,
         COVERAGE_KEYS, lambda names: fit_coverage(facts, names, cfg.coverage)),
    )  # fmt: skip
    with timings.stage("calibrate_fit"):
        for name, files, count, kind, figures, current, keys, fit in plan:
            if not files:
                header.append(f"# {name}: not refitted (no {kind} file); values carried over")
                values[name] = section(current, keys)
                continue
            fitted = fit([Path(b.path).stem for b in files])
            header.append(f"# {name} fitted on:")
            header += [_file_line(b.path, b.sha256, f"{count(b)} summaries") for b in files]
            header.append(f"# dev figures ({figures}):")
            header += fitted.report
            values[name] = fitted.values
            details[name] = {"values": fitted.values, "dev": fitted.details}
    verifier_values, coverage_values = values["verifier"], values["coverage"]
    for b in benches:
        details["files"][b.path] = {"sha256": b.sha256, "kind": b.kind}
    text = calibration_yaml(verifier_values, coverage_values, header)
    timings.seconds["total"] = time.perf_counter() - started
    copy = run_dir / "calibration.yaml"
    extra = {"calibration": _plain(details), "written_to": str(out_path or copy)}
    write_all(
        run_dir,
        {
            "calibration.yaml": text,
            "calibration.json": json.dumps(_plain(details), indent=2, sort_keys=True),
            "run.json": json.dumps(manifest(cfg, res, timings, extra), indent=2, sort_keys=True),
        },
    )
    if out_path is not None:
        write_all(out_path.parent, {out_path.name: text})
        where = f"calibration written to {out_path} (copy and figures in {run_dir})"
    else:
        target = shipped(cfg)
        where = (
            f"calibration written to {copy} (figures beside it); runs still use {target}. "
            f"To apply it, copy it there (cp {copy} {target}) or calibrate with "
            f"bench.calibration={target}"
        )
    print(text)
    print(where)


def _plain(value: Any) -> Any:
    """JSON-safe copy: NaN becomes null, numpy numbers become Python numbers."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
