"""Metric tables of the `meta` verb: agreement metrics per scope and method, as CSV, Markdown
and JSON, and the one writer that puts a verb's files into its run folder."""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from evalkit.columns import Column, Table, attributes
from evalkit.metrics import Metric, estimate

R = TypeVar("R")
EVALKIT = "evalkit"  # the method name of evalkit's own verdicts in every table


@dataclass(frozen=True, slots=True)
class ScopedMetric:
    """A metric of one method over one scope (all items, or one `dataset` value)."""

    scope: str
    method: str
    metric: Metric


def scoped_rows(rows: Sequence[Any], key: Callable[[Any], str]) -> Iterator[tuple[str, list[Any]]]:
    """("all", every row), then one scope per `dataset` value when there are several."""
    yield "all", list(rows)
    values = sorted({key(r) for r in rows})
    if len(values) > 1:
        for value in values:
            yield value, [r for r in rows if key(r) == value]


def scoped_estimate(
    scope: str,
    method: str,
    name: str,
    fn: Callable[..., float],
    arrays: tuple[np.ndarray, ...],
    groups: np.ndarray,
    n_boot: int,
    seed: int,
) -> ScopedMetric:
    """The metric with a bootstrap interval over documents (a document's items move together)."""
    if len(groups) == 0:
        return ScopedMetric(scope, method, Metric(name, math.nan, math.nan, math.nan, 0))
    # A per-document statistic passes `groups` itself as an argument: the bootstrap then gives
    # a document drawn twice two fresh ids, so it counts as two documents.
    metric = estimate(name, fn, *arrays, n_boot=n_boot, seed=seed, groups=groups)
    return ScopedMetric(scope, method, metric)


METRIC_TITLES = {
    "roc_auc": "ROC AUC",
    "balanced_accuracy": "balanced accuracy",
    "fact_accuracy": "fact accuracy",
    "fact_balanced_accuracy": "fact bal. acc.",
    "fact_f1": "fact F1",
    "summary_pearson": "summary Pearson",
    "summary_spearman": "summary Spearman",
    "summary_pearson_per_doc": "per-doc Pearson",
    "summary_spearman_per_doc": "per-doc Spearman",
    "system_pearson": "system Pearson",
    "system_kendall_tau": "system Kendall tau",
}
METHOD_TITLES = {
    "evalkit": "**evalkit**",
    "evalkit_hard": "evalkit, 0/1 verdicts",
    "lexical": "lexical overlap",
    "cosine": "plain cosine",
    "rouge1": "ROUGE-1",
    "rouge2": "ROUGE-2",
    "rougeL": "ROUGE-L",
}


# metrics.csv, the tidy table: one row per scope x method x metric.
METRICS: Table[ScopedMetric] = Table(
    "metrics.csv",
    (
        *attributes("scope", "method"),
        Column("metric", attrgetter("metric.name")),
        Column("value", attrgetter("metric.value")),
        Column("low", attrgetter("metric.low")),
        Column("high", attrgetter("metric.high")),
        Column("n", attrgetter("metric.n")),
    ),
)


def metrics_markdown(metrics: Sequence[ScopedMetric], header: Sequence[str]) -> str:
    """One table per scope: methods as rows, metrics as columns, value [95% interval]."""
    lines = ["# evalkit meta-evaluation", "", *header, ""]
    scopes = list(dict.fromkeys(m.scope for m in metrics))
    for scope in scopes:
        here = [m for m in metrics if m.scope == scope]
        names = list(dict.fromkeys(m.metric.name for m in here))
        methods = list(dict.fromkeys(m.method for m in here))
        cell = {(m.method, m.metric.name): m.metric for m in here}
        sizes = sorted({m.metric.n for m in here}, reverse=True)
        lines += [f"## {scope} (n = {' / '.join(str(n) for n in sizes)})", ""]
        lines.append("| method | " + " | ".join(METRIC_TITLES.get(x, x) for x in names) + " |")
        lines.append("|---|" + "---:|" * len(names))
        for method in methods:
            cells = []
            for name in names:
                x = cell.get((method, name))
                cells.append("" if x is None else _interval(x))
            lines.append(f"| {METHOD_TITLES.get(method, method)} | " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(
        "Intervals: 95% percentile bootstrap over documents (seeded). System-level intervals "
        "run low: resampling documents adds noise to every system's mean."
    )
    return "\n".join(lines) + "\n"


def _interval(m: Metric) -> str:
    if math.isnan(m.value):
        return "NaN"
    if math.isnan(m.low):
        return f"{m.value:.3f}"
    return f"{m.value:.3f} [{m.low:.3f}, {m.high:.3f}]"


def table_csv(table: Table[R], records: Iterable[R]) -> str:
    """A CSV table: the header, then each record's cells as `run`'s tables write them."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.names)
    writer.writerows(table.cells(r) for r in records)
    return buf.getvalue()


def write_all(run_dir: Path, files: dict[str, str]) -> None:
    """Write every file under a temporary name, then rename them all into place."""
    run_dir.mkdir(parents=True, exist_ok=True)
    try:
        for name, text in files.items():
            (run_dir / f".{name}.tmp").write_text(text, encoding="utf-8")
        for name in files:
            os.replace(run_dir / f".{name}.tmp", run_dir / name)
    finally:
        for name in files:
            (run_dir / f".{name}.tmp").unlink(missing_ok=True)


def json_metric(m: Metric) -> dict[str, Any]:
    """A metric as JSON fields; NaN becomes null so every JSON reader accepts the file."""
    return {
        "metric": m.name,
        "value": None if math.isnan(m.value) else m.value,
        "low": None if math.isnan(m.low) else m.low,
        "high": None if math.isnan(m.high) else m.high,
        "n": m.n,
    }
