"""Systems across events: candidates sharing an id in two or more events are one system; each
gets its means with 95% bootstrap intervals over events, every pair a paired test, Holm-corrected,
and the ranking groups the systems it cannot tell apart (docs/comparing-systems.md).

Pure: it reads the cells of summary.csv and sources.csv as written (numbers at the tables'
precision), so a run, a merge of its shards and the Python API get the same bytes; the
statistics themselves are in `evalkit.metrics`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from evalkit.columns import SOURCES, SUMMARY, unfmt
from evalkit.config import SystemsConfig
from evalkit.metrics import Metric, estimate, holm, sign_flip_p

# summary.csv's columns averaged per system, in the order systems.csv shows them.
STATS = ("score", "coverage", "support_rate", "unsupported", "contradicted", "misstated")


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system: where it was scored, and each statistic's mean with its 95% interval."""

    rank: int | None  # by mean score; None when it was scored on no event
    system: str
    group: int | None  # rank group (see `rank_groups`)
    events: int  # events with a score for it
    missing: int  # events of the run without a candidate of it
    unscorable: int  # events where its candidate has a NaN score
    score: Metric
    coverage: Metric
    support_rate: Metric
    unsupported: Metric
    contradicted: Metric
    misstated: Metric


@dataclass(frozen=True, slots=True)
class PairResult:
    """Two systems compared on the events both were scored on (system_a ranked higher)."""

    system_a: str
    system_b: str
    events: int
    difference: Metric  # mean of a's score minus b's, with its 95% interval
    p_value: float  # paired sign-flip permutation test
    p_holm: float
    significant: bool


@dataclass(frozen=True, slots=True)
class Systems:
    """The systems of a run, ranked, with every pair, and what is not a system."""

    systems: tuple[SystemResult, ...]
    pairs: tuple[PairResult, ...]
    events: int  # events of the run (every event named in summary.csv)
    single: tuple[str, ...]  # candidate ids found in one event only: not systems
    config: SystemsConfig


def systems_tables(
    summary: Sequence[Sequence[str]], sources: Sequence[Sequence[str]], cfg: SystemsConfig
) -> Systems | None:
    """The systems of a run from its summary.csv and sources.csv rows (cells as written, no
    header); None when no candidate id occurs in two events. Source articles scored as
    candidates are not systems, and a row of a refused event line or candidate (its counts
    NaN) names no event."""
    col = {name: i for i, name in enumerate(SUMMARY.names)}
    src = {name: i for i, name in enumerate(SOURCES.names)}
    articles = {
        (r[src["event"]], r[src["source"]]) for r in sources if r[src["is_candidate"]] == "1"
    }
    events: dict[str, int] = {}  # every event, by first appearance: the order of the pairs
    rows: dict[str, dict[str, Sequence[str]]] = {}  # system -> event -> its row
    for row in summary:
        if math.isnan(unfmt(row[col["claims"]])):
            continue  # a refused line or candidate (`report.skipped_row`): no event of the run
        event, name = row[col["event"]], row[col["candidate"]]
        events.setdefault(event, len(events))
        if name and (event, name) not in articles:
            rows.setdefault(name, {}).setdefault(event, row)  # ids are unique within an event
    single = tuple(sorted(n for n, by_event in rows.items() if len(by_event) < 2))
    names = sorted(n for n, by_event in rows.items() if len(by_event) >= 2)
    if not names:
        return None
    # scores[s, e]: system s's score in event e, NaN where it has none
    table = {
        stat: np.array(
            [
                [unfmt(rows[n][e][col[stat]]) if e in rows[n] else math.nan for e in events]
                for n in names
            ]
        )
        for stat in STATS
    }
    scored = ~np.isnan(table["score"])
    means = [
        {stat: _estimate(stat, table[stat][s][scored[s]], cfg) for stat in STATS}
        for s in range(len(names))
    ]
    # best first; a system scored nowhere last; ties by name
    order = sorted(
        range(len(names)),
        key=lambda s: (-means[s]["score"].value if scored[s].any() else math.inf, names[s]),
    )
    pairs = _pairs([names[s] for s in order], table["score"][order], cfg)
    groups = rank_groups([names[s] for s in order if scored[s].any()], pairs)
    results = tuple(
        SystemResult(
            rank=place + 1 if scored[s].any() else None,
            system=names[s],
            group=groups.get(names[s]),
            events=int(scored[s].sum()),
            missing=len(events) - len(rows[names[s]]),
            unscorable=len(rows[names[s]]) - int(scored[s].sum()),
            **means[s],
        )
        for place, s in enumerate(order)
    )
    return Systems(results, tuple(pairs), len(events), single, cfg)


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if values.size else math.nan


def _estimate(name: str, values: np.ndarray, cfg: SystemsConfig) -> Metric:
    """The mean of a statistic's known values with its 95% interval over events."""
    known = values[~np.isnan(values)]
    return estimate(name, _mean, known, n_boot=cfg.bootstrap, seed=cfg.seed)


def _pairs(names: list[str], scores: np.ndarray, cfg: SystemsConfig) -> list[PairResult]:
    """Every pair in ranking order, compared on the events both were scored on; each test is
    seeded alike, so a pair's numbers do not depend on the other systems of the run."""
    found = []
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            both = ~np.isnan(scores[a]) & ~np.isnan(scores[b])
            diff = scores[a][both] - scores[b][both]
            found.append(
                (
                    names[a],
                    names[b],
                    estimate("difference", _mean, diff, n_boot=cfg.bootstrap, seed=cfg.seed),
                    sign_flip_p(diff, cfg.bootstrap, cfg.seed),
                )
            )
    adjusted = holm([p for *_, p in found]).tolist()
    return [
        # NaN: not significant; nor is a difference too small to matter, however consistent
        PairResult(
            a, b, diff.n, diff, p, adj, bool(adj <= cfg.alpha and abs(diff.value) >= cfg.margin)
        )
        for (a, b, diff, p), adj in zip(found, adjusted, strict=True)
    ]


def rank_groups(ranked: Sequence[str], pairs: Sequence[PairResult]) -> dict[str, int]:
    """Rank groups, 1 = best: going down the ranking, a system joins the current group unless
    it is significantly worse than the group's first system; then it starts the next group."""
    significant = {(p.system_a, p.system_b) for p in pairs if p.significant}
    groups: dict[str, int] = {}
    top, group = "", 0
    for name in ranked:
        if not group or (top, name) in significant:
            top, group = name, group + 1
        groups[name] = group
    return groups
