"""Fitting the verifier's and the coverage matcher's decision parameters on labelled signals.

Two small logistic models (scikit-learn):

* verifier: claim supported ~ best sentence cosine + how far its top evidence says its
  content words (paraphrases counted by token cosine) + share of them in the sources + word
  order + numbers, dates and names found in no source. Claims take their summary's label, except
  that in an unfaithful summary with marked spans a claim outside every span counts as
  faithful. Each file weighs the same and, within a file, each class weighs the same, so a
  file that is 9% faithful and one that is 60% faithful pull equally.
* coverage: fact covered ~ soft recall of its content words (see `coverage.measure_facts`),
  classes balanced. Adding the best sentence cosine or exact word recall was tried: both lower
  the system-level agreement on REALSumm dev, and the cosine gets a negative weight.
  (coverage.sharpness, how soft a summary's coverage is, is a design choice, not fitted: see
  evalkit/config.py.)

Thresholds maximise balanced accuracy on the dev files (averaged over files): the verifier's at
the summary level, as `meta` predicts (faithful when every claim is supported, with names,
numbers and dates found in no source and contradictions overriding the score, as in `run`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from evalkit.bench.labelled import ClaimData, FactData, SummaryData
from evalkit.config import CoverageConfig, VerifierConfig
from evalkit.errors import InputError
from evalkit.metrics import (
    balanced_accuracy,
    best_shared_threshold,
    kendall_tau_b,
    mean_group_correlation,
    roc_auc,
    system_correlation,
)
from evalkit.stages.coverage import FactSignals, SoftRecallMatcher
from evalkit.verifiers import ClaimSignals, EmbeddingVerifier, contradicts, ranked, sigmoid

VERIFIER_WEIGHTS = (
    "w_similarity",
    "w_token_precision",
    "w_source_precision",
    "w_bigram_precision",
    "w_weakest_precision",
    "w_novel_number",
    "w_novel_date",
    "w_novel_name",
)
ENTAIL_WEIGHTS = ("w_entailment", "w_contradiction")  # fitted when an entailer measured them
COVERAGE_WEIGHTS = ("w_recall",)
# What calibration.yaml holds per section: the fitted model and the thresholds.
_THRESHOLDS = ("threshold", "lexical_threshold", "cosine_threshold")
VERIFIER_KEYS = (
    "bias",
    "w_similarity",
    "w_token_precision",
    "w_source_precision",
    "w_novel_number",
    "w_novel_date",
    "w_novel_name",
    "w_bigram_precision",
    "w_weakest_precision",
    *ENTAIL_WEIGHTS,
    "contradiction_threshold",
    *_THRESHOLDS,
)
COVERAGE_KEYS = ("bias", *COVERAGE_WEIGHTS, "w_entailment", *_THRESHOLDS)
# Contradiction thresholds tried: the model's contradiction probability at which a claim is
# contradicted whatever its support (1.0: never).
CONTRADICTION_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0)
FOLDS = 5
DECIMALS = 4


def claim_features(s: ClaimSignals) -> list[float]:
    """The fitted signals, in VERIFIER_WEIGHTS order, then ENTAIL_WEIGHTS' when measured."""
    x = [
        s.similarity,
        s.token_precision,
        s.source_precision,
        s.bigram_precision,
        s.weakest_precision,
        float(len(s.novel_numbers)),
        float(len(s.novel_dates)),
        float(len(s.novel_names)),
    ]
    return x if s.entailment is None else [*x, s.entailment, s.contradiction or 0.0]


def fact_features(s: FactSignals) -> list[float]:
    return [s.recall] if s.entailment is None else [s.recall, s.entailment]


def _weights(base: tuple[str, ...], extra: tuple[str, ...], width: int) -> tuple[str, ...]:
    """The weight names of `width` features: the base signals, and the entailment ones."""
    return (base + extra)[:width]


def balanced_weights(files: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Sample weights: every file weighs the same, and within a file every class does."""
    w = np.zeros(len(labels))
    names = np.unique(files)
    for f in names:
        for c in (0, 1):
            mask = (files == f) & (labels == c)
            if mask.any():
                w[mask] = len(labels) / (len(names) * 2 * mask.sum())
    return w


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, list[float]]:
    """Intercept and coefficients of an L2-regularised logistic regression."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y, sample_weight=w)
    return float(model.intercept_[0]), [float(c) for c in model.coef_[0]]


@dataclass(frozen=True, slots=True)
class Fitted:
    """Fitted parameters for one config section, with the figures that justify them."""

    values: dict[str, float]
    report: list[str]  # lines for the provenance header
    details: dict[str, Any]  # the same figures for calibration.json


def _round(x: float) -> float:
    return round(float(x), DECIMALS)


def _logistic(x: np.ndarray, bias: float, coefs: Sequence[float]) -> np.ndarray:
    """The fitted model's probability for each row of `x`, as `run` computes one: products
    summed in numpy's one order and `math.exp`, not BLAS and numpy's vector exp, which round
    differently on other CPUs."""
    z = bias + (x * np.array(coefs)).sum(axis=1)
    return np.array([sigmoid(float(v)) for v in z])


def _two_classes(y: np.ndarray, what: str) -> None:
    if len(np.unique(y)) < 2:
        raise InputError(
            f"bench.path: the {what} labels hold only one class; calibration needs both "
            "positive and negative examples"
        )


def _fold_ok(y: np.ndarray, train: np.ndarray) -> bool:
    """Both classes in the training part and something to predict (tiny files have neither)."""
    return len(np.unique(y[train])) == 2 and bool((~train).any())


def fit_verifier(
    claims: Sequence[ClaimData],
    summaries: Sequence[SummaryData],
    names: Sequence[str],
    cfg: VerifierConfig,
) -> Fitted:
    """Weights and thresholds of the verifier and of the faithfulness baselines."""
    x = np.array([claim_features(c.signals) for c in claims])
    y = np.array([c.label for c in claims])
    files = np.array([c.file for c in claims])
    _two_classes(y, "claim")
    bias, coefs = fit_logistic(x, y, balanced_weights(files, y))
    fitted = replace(cfg, bias=_round(bias), w_entailment=0.0, w_contradiction=0.0)
    for key, coef in zip(
        _weights(VERIFIER_WEIGHTS, ENTAIL_WEIGHTS, x.shape[1]), coefs, strict=True
    ):
        setattr(fitted, key, _round(coef))
    best_accuracy = -1.0
    for contradiction in CONTRADICTION_GRID if x.shape[1] > len(VERIFIER_WEIGHTS) else (1.0,):
        trial = replace(fitted, contradiction_threshold=contradiction)
        ev = _summary_view(claims, summaries, trial)
        t = best_shared_threshold(ev["file"], ev["label"], ev["score"], ev["allowed"])
        accuracy = float(
            np.mean(
                [
                    balanced_accuracy(
                        ev["label"][m], (ev["allowed"][m] & (ev["score"][m] >= t)).astype(float)
                    )
                    for m in (ev["file"] == f for f in np.unique(ev["file"]))
                ]
            )
        )
        if accuracy > best_accuracy + 1e-9:
            best_accuracy, threshold, chosen = accuracy, t, contradiction
    fitted = replace(fitted, contradiction_threshold=chosen)
    ev = _summary_view(claims, summaries, fitted)
    lex_t = best_shared_threshold(ev["file"], ev["label"], ev["lexical"])
    cos_t = best_shared_threshold(ev["file"], ev["label"], ev["cosine"])
    fitted = replace(
        fitted,
        threshold=_round(threshold),
        lexical_threshold=_round(lex_t),
        cosine_threshold=_round(cos_t),
    )

    # ROC AUC ranks summaries as `meta` does: a summary with a claim a rule ruled out is held
    # just below the threshold (`verifiers.ranked`)
    def hold(scores: np.ndarray) -> np.ndarray:
        out = zip(scores, ~ev["allowed"], strict=True)
        return np.array([ranked(float(x), bool(r), fitted.threshold) for x, r in out])

    held, cv = hold(ev["score"]), hold(_cv_scores(claims, summaries, fitted))
    rows = {}
    for f, name in enumerate(names):
        m = ev["file"] == f
        y_f = ev["label"][m]
        pred = ev["allowed"][m] & (ev["score"][m] >= fitted.threshold)
        rows[name] = {
            "summaries": int(m.sum()),
            "claims": int((files == f).sum()),
            "roc_auc": roc_auc(y_f, held[m]),
            "roc_auc_cv": roc_auc(y_f, cv[m]),
            "balanced_accuracy": balanced_accuracy(y_f, pred.astype(float)),
            "lexical_roc_auc": roc_auc(y_f, _nan_low(ev["lexical"][m])),
            "lexical_balanced_accuracy": balanced_accuracy(
                y_f, (ev["lexical"][m] >= fitted.lexical_threshold).astype(float)
            ),
            "cosine_roc_auc": roc_auc(y_f, ev["cosine"][m]),
        }
    line = (
        "ROC AUC {roc_auc:.3f} (5-fold CV by document {roc_auc_cv:.3f}), balanced accuracy "
        "{balanced_accuracy:.3f}; lexical AUC {lexical_roc_auc:.3f}, plain cosine AUC "
        "{cosine_roc_auc:.3f}"
    )
    return _fitted(fitted, VERIFIER_KEYS, rows, line)


def _fitted(cfg: Any, keys: Sequence[str], rows: dict[str, dict[str, Any]], line: str) -> Fitted:
    """The fitted section's values, and per file its figures and `line` filled with them."""
    report = [f"#   {name}: " + line.format(**row) for name, row in rows.items()]
    return Fitted(section(cfg, keys), report, rows)


def _nan_low(x: np.ndarray) -> np.ndarray:
    """NaN scores (no content words) rank lowest, so AUC stays defined."""
    return np.where(np.isnan(x), -1.0, x)


def _summary_view(
    claims: Sequence[ClaimData], summaries: Sequence[SummaryData], cfg: VerifierConfig
) -> dict[str, np.ndarray]:
    """Per summary: file, label, lowest claim support, no-override flag, lexical, cosine."""
    verifier = EmbeddingVerifier(cfg)
    low: dict[str, float] = {}
    allowed: dict[str, bool] = {}
    cosine: dict[str, float] = {}
    for c in claims:
        support = verifier.support(c.signals)
        low[c.summary] = min(low.get(c.summary, math.inf), support)
        ok = (
            not c.signals.conflict
            and not c.signals.novel
            and not contradicts(c.signals, cfg.contradiction_threshold)
        )
        allowed[c.summary] = allowed.get(c.summary, True) and ok
        cosine[c.summary] = min(cosine.get(c.summary, math.inf), c.signals.similarity)
    have = [s for s in summaries if s.id in low]
    return {
        "file": np.array([s.file for s in have]),
        "label": np.array([s.label for s in have]),
        "score": np.array([low[s.id] for s in have]),
        "allowed": np.array([allowed[s.id] for s in have]),
        "lexical": np.array([s.lexical for s in have], dtype=float),
        "cosine": np.array([cosine[s.id] for s in have]),
    }


def _folds(docs: Sequence[str]) -> np.ndarray:
    """A fold per document, fixed by the document id (deterministic, grouped)."""
    import hashlib

    return np.array([int(hashlib.sha1(d.encode()).hexdigest()[:8], 16) % FOLDS for d in docs])


def _cv_scores(
    claims: Sequence[ClaimData], summaries: Sequence[SummaryData], cfg: VerifierConfig
) -> np.ndarray:
    """Each summary's score from a model fitted without its document (5 folds by document)."""
    x = np.array([claim_features(c.signals) for c in claims])
    y = np.array([c.label for c in claims])
    files = np.array([c.file for c in claims])
    fold = _folds([c.doc_id for c in claims])
    out: dict[str, float] = {}
    for k in range(FOLDS):
        train = fold != k
        if not _fold_ok(y, train):
            return np.full(
                len([s for s in summaries if s.id in {c.summary for c in claims}]), np.nan
            )
        bias, coefs = fit_logistic(x[train], y[train], balanced_weights(files[train], y[train]))
        p = _logistic(x[~train], bias, coefs)
        for c, v in zip([c for c, t in zip(claims, train, strict=True) if not t], p, strict=True):
            out[c.summary] = min(out.get(c.summary, math.inf), float(v))
    return np.array([out[s.id] for s in summaries if s.id in out])


def fit_coverage(facts: Sequence[FactData], names: Sequence[str], cfg: CoverageConfig) -> Fitted:
    """Weights and threshold of the coverage matcher and thresholds of its baselines."""
    x = np.array([fact_features(f.signals) for f in facts])
    y = np.array([f.label for f in facts])
    files = np.array([f.file for f in facts])
    _two_classes(y, "key fact")
    bias, coefs = fit_logistic(x, y, balanced_weights(files, y))
    fitted = replace(cfg, bias=_round(bias), w_entailment=0.0)
    for key, coef in zip(
        _weights(COVERAGE_WEIGHTS, ("w_entailment",), x.shape[1]), coefs, strict=True
    ):
        setattr(fitted, key, _round(coef))
    matcher = SoftRecallMatcher(fitted)
    prob = np.array([matcher.probability(f.signals) for f in facts])
    lexical = np.array([f.signals.plain_recall for f in facts])
    cosine = np.array([f.signals.similarity for f in facts])
    fitted = replace(
        fitted,
        threshold=_round(best_shared_threshold(files, y, prob)),
        lexical_threshold=_round(best_shared_threshold(files, y, lexical)),
        cosine_threshold=_round(best_shared_threshold(files, y, cosine)),
    )
    final = SoftRecallMatcher(fitted)  # the fitted thresholds: credits as `run` gives them,
    # a misstated fact earning nothing
    conflicts = [f.signals.conflict for f in facts]

    def credits(probs: np.ndarray) -> np.ndarray:
        return np.array([final.decide(p, c)[1] for p, c in zip(probs, conflicts, strict=True)])

    credit = credits(prob)
    cv = credits(_cv_facts(x, y, files, [f.doc_id for f in facts]))
    rows = {}
    for f, name in enumerate(names):
        m = files == f
        if not m.any():
            continue
        sub = [fa for fa, keep in zip(facts, m, strict=True) if keep]
        rows[name] = {
            "fact_pairs": int(m.sum()),
            "fact_balanced_accuracy": balanced_accuracy(
                y[m], (prob[m] >= fitted.threshold).astype(float)
            ),
            **_summary_correlations("", sub, credit[m]),
            **_summary_correlations("cv_", sub, cv[m]),
            **_summary_correlations(
                "lexical_", sub, (lexical[m] >= fitted.lexical_threshold).astype(float)
            ),
        }
    line = (
        "fact balanced accuracy {fact_balanced_accuracy:.3f}; per-doc Pearson "
        "{per_doc_pearson:.3f} (CV {cv_per_doc_pearson:.3f}), system Kendall tau "
        "{system_kendall_tau:.3f} (CV {cv_system_kendall_tau:.3f}); lexical "
        "{lexical_per_doc_pearson:.3f} / {lexical_system_kendall_tau:.3f}"
    )
    return _fitted(fitted, COVERAGE_KEYS, rows, line)


def _cv_facts(x: np.ndarray, y: np.ndarray, files: np.ndarray, docs: Sequence[str]) -> np.ndarray:
    fold = _folds(docs)
    out = np.zeros(len(y))
    for k in range(FOLDS):
        train = fold != k
        if not _fold_ok(y, train):
            return np.full(len(y), np.nan)
        bias, coefs = fit_logistic(x[train], y[train], balanced_weights(files[train], y[train]))
        out[~train] = _logistic(x[~train], bias, coefs)
    return out


def _summary_correlations(
    prefix: str, facts: Sequence[FactData], values: np.ndarray
) -> dict[str, float]:
    """Per-document summary-level Pearson and system-level Kendall of mean fact values."""
    by: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(facts):
        by.setdefault((f.doc_id, f.system), []).append(i)
    keys = sorted(by)
    pred = np.array([values[by[k]].mean() for k in keys])
    human = np.array([np.mean([facts[i].label for i in by[k]]) for k in keys])
    docs = np.array([k[0] for k in keys])
    systems = np.array([k[1] for k in keys])
    return {
        f"{prefix}per_doc_pearson": mean_group_correlation(docs, pred, human),
        f"{prefix}system_kendall_tau": system_correlation(systems, pred, human, kendall_tau_b),
    }


def section(cfg: Any, keys: Sequence[str]) -> dict[str, float]:
    """A config section's values for `keys`, as calibration.yaml writes them."""
    return {k: float(getattr(cfg, k)) for k in keys}
