"""Tests for meta-evaluation metrics: hand-computed cases, NaN rules and property checks."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray
from scipy import stats
from sklearn.metrics import roc_auc_score

from evalkit.metrics import (
    Metric,
    accuracy,
    balanced_accuracy,
    best_shared_threshold,
    bootstrap_ci,
    estimate,
    f1,
    kendall_tau_b,
    mean_group_correlation,
    pearson,
    roc_auc,
    spearman,
    system_correlation,
)

# --- ROC AUC -----------------------------------------------------------------------------------


def test_roc_auc_by_hand() -> None:
    # Positives 0.9, 0.4; negatives 0.8, 0.1. Pairs (pos > neg): 0.9>0.8 yes, 0.9>0.1 yes,
    # 0.4>0.8 no, 0.4>0.1 yes -> 3 of 4 pairs = 0.75.
    assert roc_auc([1, 0, 1, 0], [0.9, 0.8, 0.4, 0.1]) == pytest.approx(0.75)


def test_roc_auc_ties_count_half() -> None:
    # Positives 0.5, 0.9; negatives 0.5, 0.1. Pairs: (0.5,0.5) tie = 0.5, (0.5,0.1) = 1,
    # (0.9,0.5) = 1, (0.9,0.1) = 1 -> 3.5 / 4 = 0.875.
    assert roc_auc([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]) == pytest.approx(0.875)
    assert roc_auc([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3]) == pytest.approx(0.5)


def test_roc_auc_extremes_and_bool_labels() -> None:
    assert roc_auc([0, 0, 1, 1], [1, 2, 3, 4]) == 1.0
    assert roc_auc([True, True, False, False], [1, 2, 3, 4]) == 0.0


def test_roc_auc_nan_when_a_class_is_absent_or_score_nan() -> None:
    assert math.isnan(roc_auc([1, 1, 1], [0.1, 0.2, 0.3]))
    assert math.isnan(roc_auc([0, 0], [0.1, 0.2]))
    assert math.isnan(roc_auc([], []))
    assert math.isnan(roc_auc([1, 0], [0.1, float("nan")]))


def test_roc_auc_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="labels must be 0 or 1, got 2"):
        roc_auc([0, 2], [0.1, 0.2])
    with pytest.raises(ValueError, match="differ in length: 2 != 3"):
        roc_auc([0, 1], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="one-dimensional"):
        roc_auc([[0, 1]], [[0.1, 0.2]])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 1), st.integers(-5, 5)),  # small ints force many ties
        min_size=2,
        max_size=40,
    )
)
def test_roc_auc_matches_sklearn(pairs: list[tuple[int, int]]) -> None:
    labels = [label for label, _ in pairs]
    scores = [score / 2 for _, score in pairs]
    if len(set(labels)) < 2:
        assert math.isnan(roc_auc(labels, scores))
    else:
        assert roc_auc(labels, scores) == pytest.approx(roc_auc_score(labels, scores))


# --- classification from predictions -----------------------------------------------------------


def test_confusion_metrics_by_hand() -> None:
    labels = [1, 1, 1, 0]
    predicted = [1, 0, 1, 0]
    # TP=2, FN=1, TN=1, FP=0.
    assert accuracy(labels, predicted) == pytest.approx(3 / 4)
    assert balanced_accuracy(labels, predicted) == pytest.approx((2 / 3 + 1 / 1) / 2)  # 5/6
    assert f1(labels, predicted) == pytest.approx(2 * 2 / (2 * 2 + 0 + 1))  # 0.8


def test_balanced_accuracy_ignores_class_balance() -> None:
    # 9 negatives, 1 positive; predicting all 0 is 90 % accurate but only 0.5 balanced.
    labels = [0] * 9 + [1]
    assert accuracy(labels, [0] * 10) == pytest.approx(0.9)
    assert balanced_accuracy(labels, [0] * 10) == pytest.approx(0.5)


def test_undefined_classification_metrics_are_nan() -> None:
    assert math.isnan(balanced_accuracy([1, 1], [1, 0]))  # no negatives
    assert math.isnan(f1([0, 0], [0, 0]))  # no positives anywhere
    assert f1([0, 0], [1, 0]) == 0.0  # a false positive is a real 0, not undefined
    assert math.isnan(accuracy([], []))


def test_predictions_must_be_binary() -> None:
    with pytest.raises(ValueError, match="predicted must be 0 or 1, got 0.7"):
        accuracy([0, 1], [0, 0.7])


# --- best threshold ----------------------------------------------------------------------------


def _one_file(labels: list[int], scores: list[float]) -> float:
    """best_shared_threshold over a single file: plain balanced accuracy of score >= t."""
    return best_shared_threshold(
        np.zeros(len(labels), int), np.array(labels), np.array(scores, dtype=float)
    )


def test_best_threshold_by_hand_with_tie() -> None:
    labels = [0, 0, 1, 1]
    scores = [0.1, 0.4, 0.35, 0.8]
    # Distinct scores 0.1 < 0.35 < 0.4 < 0.8. Balanced accuracy of "score >= t":
    #   t=0.1   all 1                      -> (1 + 0) / 2     = 0.5
    #   t=0.225 {0.35, 0.4, 0.8} are 1     -> (2/2 + 1/2) / 2 = 0.75
    #   t=0.375 {0.4, 0.8} are 1           -> (1/2 + 1/2) / 2 = 0.5
    #   t=0.6   {0.8} is 1                 -> (1/2 + 2/2) / 2 = 0.75
    #   above 0.8, all 0                   -> (0 + 1) / 2     = 0.5
    # Tie between 0.225 and 0.6: the lowest threshold wins.
    t = _one_file(labels, scores)
    assert t == pytest.approx(0.225)
    predicted = [int(s >= t) for s in scores]
    assert balanced_accuracy(labels, predicted) == pytest.approx(0.75)


def test_best_threshold_separable() -> None:
    assert _one_file([0, 0, 1, 1], [0.2, 0.3, 0.7, 0.9]) == pytest.approx(0.5)
    # Higher scores for the negatives: nothing beats predicting all 1 or all 0; all 1 is lower.
    assert _one_file([1, 1, 0, 0], [0.2, 0.3, 0.7, 0.9]) == pytest.approx(0.2)


def test_best_threshold_ties_in_scores() -> None:
    # Tied scores must get one prediction: the threshold never splits them.
    labels = [0, 1, 0, 1, 1]
    scores = [0.2, 0.5, 0.5, 0.5, 0.9]
    # >= 0.35 -> (3/3 + 1/2)/2 = 0.75 beats >= 0.7 -> (1/3 + 2/2)/2 = 0.667 and all-1 (0.5).
    assert _one_file(labels, scores) == pytest.approx(0.35)


def test_best_threshold_leaves_nan_scores_out() -> None:
    # The NaN item counts for no cut; without it 0.5 separates the rest.
    assert _one_file([0, 1, 1, 0], [0.2, float("nan"), 0.8, 0.3]) == pytest.approx(0.55)
    assert math.isnan(_one_file([0, 1], [float("nan"), float("nan")]))


def test_shared_threshold_by_hand() -> None:
    # File 0: positives 0.9, 0.6; negatives 0.5, 0.2. File 1: positive 0.4; negative 0.3.
    files = np.array([0, 0, 0, 0, 1, 1])
    labels = np.array([1, 1, 0, 0, 1, 0])
    scores = np.array([0.9, 0.6, 0.5, 0.2, 0.4, 0.3])
    # t = 0.35 (midway between 0.3 and 0.4) separates both files; 0.55 would miss file 1.
    assert best_shared_threshold(files, labels, scores) == pytest.approx(0.35)
    # A hard check that marks item 0 negative whatever its score costs it its recall.
    allowed = np.array([False, True, True, True, True, True])
    assert best_shared_threshold(files, labels, scores, allowed) == pytest.approx(0.35)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 8)), min_size=2, max_size=30))
def test_best_threshold_is_optimal_and_deterministic(pairs: list[tuple[int, int]]) -> None:
    labels = [label for label, _ in pairs]
    scores = np.array([score / 4 for _, score in pairs])
    if len(set(labels)) < 2:
        return  # balanced accuracy needs both classes
    t = _one_file(labels, scores.tolist())
    achieved = balanced_accuracy(labels, (scores >= t).astype(int))
    # Brute force over every distinct score as a cut, plus "everything 0".
    cuts = [*np.unique(scores).tolist(), math.inf]
    best = max(balanced_accuracy(labels, (scores >= c).astype(int)) for c in cuts)
    assert achieved == pytest.approx(best)
    assert _one_file(labels, scores.tolist()) == t


# --- correlations ------------------------------------------------------------------------------


def test_pearson_by_hand() -> None:
    # x = [1,2,3], y = [2,4,7]: dx = [-1,0,1], dy = [-7/3,-1/3,8/3];
    # sum dx*dy = 5, sum dx^2 = 2, sum dy^2 = 114/9 -> r = 5 / sqrt(2 * 114 / 9) = 15/sqrt(228).
    assert pearson([1, 2, 3], [2, 4, 7]) == pytest.approx(15 / math.sqrt(228))
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_spearman_by_hand() -> None:
    assert spearman([1, 2, 3], [2, 4, 7]) == pytest.approx(1.0)  # monotone
    # Ranks x = [1,2,3,4], y = [1,3,2,4]: d = [0,-1,1,0], 1 - 6*2/(4*15) = 0.8.
    assert spearman([10, 20, 30, 40], [1, 3, 2, 4]) == pytest.approx(0.8)


def test_kendall_tau_b_by_hand() -> None:
    # x = [1,2,3,4], y = [1,3,2,4]: of 6 pairs only (2nd, 3rd) is discordant -> (5-1)/6 = 2/3.
    assert kendall_tau_b([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(2 / 3)
    # With ties, x = [1,2,2,3], y = [1,2,3,3]: concordant 4, discordant 0, one pair tied in x
    # only, one tied in y only -> tau_b = 4 / sqrt((6-1) * (6-1)) = 0.8.
    assert kendall_tau_b([1, 2, 2, 3], [1, 2, 3, 3]) == pytest.approx(0.8)


@pytest.mark.parametrize("fn", [pearson, spearman, kendall_tau_b])
def test_correlations_nan_when_undefined(fn: Callable[[list[float], list[float]], float]) -> None:
    assert math.isnan(fn([1.0], [2.0]))
    assert math.isnan(fn([], []))
    assert math.isnan(fn([1, 1, 1], [1, 2, 3]))
    assert math.isnan(fn([1, 2, 3], [5, 5, 5]))
    assert math.isnan(fn([1, 2, float("nan")], [1, 2, 3]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=3, max_size=25))
def test_correlations_match_scipy(pairs: list[tuple[int, int]]) -> None:
    x = [float(a) for a, _ in pairs]
    y = [float(b) for _, b in pairs]
    if len(set(x)) < 2 or len(set(y)) < 2:
        return
    assert pearson(x, y) == pytest.approx(stats.pearsonr(x, y).statistic, abs=1e-9)
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-9)
    assert kendall_tau_b(x, y) == pytest.approx(stats.kendalltau(x, y).statistic, abs=1e-9)


def test_mean_group_correlation_skips_constant_groups() -> None:
    groups = ["a", "a", "a", "b", "b", "b", "c", "c", "c", "d"]
    x = [1, 2, 3, 1, 2, 3, 1, 2, 3, 9]
    y = [1, 2, 4, 3, 2, 1, 5, 5, 5, 1]
    # a rises (spearman 1), b falls (-1), c is constant in y, d has a single item.
    assert mean_group_correlation(groups, x, y, ranked=True) == pytest.approx(0.0)
    # c is constant in y and d has one item: both skipped, not counted as 0.
    y2 = [1, 2, 4, 1, 3, 2, 5, 5, 5, 1]
    # b: x = [1,2,3], y = [1,3,2] -> spearman 1 - 6*2/(3*8) = 0.5; mean (1 + 0.5) / 2 = 0.75.
    assert mean_group_correlation(groups, x, y2, ranked=True) == pytest.approx(0.75)


def test_mean_group_correlation_nan_when_no_group_left() -> None:
    assert math.isnan(mean_group_correlation([1, 1, 2], [1, 2, 3], [4, 4, 5]))
    assert math.isnan(mean_group_correlation([1, 1, 2], [1, 2, 3], [4, 5, float("nan")]))


def test_mean_group_correlation_numeric_groups() -> None:
    groups = np.array([2, 2, 2, 1, 1, 1])
    x = np.array([1.0, 2.0, 3.0, 1.0, 2.0, 3.0])
    y = np.array([1.0, 2.0, 3.0, 3.0, 2.0, 2.5])
    want = (1.0 + pearson([1, 2, 3], [3, 2, 2.5])) / 2
    assert mean_group_correlation(groups, x, y) == pytest.approx(want)


def test_mean_group_correlation_is_the_mean_of_each_group_correlation() -> None:
    # The array passes give what pearson / spearman give group by group, averaged.
    rng = np.random.default_rng(3)
    for trial in range(60):
        n = int(rng.integers(2, 40))
        groups = rng.integers(0, int(rng.integers(1, 6)), n)
        x = rng.integers(0, 4, n) / 3 if trial % 2 else rng.random(n)  # ties, and none
        y = rng.integers(0, 3, n) * 0.5
        for fn, ranked in ((pearson, False), (spearman, True)):
            each = [fn(x[groups == k], y[groups == k]) for k in np.unique(groups)]
            each = [r for r in each if not math.isnan(r)]
            got = mean_group_correlation(groups, x, y, ranked)
            if not each:
                assert math.isnan(got)
            else:
                assert got == pytest.approx(float(np.mean(each)), abs=1e-9)


def test_system_correlation_by_hand() -> None:
    systems = ["a", "a", "b", "b", "c", "c"]
    x = np.array([1.0, 3.0, 2.0, 2.0, 5.0, 7.0])  # means: a 2, b 2, c 6
    y = np.array([0.0, 2.0, 1.0, 3.0, 4.0, 4.0])  # means: a 1, b 2, c 4
    assert system_correlation(systems, x, y, pearson) == pytest.approx(
        pearson([2, 2, 6], [1, 2, 4])
    )
    # Concordant pairs (a,c), (b,c); (a,b) tied in x only -> tau_b = 2 / sqrt(2 * 3).
    assert system_correlation(systems, x, y, kendall_tau_b) == pytest.approx(2 / math.sqrt(6))
    assert math.isnan(system_correlation(["a", "a"], [1.0, 2.0], [2.0, 1.0], pearson))


# --- bootstrap ---------------------------------------------------------------------------------


def _mean(x: NDArray[np.float64]) -> float:
    return float(np.mean(x))


def test_bootstrap_is_deterministic_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(42)
    x = rng.normal(loc=3.0, scale=1.0, size=400)
    low, high = bootstrap_ci(_mean, x, n=500, seed=7)
    assert (low, high) == bootstrap_ci(_mean, x, n=500, seed=7)
    assert (low, high) != bootstrap_ci(_mean, x, n=500, seed=8)
    assert low < float(np.mean(x)) < high
    # The standard error of the mean is 1/sqrt(400) = 0.05; a 95 % interval is about +-0.1.
    assert 0.15 < high - low < 0.25


def test_bootstrap_of_constant_data_is_a_point() -> None:
    assert bootstrap_ci(_mean, np.full(10, 2.5), n=50) == (2.5, 2.5)


def test_bootstrap_pairs_arrays_by_index() -> None:
    # Perfectly separable labels and scores stay perfectly separable in every resample.
    labels = np.array([0, 0, 0, 1, 1, 1])
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    assert bootstrap_ci(roc_auc, labels, scores, n=200) == (1.0, 1.0)


def test_bootstrap_skips_nan_resamples() -> None:
    # With 2 items, about half the resamples hold one class only: AUC is NaN there, skipped.
    calls: list[float] = []

    def auc(labels: NDArray[np.float64], scores: NDArray[np.float64]) -> float:
        value = roc_auc(labels, scores)
        calls.append(value)
        return value

    assert bootstrap_ci(auc, [0, 1], [0.2, 0.9], n=100) == (1.0, 1.0)
    assert len(calls) == 100
    assert any(math.isnan(v) for v in calls)


def test_bootstrap_all_nan_gives_nan() -> None:
    low, high = bootstrap_ci(roc_auc, [1, 1, 1], [0.1, 0.2, 0.3], n=20)
    assert math.isnan(low) and math.isnan(high)


def test_bootstrap_resamples_whole_groups() -> None:
    groups = np.array(["a", "a", "b", "b"])
    x = np.array([0.0, 0.0, 10.0, 10.0])
    seen: list[float] = []

    def record_mean(values: NDArray[np.float64]) -> float:
        seen.append(float(np.mean(values)))
        return seen[-1]

    bootstrap_ci(record_mean, x, n=200, groups=groups)
    # Two groups of two drawn with replacement: means are only 0, 5 or 10 (never 2.5 or 7.5).
    assert set(seen) <= {0.0, 5.0, 10.0}
    assert set(seen) == {0.0, 5.0, 10.0}
    seen.clear()
    bootstrap_ci(record_mean, x, n=200)
    assert {2.5, 7.5} & set(seen)


def test_bootstrap_gives_fresh_ids_to_repeated_groups() -> None:
    groups = ["a", "a", "a", "b", "b", "b", "c", "c", "c"]
    x = [1, 2, 3] * 3
    y = [1, 2, 3, 3, 2, 1, 1, 3, 2]
    sizes: list[int] = []

    def per_doc(g: NDArray[np.int64], xs: NDArray[np.float64], ys: NDArray[np.float64]) -> float:
        sizes.append(len(np.unique(g)))
        return mean_group_correlation(g, xs, ys)

    low, high = bootstrap_ci(per_doc, groups, x, y, n=300, groups=groups)
    # Each resample has 3 drawn groups, so 3 distinct ids even when a document repeats.
    assert set(sizes) == {3}
    # Group correlations are 1, -1 and 0.5; a mean of three draws lies in [-1, 1].
    assert -1.0 <= low < high <= 1.0


def test_bootstrap_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="n must be at least 1"):
        bootstrap_ci(_mean, [1.0, 2.0], n=0)
    with pytest.raises(ValueError, match="alpha must be in"):
        bootstrap_ci(_mean, [1.0, 2.0], alpha=1.5)
    with pytest.raises(ValueError, match="not 2"):
        bootstrap_ci(roc_auc, [0, 1], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="groups must be one-dimensional with length 2"):
        bootstrap_ci(_mean, [1.0, 2.0], groups=[1])
    with pytest.raises(ValueError, match="at least one array"):
        bootstrap_ci(_mean)


def test_estimate_returns_frozen_metric() -> None:
    labels = [0, 0, 1, 1, 0, 1]
    scores = [0.1, 0.6, 0.4, 0.9, 0.2, 0.8]
    metric = estimate("roc_auc", roc_auc, labels, scores, n_boot=200, seed=1)
    # Pairs: pos {0.4, 0.9, 0.8} vs neg {0.1, 0.6, 0.2}: 0.4 loses only to 0.6 -> 8/9.
    assert isinstance(metric, Metric)
    assert (metric.name, metric.n) == ("roc_auc", 6)
    assert metric.value == pytest.approx(8 / 9)
    assert (metric.low, metric.high) == bootstrap_ci(roc_auc, labels, scores, n=200, seed=1)
    assert metric.low <= metric.value <= metric.high
    with pytest.raises(dataclasses.FrozenInstanceError):
        metric.value = 0.0  # type: ignore[misc]
