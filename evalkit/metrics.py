"""Meta-evaluation metrics: agreement of metric scores with human labels, with bootstrap CIs.

Pure, deterministic functions over sequences or numpy arrays; no file I/O. A metric that is
undefined on its input (one class absent, a constant side, too few items, NaN inputs) returns
``NaN``, never a made-up 0.0 or 1.0. Malformed input (length mismatch, labels other than 0/1)
is a programming error and raises ``ValueError``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
Correlation = Callable[[ArrayLike, ArrayLike], float]


@dataclass(frozen=True, slots=True)
class Metric:
    """A metric's point value with its bootstrap interval and the number of items behind it."""

    name: str
    value: float
    low: float
    high: float
    n: int


# --- input helpers ---------------------------------------------------------------------------


def _vector(values: ArrayLike, name: str) -> FloatArray:
    """A 1-D float array, or ValueError naming the argument."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    return arr


def _binary(values: ArrayLike, name: str) -> NDArray[np.bool_]:
    """A 1-D boolean array from 0/1 (or bool) values; anything else is a ValueError."""
    arr = _vector(values, name)
    bad = ~np.isin(arr, (0.0, 1.0))
    if bad.any():
        raise ValueError(f"{name} must be 0 or 1, got {arr[bad][0].item():g}")
    return arr == 1.0


def _same_length(a: NDArray[Any], b: NDArray[Any], names: str) -> None:
    """Paired inputs must have equal length."""
    if a.shape[0] != b.shape[0]:
        raise ValueError(f"{names} differ in length: {a.shape[0]} != {b.shape[0]}")


# --- classification --------------------------------------------------------------------------


def _scored_classes(
    labels: ArrayLike, scores: ArrayLike
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Validated boolean labels, float scores, and the counts of positives and negatives."""
    y = _binary(labels, "labels")
    s = _vector(scores, "scores")
    _same_length(y, s, "labels and scores")
    n_pos = int(y.sum())
    return y, s, n_pos, y.shape[0] - n_pos


def roc_auc(labels: ArrayLike, scores: ArrayLike) -> float:
    """ROC AUC of ``scores`` for ``labels`` == 1 (Mann-Whitney U; a tied pair counts 0.5).

    NaN when either class is absent or any score is NaN.
    """
    y, s, n_pos, n_neg = _scored_classes(labels, scores)
    if n_pos == 0 or n_neg == 0 or np.isnan(s).any():
        return math.nan
    from scipy import stats  # imported on use: half a second that `run` need not pay

    ranks = stats.rankdata(s)  # average ranks: ties contribute half a win
    u = float(ranks[y].sum()) - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


def _confusion(labels: ArrayLike, predicted: ArrayLike) -> tuple[int, int, int, int]:
    """(tp, fp, tn, fn) with positive class 1."""
    y = _binary(labels, "labels")
    p = _binary(predicted, "predicted")
    _same_length(y, p, "labels and predicted")
    tp = int(np.sum(y & p))
    fp = int(np.sum(~y & p))
    tn = int(np.sum(~y & ~p))
    fn = int(np.sum(y & ~p))
    return tp, fp, tn, fn


def accuracy(labels: ArrayLike, predicted: ArrayLike) -> float:
    """Share of items whose prediction equals the label; NaN on empty input."""
    tp, fp, tn, fn = _confusion(labels, predicted)
    total = tp + fp + tn + fn
    return (tp + tn) / total if total else math.nan


def balanced_accuracy(labels: ArrayLike, predicted: ArrayLike) -> float:
    """Mean of recall on class 1 and recall on class 0; NaN when either class is absent."""
    tp, fp, tn, fn = _confusion(labels, predicted)
    if tp + fn == 0 or tn + fp == 0:
        return math.nan
    return (tp / (tp + fn) + tn / (tn + fp)) / 2


def f1(labels: ArrayLike, predicted: ArrayLike) -> float:
    """F1 for class 1 (2TP / (2TP + FP + FN)); NaN when neither labels nor predictions are 1."""
    tp, fp, _, fn = _confusion(labels, predicted)
    denom = 2 * tp + fp + fn
    return 2 * tp / denom if denom else math.nan


def best_shared_threshold(
    files: np.ndarray, labels: np.ndarray, scores: np.ndarray, allowed: np.ndarray | None = None
) -> float:
    """Threshold t maximising the mean over files of the balanced accuracy of
    `allowed & score >= t` (allowed: items a hard check did not already mark negative).

    Candidates are the lowest score, the midpoints between consecutive distinct scores and a
    cut above the highest; ties go to the lowest. NaN scores are left out; NaN when none is left.
    """
    allowed = np.ones(len(scores), bool) if allowed is None else allowed
    values = np.unique(scores[~np.isnan(scores)])
    if len(values) == 0:
        return math.nan
    cuts = np.concatenate(([values[0]], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-9]))
    total = np.zeros(len(cuts))
    for f in np.unique(files):
        m = (files == f) & ~np.isnan(scores)
        s, y, ok = scores[m], labels[m] == 1, allowed[m]
        pos, neg = max(1, y.sum()), max(1, (~y).sum())
        pred = ok[None, :] & (s[None, :] >= cuts[:, None])
        total += ((pred & y).sum(1) / pos + (~pred & ~y).sum(1) / neg) / 2
    return float(cuts[int(np.argmax(total))])


# --- correlation -----------------------------------------------------------------------------


def _paired(x: ArrayLike, y: ArrayLike) -> tuple[FloatArray, FloatArray] | None:
    """Both sides as float arrays, or None when a correlation is undefined for them."""
    a = _vector(x, "x")
    b = _vector(y, "y")
    _same_length(a, b, "x and y")
    if a.shape[0] < 2 or np.isnan(a).any() or np.isnan(b).any():
        return None
    if np.all(a == a[0]) or np.all(b == b[0]):
        return None
    return a, b


def _pearson_arrays(a: FloatArray, b: FloatArray) -> float:
    """Pearson r of two validated, non-constant arrays, clipped to [-1, 1]. Products summed by
    numpy in one fixed order, not by BLAS (`np.dot`), whose kernels differ between CPUs in the
    last bit: the same figure on any x86-64 CPU."""
    da = a - a.mean()
    db = b - b.mean()
    r = float((da * db).sum() / math.sqrt(float((da * da).sum()) * float((db * db).sum())))
    return max(-1.0, min(1.0, r))


def pearson(x: ArrayLike, y: ArrayLike) -> float:
    """Pearson correlation; NaN with fewer than 2 items, a constant side or NaN inputs."""
    pair = _paired(x, y)
    return math.nan if pair is None else _pearson_arrays(*pair)


def spearman(x: ArrayLike, y: ArrayLike) -> float:
    """Spearman rank correlation (Pearson of average ranks); NaN as for ``pearson``."""
    pair = _paired(x, y)
    if pair is None:
        return math.nan
    from scipy import stats

    a, b = pair
    return _pearson_arrays(stats.rankdata(a), stats.rankdata(b))


def kendall_tau_b(x: ArrayLike, y: ArrayLike) -> float:
    """Kendall's tau-b (tie-corrected); NaN as for ``pearson``."""
    pair = _paired(x, y)
    if pair is None:
        return math.nan
    from scipy import stats

    return float(stats.kendalltau(pair[0], pair[1], variant="b").statistic)


def mean_group_correlation(
    groups: np.ndarray, x: np.ndarray, y: np.ndarray, ranked: bool = False
) -> float:
    """Mean over groups of the within-group Pearson (Spearman if `ranked`) correlation: the
    per-document correlation of the Pyramid literature, with documents as groups.

    Groups with fewer than 2 items or a constant side are skipped; NaN when none is left or
    any value is NaN. A few array passes for all groups at once: the bootstrap calls it
    thousands of times.
    """
    _, g = np.unique(groups, return_inverse=True)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(g) < 2 or np.isnan(x).any() or np.isnan(y).any():
        return math.nan
    count = np.bincount(g).astype(float)
    varies = (_group_spread(g, x) > 0) & (_group_spread(g, y) > 0) & (count >= 2)
    if ranked:
        x, y = _group_ranks(g, x), _group_ranks(g, y)
    dx = x - (np.bincount(g, x) / count)[g]
    dy = y - (np.bincount(g, y) / count)[g]
    sxy, sxx, syy = np.bincount(g, dx * dy), np.bincount(g, dx * dx), np.bincount(g, dy * dy)
    keep = varies & (sxx > 0) & (syy > 0)
    if not keep.any():
        return math.nan
    r = np.clip(sxy[keep] / np.sqrt(sxx[keep] * syy[keep]), -1.0, 1.0)
    return float(r.mean())


def _group_spread(g: np.ndarray, v: np.ndarray) -> np.ndarray:
    """max - min of v within each group."""
    n = int(g.max()) + 1
    high = np.full(n, -np.inf)
    low = np.full(n, np.inf)
    np.maximum.at(high, g, v)
    np.minimum.at(low, g, v)
    return high - low


def _group_ranks(g: np.ndarray, v: np.ndarray) -> np.ndarray:
    """1-based ranks of v within each group, ties sharing their average rank."""
    order = np.lexsort((v, g))
    gs, vs = g[order], v[order]
    pos = np.arange(len(v), dtype=float)
    new_run = np.ones(len(v), bool)
    new_run[1:] = (gs[1:] != gs[:-1]) | (vs[1:] != vs[:-1])
    run = np.cumsum(new_run) - 1
    run_mean = np.bincount(run, pos) / np.bincount(run)
    new_group = np.ones(len(v), bool)
    new_group[1:] = gs[1:] != gs[:-1]
    start = np.maximum.accumulate(np.where(new_group, pos, 0.0))
    ranks = np.empty(len(v))
    ranks[order] = run_mean[run] - start + 1
    return ranks


def system_correlation(systems: ArrayLike, x: ArrayLike, y: ArrayLike, fn: Correlation) -> float:
    """``fn`` between the per-system means of x and y (system-level agreement).

    NaN with fewer than 2 systems.
    """
    names, inverse = np.unique(systems, return_inverse=True)
    if len(names) < 2:
        return math.nan
    counts = np.bincount(inverse)
    return fn(np.bincount(inverse, x) / counts, np.bincount(inverse, y) / counts)


# --- bootstrap -------------------------------------------------------------------------------


def bootstrap_ci(
    fn: Callable[..., float],
    *arrays: ArrayLike,
    n: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
    groups: ArrayLike | None = None,
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``fn(*arrays)`` from ``n`` seeded resamples.

    Items are resampled with replacement, or whole groups (e.g. documents) when ``groups`` is
    given, so items of one group stay together. With groups, every drawn group gets a fresh id
    and any argument in ``arrays`` that *is* the ``groups`` object is replaced by those ids, so a
    per-group statistic counts a group drawn twice as two groups. Resamples where ``fn`` returns
    NaN are skipped; (NaN, NaN) when all are.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if not arrays:
        raise ValueError("bootstrap_ci needs at least one array")
    data = [np.asarray(arr) for arr in arrays]
    size = data[0].shape[0]
    for i, arr in enumerate(data):
        if arr.ndim == 0 or arr.shape[0] != size:
            raise ValueError(f"arrays[{i}] has length {len(arr) if arr.ndim else 0}, not {size}")
    rng = np.random.default_rng(seed)
    values: list[float] = []
    if groups is None:
        if size == 0:
            return math.nan, math.nan
        for _ in range(n):
            picks = rng.integers(0, size, size)
            _keep(values, fn(*(arr[picks] for arr in data)))
    else:
        g = np.asarray(groups)
        if g.ndim != 1 or g.shape[0] != size:
            raise ValueError(f"groups must be one-dimensional with length {size}")
        is_groups = [arr is groups for arr in arrays]
        _, inverse = np.unique(g, return_inverse=True)
        members = [np.flatnonzero(inverse == k) for k in range(int(inverse.max(initial=-1)) + 1)]
        if not members:
            return math.nan, math.nan
        for _ in range(n):
            drawn = rng.integers(0, len(members), len(members))
            idx = np.concatenate([members[k] for k in drawn.tolist()])
            fresh = np.repeat(np.arange(len(drawn)), [members[k].shape[0] for k in drawn.tolist()])
            args = [fresh if swap else arr[idx] for arr, swap in zip(data, is_groups, strict=True)]
            _keep(values, fn(*args))
    if not values:
        return math.nan, math.nan
    low, high = np.quantile(np.asarray(values), [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def _keep(values: list[float], value: float) -> None:
    """Append a resample's statistic unless it is NaN (undefined on that resample)."""
    v = float(value)
    if not math.isnan(v):
        values.append(v)


def estimate(
    name: str,
    fn: Callable[..., float],
    *arrays: ArrayLike,
    n_boot: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
    groups: ArrayLike | None = None,
) -> Metric:
    """``fn(*arrays)`` with its bootstrap interval, as a ``Metric`` (n = number of items)."""
    value = float(fn(*arrays))
    low, high = bootstrap_ci(fn, *arrays, n=n_boot, seed=seed, alpha=alpha, groups=groups)
    size = int(np.asarray(arrays[0]).shape[0]) if arrays else 0
    return Metric(name=name, value=value, low=low, high=high, n=size)


# --- comparing systems -----------------------------------------------------------------------


def sign_flip_p(differences: ArrayLike, n: int = 1000, seed: int = 0) -> float:
    """Two-sided p-value of a paired sign-flip permutation test that the mean of the paired
    ``differences`` (one per event) is 0.

    Under the null each difference is as likely positive as negative, so the observed mean is
    compared with the means of the differences under random signs: every one of the 2^k sign
    patterns when there are at most ``n`` of them (exact), else ``n`` seeded draws, counted with
    the observed pattern (p = (1 + hits) / (n + 1), never 0). A pattern hits when its absolute
    mean reaches the observed one (with a tolerance for rounding). NaN without differences.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    d = _vector(differences, "differences")
    k = d.shape[0]
    if k == 0 or np.isnan(d).any():
        return math.nan
    observed = abs(float(d.mean())) - 1e-9
    if k < 31 and 2**k <= n:  # small: every pattern once
        codes = np.arange(2**k, dtype=np.int64)[:, None] >> np.arange(k, dtype=np.int64)
        signs = 1.0 - 2.0 * (codes & 1)
        return float(np.mean(np.abs(signs @ d) / k >= observed))
    rng = np.random.default_rng(seed)
    hits = 0
    chunk = max(1, 1_000_000 // k)  # bounded memory on long runs
    for start in range(0, n, chunk):
        signs = rng.choice((-1.0, 1.0), size=(min(chunk, n - start), k))
        hits += int(np.sum(np.abs(signs @ d) / k >= observed))
    return (1 + hits) / (n + 1)


def holm(p_values: ArrayLike) -> FloatArray:
    """Holm's step-down adjustment of a family of p-values, in their order; NaN stays NaN and
    is not counted in the family. Rejecting where the adjusted p is at most alpha keeps the
    chance of any false rejection at most alpha."""
    p = _vector(p_values, "p_values")
    out = np.full(p.shape, math.nan)
    known = np.flatnonzero(~np.isnan(p))
    order = known[np.argsort(p[known], kind="stable")]
    m = order.shape[0]
    running = 0.0
    for i, idx in enumerate(order.tolist()):
        running = max(running, min(1.0, (m - i) * float(p[idx])))
        out[idx] = running
    return out


__all__ = [
    "Metric",
    "accuracy",
    "balanced_accuracy",
    "best_shared_threshold",
    "bootstrap_ci",
    "estimate",
    "f1",
    "holm",
    "kendall_tau_b",
    "pearson",
    "mean_group_correlation",
    "roc_auc",
    "sign_flip_p",
    "spearman",
    "system_correlation",
]
