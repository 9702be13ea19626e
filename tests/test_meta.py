"""`meta`: benchmark files through the pipeline, hand-checkable metrics, files and bad input."""

from __future__ import annotations

import csv
import json
import logging
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evalkit.bench.coverage import SummaryRow, coverage_metrics
from evalkit.bench.events import one_sentence_per_line
from evalkit.bench.faithfulness import FaithRow, faith_metrics
from evalkit.bench.meta import run_meta
from evalkit.config import Config, VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.errors import InputError
from evalkit.metrics import roc_auc
from evalkit.records import Sentence
from evalkit.stages.claims import document_evidence, pieces
from evalkit.stages.segment import split_line
from evalkit.verifiers import HELD

from .conftest import DATA, ROOT

FAITH = DATA / "bench_faith_meta.jsonl"
COVERAGE = DATA / "bench_coverage_tiny.jsonl"
ACU = DATA / "bench_coverage_acu.jsonl"


def meta_cfg(path: Path, **verifier: float) -> Config:
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.bench.path = str(path)
    cfg.bench.bootstrap = 50
    for key, value in verifier.items():
        setattr(cfg.verifier, key, value)
    return cfg


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def metric(run_dir: Path, scope: str, method: str, name: str) -> float:
    rows = read_csv(run_dir / "metrics.csv")
    hit = [r for r in rows if (r["scope"], r["method"], r["metric"]) == (scope, method, name)]
    assert len(hit) == 1, (scope, method, name)
    return float(hit[0]["value"])


@pytest.fixture(scope="module")
def faith_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run_dir = tmp_path_factory.mktemp("faith") / "run"
    run_meta(meta_cfg(FAITH, lexical_threshold=0.9), run_dir)
    return run_dir


def test_faithfulness_lexical_baseline_by_hand(faith_run: Path) -> None:
    # Content words found in the source: SysA 4/4, SysB 3/4 (museum), SysC 3/4 (unveiled);
    # SysA 5/5, SysB 4/5 (300), SysC 3/5 (snow, dublin). Labels 1 0 1 / 1 0 0.
    rows = {r["id"]: r for r in read_csv(faith_run / "predictions.csv")}
    lexical = [float(r["lexical"]) for r in read_csv(faith_run / "predictions.csv")]
    assert lexical == [1.0, 0.75, 0.75, 1.0, 0.8, 0.6]
    assert rows["tiny-a:x1:SysB"]["lexical_predicted"] == "0.0000"
    # Positives 1.0, 0.75, 1.0 against negatives 0.75, 0.8, 0.6: 7.5 of 9 pairs.
    assert metric(faith_run, "all", "lexical", "roc_auc") == pytest.approx(7.5 / 9, abs=1e-4)
    # At 0.9: two of three faithful and all three unfaithful right: (2/3 + 1) / 2.
    assert metric(faith_run, "all", "lexical", "balanced_accuracy") == pytest.approx(
        (2 / 3 + 1) / 2, abs=1e-4
    )
    # Per dataset: tiny-a 1.5 of 2 pairs, tiny-b 2 of 2.
    assert metric(faith_run, "tiny-a", "lexical", "roc_auc") == pytest.approx(0.75)
    assert metric(faith_run, "tiny-b", "lexical", "roc_auc") == pytest.approx(1.0)


def test_faithfulness_evalkit_rows_follow_the_claims(faith_run: Path) -> None:
    predictions = read_csv(faith_run / "predictions.csv")
    claims = read_csv(faith_run / "claims.csv")
    assert [r["id"] for r in predictions][:2] == ["tiny-a:x1:SysA", "tiny-a:x1:SysB"]
    for row in predictions:
        mine = [c for c in claims if c["id"] == row["id"]]
        assert len(mine) == int(row["claims"]) == 1
        supported = all(c["verdict"] == "supported" for c in mine)
        assert row["predicted"] == ("1.0000" if supported else "0.0000")
        # the lowest claim support, where a claim a rule ruled out is held below the threshold:
        # the score ranks as the verdicts decide
        threshold = VerifierConfig().threshold
        held = [
            min(float(c["support"]), threshold - HELD)
            if c["verdict"] != "supported"
            else float(c["support"])
            for c in mine
        ]
        assert float(row["score"]) == pytest.approx(min(held), abs=1e-4)
        assert (float(row["score"]) >= threshold) == supported
    # The invented number and names are found in no source: unsupported whatever the model.
    by_id = {c["id"]: c for c in claims}
    assert (
        by_id["tiny-b:x2:SysB"]["verdict"] != "supported"
        and "300" in by_id["tiny-b:x2:SysB"]["novel"]
    )
    assert by_id["tiny-b:x2:SysC"]["in_human_span"] == "1"
    # every signal the verifier weighs is there to study beside the label, as in run's claims.csv
    signals = ("similarity", "token_precision", "bigram_precision", "weakest_precision")
    assert all(c[name] != "" for c in claims for name in signals)
    assert all(c["entailment"] == c["contradiction"] == "" for c in claims)  # entail=none
    auc = roc_auc([int(r["label"]) for r in predictions], [float(r["score"]) for r in predictions])
    assert metric(faith_run, "all", "evalkit", "roc_auc") == pytest.approx(auc, abs=1e-4)


def test_faithfulness_metrics_files(faith_run: Path) -> None:
    for name in ("predictions.csv", "claims.csv", "metrics.csv", "metrics.md", "metrics.json"):
        assert (faith_run / name).is_file(), name
    info = json.loads((faith_run / "metrics.json").read_text(encoding="utf-8"))
    assert info["benchmark"]["kind"] == "faithfulness"
    assert {m["method"] for m in info["metrics"]} >= {"evalkit", "lexical", "cosine", "rouge2"}
    md = (faith_run / "metrics.md").read_text(encoding="utf-8")
    assert "## tiny-a" in md and "ROC AUC" in md and "[" in md
    manifest = json.loads((faith_run / "run.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["summaries"] == 6


def test_a_file_of_one_class_says_why_its_auc_is_nan(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """It printed NaN for every AUC and balanced accuracy without a word."""
    lines = [json.loads(line) for line in FAITH.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "faithful.jsonl"
    path.write_text(
        "".join(json.dumps({**r, "label": 1, "spans": []}) + "\n" for r in lines), "utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        run_meta(meta_cfg(path), tmp_path / "run")
    assert math.isnan(metric(tmp_path / "run", "all", "evalkit", "roc_auc"))
    said = "every summary is labelled faithful"
    assert any(said in r.getMessage() for r in caplog.records)
    assert f"- {said}: ROC AUC" in (tmp_path / "run" / "metrics.md").read_text(encoding="utf-8")


def test_hand_computed_faith_metrics() -> None:
    def row(i: int, label: int, score: float, predicted: float) -> FaithRow:
        return FaithRow(f"t:{i}", f"d{i}", "t", "S", label, score, predicted, 1, 0, 0,
                        score, predicted, score, predicted, score, score, score)  # fmt: skip

    rows = [row(0, 1, 0.9, 1), row(1, 1, 0.4, 0), row(2, 0, 0.5, 1), row(3, 0, 0.1, 0)]
    got = {(m.method, m.metric.name): m.metric for m in faith_metrics(rows, 20, 0)}
    # AUC: 0.9 beats both negatives, 0.4 beats 0.1 only: 3 of 4 pairs.
    assert got[("evalkit", "roc_auc")].value == pytest.approx(0.75)
    # Recall on 1: 1/2; on 0: 1/2.
    assert got[("evalkit", "balanced_accuracy")].value == pytest.approx(0.5)
    assert got[("evalkit", "roc_auc")].n == 4


def test_hand_computed_system_kendall() -> None:
    def row(doc: str, system: str, pred: float, human: float) -> SummaryRow:
        return SummaryRow(doc, "t", system, pred, pred, pred, pred, pred, pred, pred, human, "")

    # System means: pred A 0.2, B 0.5, C 0.8, D 0.6; human A 0.1, B 0.4, C 0.7, D 0.8.
    # Pairs: AB AC AD BC BD concordant, CD discordant: tau = (5 - 1) / 6.
    summaries = [
        row("d1", "A", 0.1, 0.1), row("d2", "A", 0.3, 0.1),
        row("d1", "B", 0.5, 0.3), row("d2", "B", 0.5, 0.5),
        row("d1", "C", 0.8, 0.7), row("d2", "C", 0.8, 0.7),
        row("d1", "D", 0.7, 0.8), row("d2", "D", 0.5, 0.8),
    ]  # fmt: skip
    got = {
        (m.method, m.metric.name): m.metric.value
        for m in coverage_metrics([], summaries, 20, 0)
        if m.scope == "all"
    }
    assert got[("evalkit", "system_kendall_tau")] == pytest.approx(4 / 6)


def test_coverage_lexical_baseline_by_hand(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    cfg = meta_cfg(COVERAGE)
    cfg.coverage.lexical_threshold = 0.63
    run_meta(cfg, run_dir)
    summaries = read_csv(run_dir / "summaries.csv")
    facts = read_csv(run_dir / "predictions.csv")
    assert len(summaries) == 6 and len(facts) == 18
    assert list(summaries[0])[:3] == ["doc_id", "system", "coverage"]
    assert list(facts[0])[:5] == ["doc_id", "system", "fact_index", "score", "predicted"]
    # Lexical: doc 1 covers 1/3, 2/3, 3/3 (humans 1/3, 2/3, 3/3); doc 2 1/3, 2/3, 1/3
    # (humans 0, 2/3, 1/3). System means 1/3, 2/3, 2/3 vs 1/6, 2/3, 2/3: tau-b = 2 / 2.
    assert [float(s["lexical"]) for s in summaries] == pytest.approx(
        [1 / 3, 2 / 3, 1, 1 / 3, 2 / 3, 1 / 3], abs=1e-4
    )
    assert metric(run_dir, "all", "lexical", "system_kendall_tau") == pytest.approx(1.0)
    # Per document: doc 1 r = 1; doc 2 r = 3 / sqrt(12); mean of the two.
    assert metric(run_dir, "all", "lexical", "summary_pearson_per_doc") == pytest.approx(
        (1 + 3 / math.sqrt(12)) / 2, abs=1e-4
    )
    # evalkit's coverage is the mean of its facts' match probabilities.
    for s in summaries:
        mine = [
            float(f["score"])
            for f in facts
            if (f["doc_id"], f["system"]) == (s["doc_id"], s["system"])
        ]
        assert float(s["coverage"]) == pytest.approx(np.mean(mine), abs=1e-3)


def test_summary_level_only_file_writes_summaries_alone(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    run_meta(meta_cfg(ACU), run_dir)
    assert (run_dir / "summaries.csv").is_file()
    assert not (run_dir / "predictions.csv").exists()
    rows = read_csv(run_dir / "summaries.csv")
    assert [float(r["human"]) for r in rows] == [0.5, 1.0, 0.0]
    names = {r["metric"] for r in read_csv(run_dir / "metrics.csv")}
    assert "summary_pearson" in names and "fact_accuracy" not in names


def test_one_sentence_per_line_keeps_every_offset() -> None:
    text = "A long article sits on one line. See www.example.com for more. It goes on here."
    split = one_sentence_per_line(text)
    assert len(split) == len(text) and split.count("\n") == 2
    assert [line.strip() for line in split.split("\n")][1] == "See www.example.com for more."
    assert all(a == b or b == "\n" for a, b in zip(text, split, strict=True))


def test_a_url_sentence_does_not_drop_a_one_line_article(tmp_path: Path) -> None:
    source = (
        "The council closed the old bridge on Monday. Details are at www.example.com today. "
        "Repairs will cost 2 million pounds."
    )
    rec = {"id": "u:1:A", "doc_id": "u1", "dataset": "u", "system": "A", "source": source,
           "summary": "Repairs will cost 2 million pounds.", "label": 1, "spans": []}  # fmt: skip
    path = tmp_path / "url.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    run_meta(meta_cfg(path), tmp_path / "run")
    claim = read_csv(tmp_path / "run" / "claims.csv")[0]
    assert claim["evidence"] == "Repairs will cost 2 million pounds."


def test_long_sentences_are_matched_in_pieces_without_truncation() -> None:
    words = [f"w{i}" for i in range(250)]
    sentence = Sentence("d", 0, " ".join(words), 10, 10 + len(" ".join(words)))
    parts = pieces(sentence, 100)
    assert all(len(p.text.split()) <= 100 for p in parts)
    assert {w for p in parts for w in p.text.split()} == set(words)
    assert all(sentence.text[p.start - 10 : p.end - 10] == p.text for p in parts)
    assert pieces(Sentence("d", 1, "short one", 0, 9), 100)[0].text == "short one"


def test_windows_never_exceed_the_word_limit(fast_cfg: Config) -> None:
    from evalkit.records import CleanDocument, Document, KeptLine, Segmented

    text = " ".join(["word"] * 80) + ". " + " ".join(["more"] * 80) + ". Short end."
    doc = Document("d", "source", text, "x")
    sents = tuple(Sentence("d", i, text[a:b], a, b) for i, (a, b) in enumerate(split_line(text)))
    seg = Segmented(CleanDocument(doc, (KeptLine(1, 0, text),), ()), sents)
    evidence = document_evidence(seg, VerifierConfig(window=2, max_words=100), HashedEmbedder())
    assert len(evidence.singles) == 3
    assert all(len(u.text.split()) <= 100 for u in evidence.units)


# --- bad input -------------------------------------------------------------------------------


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        run_meta(meta_cfg(tmp_path / "nope.jsonl"), tmp_path / "run")


def test_malformed_line_names_its_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(FAITH.read_text(encoding="utf-8").splitlines()[0] + "\n{oops\n")
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        run_meta(meta_cfg(path), tmp_path / "run")


def test_file_of_neither_kind(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text('{"event_id": "e", "articles": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="neither a faithfulness file"):
        run_meta(meta_cfg(path), tmp_path / "run")


def test_unset_path(tmp_path: Path) -> None:
    cfg = meta_cfg(FAITH)
    cfg.bench.path = None
    with pytest.raises(InputError, match="bench.path: not set"):
        run_meta(cfg, tmp_path / "run")


def meta_cli(tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evalkit", "meta", "embedder=hashed", "entail=none",
         "bench.bootstrap=20", f"hydra.run.dir={tmp_path / 'run'}", *overrides],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_cli_meta_writes_the_tables(tmp_path: Path) -> None:
    done = meta_cli(tmp_path, f"bench.path={FAITH}")
    assert done.returncode == 0, done.stderr
    assert "ROC AUC" in done.stdout
    for name in ("predictions.csv", "claims.csv", "metrics.csv", "metrics.md", "metrics.json"):
        assert (tmp_path / "run" / name).is_file(), name


def test_cli_bad_input_exits_2_with_one_line_and_no_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"summary": "x", "label": 1}\n[1]\n', encoding="utf-8")
    done = meta_cli(tmp_path, f"bench.path={bad}")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "line 2" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "run").exists()


def test_a_contradicted_summary_ranks_below_every_faithful_one(tmp_path: Path) -> None:
    """A claim the contradiction rule rules out keeps a high support (its words are all in the
    source) but is held just below the threshold, so the summary's score agrees with its
    verdict and ranks under a faithful summary with a lower support."""
    source = (
        "About 18,000 vehicles a day are diverted via Old Mill Road after the bridge closed. "
        "The bypass carries 45,000 cars."
    )
    lines = [
        ("wrong", source.split(". ")[0].replace("18,000", "45,000") + ".", 0, [[6, 12]]),
        ("right", "Vehicles are diverted via Old Mill Road after the bridge closed.", 1, []),
    ]
    path = tmp_path / "faith.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {"id": f"t:d1:{system}", "doc_id": "d1", "dataset": "t", "system": system}
                | {"source": source, "summary": summary, "label": label, "spans": spans}
            )
            + "\n"
            for system, summary, label, spans in lines
        ),
        encoding="utf-8",
    )
    run_meta(meta_cfg(path), tmp_path / "run")
    rows = {r["system"]: r for r in read_csv(tmp_path / "run" / "predictions.csv")}
    claims = {c["id"].split(":")[-1]: c for c in read_csv(tmp_path / "run" / "claims.csv")}
    threshold = VerifierConfig().threshold
    assert claims["wrong"]["verdict"] == "contradicted"
    assert float(claims["wrong"]["support"]) > float(claims["right"]["support"]) >= threshold
    assert float(rows["wrong"]["score"]) == pytest.approx(threshold - HELD, abs=1e-4)
    assert float(rows["wrong"]["score"]) < float(rows["right"]["score"])
    assert metric(tmp_path / "run", "all", "evalkit", "roc_auc") == 1.0
