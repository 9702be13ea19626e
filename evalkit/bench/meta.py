"""The `meta` verb: evalkit's verdicts against human judgements, with baselines beside them.

A benchmark file is turned into events (`events.py`) and scored by the same pipeline as `run`,
with the calibrated parameters from the config; nothing is refitted on the file being scored.
Faithfulness files are scored in `faithfulness.py`, coverage files in `coverage.py`; the
agreement tables are written by `tables.py`.
"""

from __future__ import annotations

import json
import logging
import math
import time
from pathlib import Path

from evalkit.bench.coverage import FACTS, SUMMARIES, coverage_metrics, score_coverage
from evalkit.bench.faithfulness import CLAIMS, PREDICTIONS, faith_metrics, score_faithfulness
from evalkit.bench.load import Benchmark, load_benchmark
from evalkit.bench.tables import METRICS, json_metric, metrics_markdown, table_csv, write_all
from evalkit.config import Config
from evalkit.errors import InputError
from evalkit.pipeline import Resources, Timings
from evalkit.provenance import manifest
from evalkit.run_dir import check_run_dir

log = logging.getLogger("evalkit")


def load_bench_path(cfg: Config) -> Benchmark:
    """The benchmark named by bench.path, or a one-line error saying how to name one."""
    if not cfg.bench.path:
        raise InputError(
            "bench.path: not set; pass a benchmark JSONL file, e.g. "
            "python -m evalkit meta bench.path=bench/faithfulness_xsumfaith_dev.jsonl"
        )
    return load_benchmark(Path(cfg.bench.path).expanduser())


def run_meta(cfg: Config, run_dir: Path) -> None:
    """The `meta` verb: score a benchmark file and write predictions and agreement metrics."""
    check_run_dir(run_dir, cfg.overwrite)
    started = time.perf_counter()
    bench = load_bench_path(cfg)  # input errors surface before the model loads
    timings = Timings()
    res = Resources.build(cfg, timings)
    n_boot, seed = cfg.bench.bootstrap, cfg.bench.seed
    files: dict[str, str] = {}
    if bench.kind == "faithfulness":
        log.info("scoring %d summaries of %s", len(bench.faith), bench.path)
        with timings.stage("meta_score"):
            rows, claims = score_faithfulness(bench, cfg, res)
        with timings.stage("meta_metrics"):
            metrics = faith_metrics(rows, n_boot, seed)
        files[PREDICTIONS.file] = table_csv(PREDICTIONS, rows)
        files[CLAIMS.file] = table_csv(CLAIMS, claims)
        positive = sum(r.label for r in rows)
        header = [
            f"- file: `{bench.path}` (faithfulness, sha256 `{bench.sha256[:16]}…`)",
            f"- {len(rows)} summaries of {len({r.doc_id for r in rows})} documents; "
            f"{positive} faithful ({positive / len(rows):.1%}), {len(rows) - positive} not",
            "- evalkit: score = lowest claim support (held just below the threshold for a claim "
            "a rule ruled out: contradicted, or a name, number or date in no source); faithful "
            "when every claim is supported "
            f"(verifier.threshold = {cfg.verifier.threshold:.4g}, calibrated, not refitted)",
            f"- lexical: share of content words in the source >= "
            f"{cfg.verifier.lexical_threshold:.4g}; plain cosine: every claim's best sentence "
            f"cosine >= {cfg.verifier.cosine_threshold:.4g}; ROUGE: precision against the source",
        ]
        if positive in (0, len(rows)):
            one = f"every summary is labelled {'faithful' if positive else 'unfaithful'}"
            log.warning(
                "%s: %s, so ROC AUC and balanced accuracy (which need both) are NaN",
                bench.path,
                one,
            )
            header.append(f"- {one}: ROC AUC and balanced accuracy need both classes and are NaN")
        counts = {"summaries": len(rows), "claims": len(claims)}
    else:
        n_summaries = sum(len(d.summaries) for d in bench.coverage)
        log.info("scoring %d summaries of %s", n_summaries, bench.path)
        with timings.stage("meta_score"):
            facts, summaries = score_coverage(bench, cfg, res)
        with timings.stage("meta_metrics"):
            metrics = coverage_metrics(facts, summaries, n_boot, seed)
        if any(not math.isnan(f.label) for f in facts):
            files[FACTS.file] = table_csv(FACTS, facts)
        files[SUMMARIES.file] = table_csv(SUMMARIES, summaries)
        header = [
            f"- file: `{bench.path}` (coverage, sha256 `{bench.sha256[:16]}…`)",
            f"- {len(summaries)} summaries of {len(bench.coverage)} documents, "
            f"{len({s.system for s in summaries})} systems, {len(facts)} fact x summary pairs",
            "- evalkit: coverage = mean credit of the key facts (what `run` reports; a fact's "
            "credit is its calibrated match probability re-centred on the threshold, sharpness "
            f"{cfg.coverage.sharpness:.4g}); a fact is covered at probability >= "
            f"coverage.threshold = {cfg.coverage.threshold:.4g}",
            f"- lexical: fact covered when the recall of its content words >= "
            f"{cfg.coverage.lexical_threshold:.4g}; plain cosine: best sentence cosine >= "
            f"{cfg.coverage.cosine_threshold:.4g}; ROUGE: recall against the reference summary",
        ]
        counts = {"summaries": len(summaries), "fact_pairs": len(facts)}
    timings.seconds["total"] = time.perf_counter() - started
    files[METRICS.file] = table_csv(METRICS, metrics)
    files["metrics.md"] = metrics_markdown(metrics, header)
    info = {
        "benchmark": {"path": bench.path, "sha256": bench.sha256, "kind": bench.kind},
        "bootstrap": {"resamples": n_boot, "seed": seed, "unit": "document"},
        "metrics": [
            {"scope": m.scope, "method": m.method, **json_metric(m.metric)} for m in metrics
        ],
    }
    files["metrics.json"] = json.dumps(info, indent=2, sort_keys=True, allow_nan=True) + "\n"
    extra = {"counts": counts, "benchmark": info["benchmark"]}
    files["run.json"] = json.dumps(manifest(cfg, res, timings, extra), indent=2, sort_keys=True)
    write_all(run_dir, files)
    print(metrics_markdown(metrics, header))
    print(f"tables in {run_dir} ({timings.seconds['total']:.0f} s)")
