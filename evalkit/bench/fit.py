"""The `calibrate` verb: fit the verifier's and the coverage matcher's decision parameters on
human labels and write them, with provenance, as a config file: into the run folder, and over
the calibration every run uses (conf/calibration.yaml) only when bench.calibration names it.

The signals are measured by the pipeline's own stages (`meta.measure_event`), so the model is
fitted on exactly what `run` and `meta` see. Two small logistic models (scikit-learn):

* verifier: claim supported ~ best sentence cosine + share of its content words in the source
  + numbers, dates and names found in no source. Claims take their summary's label, except
  that in an unfaithful summary with marked spans a claim outside every span counts as
  faithful. Each file weighs the same and, within a file, each class weighs the same, so a
  file that is 9% faithful and one that is 60% faithful pull equally.
* coverage: fact covered ~ soft recall of its content words (see `align.measure_facts`),
  classes balanced. Adding the best sentence cosine or exact word recall was tried: both lower
  the system-level agreement on REALSumm dev, and the cosine gets a negative weight.
  (coverage.sharpness, how soft a summary's coverage is, is a design choice, not fitted: see
  evalkit/config.py.)

Thresholds maximise balanced accuracy on the dev files (averaged over files): the verifier's at
the summary level, as `meta` predicts (faithful when every claim is supported, with names,
numbers and dates found in no source and contradictions overriding the score, as in `run`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.bench.coverage import (
    coverage_event,
    faith_events,
    lexical_precision,
    measure_event,
    pooled,
    write_all,
)
from evalkit.bench.load import Benchmark, load_benchmark
from evalkit.config import Config, CoverageConfig, VerifierConfig
from evalkit.errors import InputError
from evalkit.metrics import (
    balanced_accuracy,
    kendall_tau_b,
    pearson,
    per_group_mean_correlation,
    roc_auc,
)
from evalkit.pipeline import Resources, Timings
from evalkit.stages.align import FactSignals, fact_credit, fact_probability
from evalkit.text import content_tokens
from evalkit.verifiers import ClaimSignals, EmbeddingVerifier

log = logging.getLogger("evalkit")

VERIFIER_WEIGHTS = (
    "w_similarity",
    "w_source_precision",
    "w_novel_number",
    "w_novel_date",
    "w_novel_name",
)
COVERAGE_WEIGHTS = ("w_recall",)
# What calibration.yaml holds per section: the fitted model and the thresholds.
_THRESHOLDS = ("threshold", "lexical_threshold", "cosine_threshold")
VERIFIER_KEYS = (
    "bias",
    "w_similarity",
    "w_token_precision",  # not fitted (kept at 0): written so the file states every weight
    "w_source_precision",
    "w_novel_number",
    "w_novel_date",
    "w_novel_name",
    *_THRESHOLDS,
)
COVERAGE_KEYS = ("bias", *COVERAGE_WEIGHTS, *_THRESHOLDS)
FOLDS = 5
DECIMALS = 4


# --- inputs ------------------------------------------------------------------------------------


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
    return out


@dataclass(frozen=True, slots=True)
class ClaimData:
    """One claim's signals with its label, its summary and where it came from."""

    file: int
    doc_id: str
    summary: str  # benchmark item id
    signals: ClaimSignals
    label: int


@dataclass(frozen=True, slots=True)
class SummaryData:
    """One summary's label and its baselines' scores (the calibrate side of `meta`)."""

    file: int
    doc_id: str
    id: str
    label: int
    lexical: float


@dataclass(frozen=True, slots=True)
class FactData:
    """One key fact x summary: signals and human label."""

    file: int
    doc_id: str
    system: str
    signals: FactSignals
    label: int


def collect_faith(
    index: int, bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[ClaimData], list[SummaryData]]:
    """Claim signals and labels of one faithfulness file."""
    items = {it.id: it for it in bench.faith}
    claims: list[ClaimData] = []
    summaries: list[SummaryData] = []
    events = faith_events(bench.faith, bench.path)
    measure = partial(measure_event, cfg=cfg, res=res)
    for event, signals in pooled(measure, events, res, cfg.embedder.event_batch, _name(bench)):
        source_tokens = frozenset(content_tokens(event.sources[0].text))
        for cand in event.candidates:
            item = items[cand.doc_id]
            for m, (start, end) in zip(
                signals.claims[item.id], signals.claim_spans[item.id], strict=True
            ):
                bad = any(a < end and start < b for a, b in item.spans) or not item.spans
                label = 1 if item.label == 1 else int(not bad)
                claims.append(ClaimData(index, item.doc_id, item.id, m.signals, label))
            lexical = lexical_precision(item.summary, source_tokens)
            summaries.append(SummaryData(index, item.doc_id, item.id, item.label, lexical))
    return claims, summaries


def collect_coverage(index: int, bench: Benchmark, cfg: Config, res: Resources) -> list[FactData]:
    """Fact signals and labels of one coverage file (needs per-fact labels)."""
    out: list[FactData] = []
    events = [coverage_event(doc, bench.path) for doc in bench.coverage]
    measure = partial(measure_event, cfg=cfg, res=res)
    results = pooled(measure, events, res, cfg.embedder.event_batch, _name(bench))
    for doc, (_, signals) in zip(bench.coverage, results, strict=True):
        for summ in doc.summaries:
            if summ.labels is None:
                raise InputError(
                    f"{bench.path}: document {doc.doc_id} system {summ.system} has no per-fact "
                    "labels; calibrate needs one 0/1 label per key fact"
                )
            measured = signals.matches[summ.system]
            if measured is None:
                continue  # an empty summary has no signals; its coverage is NaN, not a label
            for sig, label in zip(measured, summ.labels, strict=True):
                out.append(FactData(index, doc.doc_id, summ.system, sig, label))
    return out


def _name(bench: Benchmark) -> str:
    return Path(bench.path).name


# --- fitting -----------------------------------------------------------------------------------


def claim_features(s: ClaimSignals) -> list[float]:
    return [
        s.similarity,
        s.source_precision,
        float(len(s.novel_numbers)),
        float(len(s.novel_dates)),
        float(len(s.novel_names)),
    ]


def fact_features(s: FactSignals) -> list[float]:
    return [s.recall]


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


def best_shared_threshold(
    files: np.ndarray, labels: np.ndarray, scores: np.ndarray, allowed: np.ndarray | None = None
) -> float:
    """Threshold t maximising the mean over files of the balanced accuracy of
    `allowed & score >= t` (allowed: items a hard check did not already mark negative).

    Candidates are midpoints between consecutive distinct scores; ties go to the lowest.
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


@dataclass(frozen=True, slots=True)
class Fitted:
    """Fitted parameters for one config section, with the figures that justify them."""

    values: dict[str, float]
    report: list[str]  # lines for the provenance header
    details: dict[str, Any]  # the same figures for calibration.json


def _round(x: float) -> float:
    return round(float(x), DECIMALS)


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
    fitted = replace(cfg, bias=_round(bias), w_token_precision=0.0)
    for key, coef in zip(VERIFIER_WEIGHTS, coefs, strict=True):
        setattr(fitted, key, _round(coef))
    ev = _summary_view(claims, summaries, fitted)
    threshold = best_shared_threshold(ev["file"], ev["label"], ev["score"], ev["allowed"])
    lex_t = best_shared_threshold(ev["file"], ev["label"], ev["lexical"])
    cos_t = best_shared_threshold(ev["file"], ev["label"], ev["cosine"])
    fitted = replace(
        fitted,
        threshold=_round(threshold),
        lexical_threshold=_round(lex_t),
        cosine_threshold=_round(cos_t),
    )
    cv = _cv_scores(claims, summaries, fitted)
    report, details = [], {}
    for f, name in enumerate(names):
        m = ev["file"] == f
        y_f = ev["label"][m]
        pred = ev["allowed"][m] & (ev["score"][m] >= fitted.threshold)
        row = {
            "summaries": int(m.sum()),
            "claims": int((files == f).sum()),
            "roc_auc": roc_auc(y_f, ev["score"][m]),
            "roc_auc_cv": roc_auc(y_f, cv[m]),
            "balanced_accuracy": balanced_accuracy(y_f, pred.astype(float)),
            "lexical_roc_auc": roc_auc(y_f, _nan_low(ev["lexical"][m])),
            "lexical_balanced_accuracy": balanced_accuracy(
                y_f, (ev["lexical"][m] >= fitted.lexical_threshold).astype(float)
            ),
            "cosine_roc_auc": roc_auc(y_f, ev["cosine"][m]),
        }
        details[name] = row
        report.append(
            f"#   {name}: ROC AUC {row['roc_auc']:.3f} (5-fold CV by document "
            f"{row['roc_auc_cv']:.3f}), balanced accuracy {row['balanced_accuracy']:.3f}; "
            f"lexical AUC {row['lexical_roc_auc']:.3f}, "
            f"plain cosine AUC {row['cosine_roc_auc']:.3f}"
        )
    values = _section(fitted, VERIFIER_KEYS)
    return Fitted(values, report, details)


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
        ok = not c.signals.conflict and not c.signals.novel
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
        z = bias + x[~train] @ np.array(coefs)
        p = 1 / (1 + np.exp(-z))
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
    fitted = replace(cfg, bias=_round(bias))
    for key, coef in zip(COVERAGE_WEIGHTS, coefs, strict=True):
        setattr(fitted, key, _round(coef))
    prob = np.array([fact_probability(f.signals, fitted) for f in facts])
    lexical = np.array([f.signals.plain_recall for f in facts])
    cosine = np.array([f.signals.similarity for f in facts])
    fitted = replace(
        fitted,
        threshold=_round(best_shared_threshold(files, y, prob)),
        lexical_threshold=_round(best_shared_threshold(files, y, lexical)),
        cosine_threshold=_round(best_shared_threshold(files, y, cosine)),
    )
    credit = np.array([fact_credit(p, fitted) for p in prob])
    cv = np.array(
        [fact_credit(p, fitted) for p in _cv_facts(x, y, files, [f.doc_id for f in facts])]
    )
    report, details = [], {}
    for f, name in enumerate(names):
        m = files == f
        if not m.any():
            continue
        sub = [fa for fa, keep in zip(facts, m, strict=True) if keep]
        row = {
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
        details[name] = row
        report.append(
            f"#   {name}: fact balanced accuracy {row['fact_balanced_accuracy']:.3f}; "
            f"per-doc Pearson {row['per_doc_pearson']:.3f} (CV {row['cv_per_doc_pearson']:.3f}), "
            f"system Kendall tau {row['system_kendall_tau']:.3f} "
            f"(CV {row['cv_system_kendall_tau']:.3f}); lexical {row['lexical_per_doc_pearson']:.3f}"
            f" / {row['lexical_system_kendall_tau']:.3f}"
        )
    values = _section(fitted, COVERAGE_KEYS)
    return Fitted(values, report, details)


def _cv_facts(x: np.ndarray, y: np.ndarray, files: np.ndarray, docs: Sequence[str]) -> np.ndarray:
    fold = _folds(docs)
    out = np.zeros(len(y))
    for k in range(FOLDS):
        train = fold != k
        if not _fold_ok(y, train):
            return np.full(len(y), np.nan)
        bias, coefs = fit_logistic(x[train], y[train], balanced_weights(files[train], y[train]))
        out[~train] = 1 / (1 + np.exp(-(bias + x[~train] @ np.array(coefs))))
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
    names, inverse = np.unique(systems, return_inverse=True)
    counts = np.bincount(inverse)
    return {
        f"{prefix}per_doc_pearson": per_group_mean_correlation(docs, pred, human, pearson),
        f"{prefix}system_kendall_tau": kendall_tau_b(
            np.bincount(inverse, pred) / counts, np.bincount(inverse, human) / counts
        )
        if len(names) > 1
        else math.nan,
    }


# --- output ------------------------------------------------------------------------------------


def calibration_yaml(
    verifier: dict[str, float], coverage: dict[str, float], header: Sequence[str]
) -> str:
    """The config file: provenance as comments, then the fitted values."""
    lines = ["# @package _global_", *header, "verifier:"]
    lines += [f"  {k}: {v!r}" for k, v in verifier.items()]
    lines.append("coverage:")
    lines += [f"  {k}: {v!r}" for k, v in coverage.items()]
    return "\n".join(lines) + "\n"


def _section(cfg: Any, keys: Sequence[str]) -> dict[str, float]:
    return {k: float(getattr(cfg, k)) for k in keys}


def _file_line(path: str, sha256: str, what: str) -> str:
    return f"#   {path}  sha256 {sha256}  ({what})"


def run_calibrate(cfg: Config, run_dir: Path) -> None:
    """The `calibrate` verb: fit on every benchmark file named by bench.path and write the
    config into the run folder, and to bench.calibration when given: the shipped calibration
    every run reads changes only when asked."""
    from evalkit import __version__
    from evalkit.cli import CONF as CONF_DIR
    from evalkit.cli import check_run_dir, git_commit, manifest

    check_run_dir(run_dir, cfg.overwrite)
    started = time.perf_counter()
    benches = [load_benchmark(p) for p in bench_files(cfg.bench.path)]  # errors before the model
    out_path = Path(cfg.bench.calibration).expanduser() if cfg.bench.calibration else None
    if out_path is not None and not out_path.parent.is_dir():
        raise InputError(
            f"bench.calibration: folder {out_path.parent} does not exist; create it or pass "
            "another path"
        )
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
        f"(weights sha256 {res.embedder.fingerprint[:16]}…)",
        f"# signals measured with verifier.window={cfg.verifier.window}, "
        f"top_k={cfg.verifier.top_k}, max_words={cfg.verifier.max_words}, "
        f"contradiction_similarity={cfg.verifier.contradiction_similarity}, "
        f"contradiction_overlap={cfg.verifier.contradiction_overlap}",
    ]
    details: dict[str, Any] = {"written": now, "files": {}}
    with timings.stage("calibrate_fit"):
        if faith:
            names = [Path(b.path).stem for b in faith]
            v = fit_verifier(claims, summaries, names, cfg.verifier)
            header.append("# verifier fitted on:")
            header += [_file_line(b.path, b.sha256, f"{len(b.faith)} summaries") for b in faith]
            header.append("# dev figures (summary level; threshold shared by the files):")
            header += v.report
            verifier_values = v.values
            details["verifier"] = {"values": v.values, "dev": v.details}
        else:
            header.append("# verifier: not refitted (no faithfulness file); values carried over")
            verifier_values = _section(cfg.verifier, VERIFIER_KEYS)
        if cover:
            names = [Path(b.path).stem for b in cover]
            cv_fit = fit_coverage(facts, names, cfg.coverage)
            header.append("# coverage fitted on:")
            header += [
                _file_line(
                    b.path, b.sha256, f"{sum(len(d.summaries) for d in b.coverage)} summaries"
                )
                for b in cover
            ]
            header.append(
                "# dev figures (coverage = mean fact credit per summary, as `run` reports):"
            )
            header += cv_fit.report
            coverage_values = cv_fit.values
            details["coverage"] = {"values": cv_fit.values, "dev": cv_fit.details}
        else:
            header.append("# coverage: not refitted (no coverage file); values carried over")
            coverage_values = _section(cfg.coverage, COVERAGE_KEYS)
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
    shipped = Path(CONF_DIR) / "calibration.yaml"
    if out_path is not None:
        write_all(out_path.parent, {out_path.name: text})
        where = f"calibration written to {out_path} (copy and figures in {run_dir})"
    else:
        where = (
            f"calibration written to {copy} (figures beside it); runs still use {shipped}. "
            f"To apply it, copy it there (cp {copy} {shipped}) or calibrate with "
            f"bench.calibration={shipped}"
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
