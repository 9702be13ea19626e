"""`calibrate`: fits on tiny fixtures, writes a config with provenance, and the shipped one."""

from __future__ import annotations

import dataclasses
import math
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml
from hydra import compose, initialize_config_dir

from evalkit.bench.calibrate import bench_files, run_calibrate
from evalkit.bench.events import coverage_event, faith_events, measure_signals
from evalkit.bench.fit import VERIFIER_KEYS, balanced_weights, fit_coverage
from evalkit.bench.labelled import FactData
from evalkit.bench.load import load_benchmark
from evalkit.cli import CONF, register, to_config
from evalkit.config import Config, CoverageConfig, VerifierConfig
from evalkit.conflict import Conflict
from evalkit.errors import InputError
from evalkit.metrics import mean_group_correlation
from evalkit.pipeline import Resources, run_event
from evalkit.records import Sentence
from evalkit.stages.coverage import FactSignals, SoftRecallMatcher
from evalkit.verifiers import ClaimSignals, build_verifier

from .conftest import DATA

SHIPPED = Path(CONF) / "calibration" / "none.yaml"  # the default backend's


def tiny_cfg(out: Path, path: str) -> Config:
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.bench.path = path
    cfg.bench.calibration = str(out)
    return cfg


def test_calibrate_writes_a_config_with_provenance(tmp_path: Path) -> None:
    out = tmp_path / "calibration.yaml"
    faith, cover = DATA / "bench_faith_meta.jsonl", DATA / "bench_coverage_tiny.jsonl"
    run_calibrate(tiny_cfg(out, f"{faith},{cover}"), tmp_path / "run")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# @package _global_\n")
    assert load_benchmark(faith).sha256 in text and load_benchmark(cover).sha256 in text
    assert "ROC AUC" in text and "per-doc Pearson" in text
    values = yaml.safe_load(text)
    assert set(values) == {"verifier", "coverage"}
    fitted = VerifierConfig(**values["verifier"])
    assert 0 < fitted.threshold < 1 and set(values["verifier"]) == set(VERIFIER_KEYS)
    CoverageConfig(**values["coverage"])  # every key is a real field
    assert (tmp_path / "run" / "calibration.yaml").read_text(encoding="utf-8") == text
    assert (tmp_path / "run" / "calibration.json").is_file()
    assert SHIPPED.read_text(encoding="utf-8") != text  # the shipped file is untouched


def test_calibrate_leaves_the_shipped_calibration_alone_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """By default the fit lands in the run folder only, with how to apply it printed."""
    conf = tmp_path / "calibration"
    conf.mkdir()
    shipped = conf / "none.yaml"  # the one runs read with entail=none, as tiny_cfg has
    shipped.write_bytes(SHIPPED.read_bytes())
    monkeypatch.setattr("evalkit.bench.calibrate.CALIBRATIONS", conf)
    cfg = tiny_cfg(tmp_path / "unused.yaml", str(DATA / "bench_faith_meta.jsonl"))
    cfg.bench.calibration = None
    run_calibrate(cfg, tmp_path / "run")
    assert shipped.read_bytes() == SHIPPED.read_bytes()
    copy = tmp_path / "run" / "calibration.yaml"
    assert "verifier fitted on" in copy.read_text(encoding="utf-8")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert f"calibration written to {copy}" in last
    assert f"cp {copy} {shipped}" in last and f"bench.calibration={shipped}" in last


def test_calibrate_only_faithfulness_carries_coverage_over(tmp_path: Path) -> None:
    out = tmp_path / "c.yaml"
    run_calibrate(tiny_cfg(out, str(DATA / "bench_faith_meta.jsonl")), tmp_path / "run")
    text = out.read_text(encoding="utf-8")
    assert "coverage: not refitted" in text
    assert yaml.safe_load(text)["coverage"]["bias"] == Config().coverage.bias


def test_calibrate_refuses_summary_level_only_labels(tmp_path: Path) -> None:
    cfg = tiny_cfg(tmp_path / "c.yaml", str(DATA / "bench_coverage_acu.jsonl"))
    with pytest.raises(InputError, match="calibrate needs one 0/1 label per key fact"):
        run_calibrate(cfg, tmp_path / "run")
    assert not (tmp_path / "c.yaml").exists()


def test_calibrate_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        run_calibrate(tiny_cfg(tmp_path / "c.yaml", str(tmp_path / "nope.jsonl")), tmp_path / "r")
    with pytest.raises(InputError, match="holds no .jsonl"):
        run_calibrate(tiny_cfg(tmp_path / "c.yaml", str(tmp_path)), tmp_path / "r")
    cfg = tiny_cfg(tmp_path / "missing" / "c.yaml", str(DATA / "bench_faith_meta.jsonl"))
    with pytest.raises(InputError, match="bench.calibration"):
        run_calibrate(cfg, tmp_path / "r")
    # never written over: a benchmark being read, a folder, a device, a file that is no YAML
    bench = tmp_path / "bench.jsonl"
    shutil.copy(DATA / "bench_faith_meta.jsonl", bench)
    (tmp_path / "folder.yaml").mkdir()
    for target, message in [
        (bench, "is not a .yaml file"),
        (tmp_path / "folder.yaml", "is not a regular file"),
        (bench / "c.yaml", "is not a folder"),
        (Path("/dev/full"), "is not a .yaml file"),
    ]:
        with pytest.raises(InputError, match=f"bench.calibration: .*{message}"):
            run_calibrate(tiny_cfg(target, str(bench)), tmp_path / "r")
    same = tmp_path / "b.yaml"
    shutil.copy(bench, same)
    with pytest.raises(InputError, match="is a benchmark file being read"):
        run_calibrate(tiny_cfg(same, str(same)), tmp_path / "r")
    assert bench.read_bytes() == (DATA / "bench_faith_meta.jsonl").read_bytes()


def test_bench_files_accepts_file_folder_and_list(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    assert bench_files(str(tmp_path)) == [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    assert bench_files(f"{tmp_path / 'b.jsonl'}, {tmp_path / 'a.jsonl'}") == [
        tmp_path / "b.jsonl",
        tmp_path / "a.jsonl",
    ]
    # a file named twice (or as itself and in its folder) would count twice in the fit
    for twice in (
        f"{tmp_path / 'a.jsonl'},{tmp_path / 'a.jsonl'}",
        f"{tmp_path},{tmp_path}/a.jsonl",
    ):
        with pytest.raises(InputError, match=r"bench.path: .*a.jsonl is named twice"):
            bench_files(twice)


def test_balanced_weights_make_files_and_classes_equal() -> None:
    files = np.array([0, 0, 0, 0, 1, 1])
    labels = np.array([1, 0, 0, 0, 1, 0])
    w = balanced_weights(files, labels)
    for f in (0, 1):
        for c in (0, 1):
            assert w[(files == f) & (labels == c)].sum() == pytest.approx(len(labels) / 4)


def test_calibration_signals_are_what_run_event_sees(fast_cfg: Config) -> None:
    res = Resources.build(fast_cfg)
    bench = load_benchmark(DATA / "bench_faith_meta.jsonl")
    for event in faith_events(bench.faith, bench.path):
        result = run_event(event, fast_cfg, res)
        signals = measure_signals(event, fast_cfg, res)
        for cand in event.candidates:
            supports = [a.support for a in result.alignments if a.claim.candidate == cand.doc_id]
            judged = [res.verifier.judge(m.signals)[1] for m in signals.claims[cand.doc_id]]
            assert judged == pytest.approx(supports)
    cover = load_benchmark(DATA / "bench_coverage_tiny.jsonl")

    for doc in cover.coverage:
        event = coverage_event(doc, cover.path)
        result = run_event(event, fast_cfg, res)
        signals = measure_signals(event, fast_cfg, res)
        for summ in doc.summaries:
            scores = [m.score for m in result.matches if m.candidate == summ.system]
            measured = signals.matches[summ.system] or []
            probs = [res.matcher.judge(s)[1] for s in measured]
            assert probs == pytest.approx(scores)


def test_a_benchmark_source_is_named_by_its_document() -> None:
    """A warning about a source ("no sentences left after cleaning") named only the file,
    once per document."""
    bench = load_benchmark(DATA / "bench_faith_meta.jsonl")
    for event in faith_events(bench.faith, bench.path):
        assert event.sources[0].origin == f"{bench.path}:{event.event_id}"
    cover = load_benchmark(DATA / "bench_coverage_tiny.jsonl")
    doc = cover.coverage[0]
    assert coverage_event(doc, cover.path).sources[0].origin == f"{cover.path}:{doc.doc_id}"


def test_shipped_calibration_is_the_dataclass_default() -> None:
    """conf/calibration/none.yaml (what Hydra runs use by default) and the dataclass
    defaults (what code and tests building Config() use) must be the same numbers."""
    values = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    for section, default in (("verifier", VerifierConfig()), ("coverage", CoverageConfig())):
        for key, value in values[section].items():
            assert getattr(default, key) == pytest.approx(value, abs=0), (section, key)
    text = SHIPPED.read_text(encoding="utf-8")
    assert "sha256" in text and "faithfulness_xsumfaith_dev" in text


def test_shipped_calibration_composes_and_a_verifier_option_still_wins() -> None:
    register()
    with initialize_config_dir(config_dir=CONF, version_base="1.3"):
        cfg = to_config(compose(config_name="config"))
        cosine = to_config(compose(config_name="config", overrides=["verifier=cosine"]))
    assert dataclasses.asdict(cfg.verifier) == dataclasses.asdict(VerifierConfig())
    assert cosine.verifier.name == "cosine"
    # One cosine baseline: `run verifier=cosine` judges with the calibrated threshold that
    # `meta` reports for it (0.6294), not a second, hand-set one.
    shipped = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["verifier"]["cosine_threshold"]
    assert cosine.verifier.cosine_threshold == shipped
    verifier = build_verifier(cosine.verifier)
    near = ClaimSignals(shipped - 0.01, 1.0, 1.0, (), (), (), "")
    assert verifier.judge(near)[0] == "unsupported"
    assert verifier.judge(dataclasses.replace(near, similarity=shipped))[0] == "supported"
    assert not math.isnan(cfg.coverage.threshold)


def test_coverage_fit_reports_the_credit_run_gives_a_misstated_fact() -> None:
    """The header's per-document Pearson is of the coverage `run` reports, so a fact the
    candidate states with another value earns nothing there too, not its match's credit."""
    rng = np.random.default_rng(0)
    match = Sentence("cand", 0, "Shin said 4,000 containers.", 0, 27)
    wrong = Conflict("number", "7,000", "4,000")
    facts = []
    for doc in ("d1", "d2", "d3", "d4", "d5"):
        for system in ("s1", "s2", "s3", "s4"):
            for i in range(3):
                label = int(rng.random() < 0.5)
                recall = 0.45 + 0.4 * label + 0.1 * rng.random()
                conflict = wrong if (system, i) == ("s1", 0) and label else None
                signals = FactSignals(0.5, recall, recall, match, conflict=conflict)
                facts.append(FactData(0, doc, system, signals, label))
    fitted = fit_coverage(facts, ["tiny"], CoverageConfig())
    matcher = SoftRecallMatcher(CoverageConfig(**fitted.values))
    assert any(matcher.judge(f.signals)[0] == "misstated" for f in facts)

    def per_doc(credit: Callable[[FactSignals], float]) -> float:
        keys = sorted({(f.doc_id, f.system) for f in facts})
        mean = [
            (
                np.mean([credit(f.signals) for f in facts if (f.doc_id, f.system) == k]),
                np.mean([f.label for f in facts if (f.doc_id, f.system) == k]),
            )
            for k in keys
        ]
        pred, human = np.array(mean).T
        return mean_group_correlation(np.array([k[0] for k in keys]), pred, human)

    reported = fitted.details["tiny"]["per_doc_pearson"]
    assert reported == pytest.approx(per_doc(lambda s: matcher.judge(s)[1]))
    assert reported != pytest.approx(per_doc(lambda s: matcher.credit(matcher.probability(s))))
