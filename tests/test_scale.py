"""Streaming runs: bad lines, resume, shards and merge, and the sharded path through Hydra."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hydra import compose, initialize_config_dir

from evalkit import run as run_module
from evalkit.cli import CONF, register, to_config
from evalkit.config import validate
from evalkit.errors import InputError
from evalkit.merge import main as merge_main
from evalkit.merge import merge, shard_folders
from evalkit.records import Event
from evalkit.report import INDEX, JOURNAL, MARKER, TABLES
from evalkit.run import evaluate

from .conftest import ROOT, config, stop_midway


def same_outputs(a: Path, b: Path, header: bool = True) -> bool:
    """Tables, summary.md and the event index byte for byte (the index's settings line only
    when both runs read the same file)."""
    index = [(p / INDEX).read_text().splitlines()[0 if header else 1 :] for p in (a, b)]
    names = (*TABLES, "summary.md")
    return index[0] == index[1] and all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def with_line(corpus: Path, tmp_path: Path, index: int, line: str, replace: bool) -> Path:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[index : index + int(replace)] = [line + "\n"]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_run_streams_rows_and_indexes_every_event(single: Path) -> None:
    entries = [json.loads(line) for line in (single / INDEX).read_text().splitlines()]
    assert [e["position"] for e in entries[1:]] == list(range(9))
    ends = [e["sizes"]["summary.csv"] for e in entries]
    assert ends == sorted(ends) and ends[-1] == (single / "summary.csv").stat().st_size
    manifest = json.loads((single / "run.json").read_text())
    assert manifest["counts"]["events"]["read"] == 9 and manifest["resumed_events"] == 0
    assert {"encode", "claims", "coverage", "score"} <= set(manifest["timings_seconds"])
    assert not (single / MARKER).exists() and not (single / JOURNAL).exists()


class Stopped(Exception):
    """A run stopped midway on purpose (`stopped_after`)."""


@contextmanager
def stopped_after(events: int) -> Iterator[None]:
    """The `evaluate` inside stops (raises Stopped) as it comes to record the event at position
    `events`: the events before it are finished and kept, as after a crash or a kill."""
    real = run_module.record

    def record(writer: Any, position: int, item: Any) -> None:
        if position >= events:
            raise Stopped(position)
        real(writer, position, item)

    with pytest.MonkeyPatch.context() as patch, pytest.raises(Stopped):
        patch.setattr(run_module, "record", record)
        yield


def test_a_bad_line_anywhere_stops_the_run_before_any_event(corpus: Path, tmp_path: Path) -> None:
    broken = with_line(corpus, tmp_path, 5, "{broken", replace=True)
    run_dir = tmp_path / "run"
    with pytest.raises(InputError, match=r"line 6: not valid JSON"):
        evaluate(config(broken), run_dir)
    assert not run_dir.exists()  # every line is checked before the first event is scored


def test_a_run_stopped_midway_keeps_finished_events_then_resume_completes(
    corpus: Path, single: Path, tmp_path: Path
) -> None:
    run_dir = tmp_path / "run"
    with stopped_after(5):
        evaluate(config(corpus), run_dir)
    assert (run_dir / MARKER).exists() and not (run_dir / "summary.csv").exists()
    assert len((run_dir / JOURNAL).read_text().splitlines()) == 1 + 5  # header, events 0-4
    with pytest.raises(InputError, match="holds an unfinished run; pass resume=true"):
        evaluate(config(corpus), run_dir)
    # A kill while writing the next event: half a row, half a journal line.
    with (run_dir / ".claims.csv.tmp").open("a") as handle:
        handle.write("ev000005,a1,C1,half a ro")
    with (run_dir / JOURNAL).open("a") as handle:
        handle.write('{"position": 5, "ev')
    evaluate(config(corpus, resume=True), run_dir)
    assert same_outputs(single, run_dir)
    assert json.loads((run_dir / "run.json").read_text())["resumed_events"] == 5


@pytest.mark.parametrize("event_batch", [1, 3, 32])
def test_event_batching_does_not_change_the_tables(
    corpus: Path, single: Path, tmp_path: Path, event_batch: int
) -> None:
    cfg = config(corpus)
    cfg.embedder.event_batch = event_batch
    evaluate(cfg, tmp_path / "run")
    assert same_outputs(single, tmp_path / "run")


def test_resume_refuses_other_settings(corpus: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with stopped_after(2):
        evaluate(config(corpus), run_dir)
    changed = config(corpus, resume=True)
    changed.verifier.threshold = 0.9
    with pytest.raises(InputError, match=r"other settings \(config.verifier.threshold\)"):
        evaluate(changed, run_dir)


def test_skipped_line_is_a_nan_row_with_its_reason(
    corpus: Path, single: Path, tmp_path: Path
) -> None:
    noisy = with_line(corpus, tmp_path, 3, '{"event_id": "x", "articles": 5}', replace=False)
    cfg = config(noisy)
    cfg.data.bad_events = "skip"
    evaluate(cfg, tmp_path / "run")
    rows = (tmp_path / "run" / "summary.csv").read_text().splitlines()
    skipped = [r for r in rows if r.startswith("x,")]
    assert len(skipped) == 1 and "NaN" in skipped[0]
    assert "skipped:" in skipped[0] and "line 4: field 'articles' must be" in skipped[0]
    assert [r for r in rows if not r.startswith("x,")] == (
        (single / "summary.csv").read_text().splitlines()
    )
    for name in ("claims.csv", "facts.csv"):  # every real event scored as before
        assert (tmp_path / "run" / name).read_bytes() == (single / name).read_bytes()
    manifest = json.loads((tmp_path / "run" / "run.json").read_text())
    assert manifest["counts"]["events"] == {"read": 10, "scored": 9, "unscorable": 0, "refused": 1}


@pytest.mark.parametrize("num_shards", [3, 12])  # 12: more shards than events, some empty
def test_shards_merge_into_the_single_run(
    corpus: Path, single: Path, tmp_path: Path, num_shards: int
) -> None:
    for shard in range(num_shards):
        evaluate(config(corpus, shard=shard, num_shards=num_shards), tmp_path / str(shard))
    assert merge_main([str(tmp_path), "--out", str(tmp_path / "merged")]) == 0
    assert same_outputs(single, tmp_path / "merged")
    merged = json.loads((tmp_path / "merged" / "run.json").read_text())
    assert merged["config"]["num_shards"] == 1 and len(merged["merged_from"]) == num_shards
    assert len(shard_folders([tmp_path])) == num_shards  # the merged run is not a shard


def test_merge_refuses_missing_or_mismatched_shards(corpus: Path, tmp_path: Path) -> None:
    for shard in (0, 2):
        evaluate(config(corpus, shard=shard, num_shards=3), tmp_path / str(shard))
    with pytest.raises(InputError, match=r"missing \[1\]"):
        merge(shard_folders([tmp_path]), tmp_path / "m")
    other = config(corpus, shard=1, num_shards=3)
    other.scoring.unsupported_penalty = 0.5
    evaluate(other, tmp_path / "1")
    with pytest.raises(InputError, match="other settings"):
        merge(shard_folders([tmp_path]), tmp_path / "m")


def test_bad_shard_settings_fail_before_work(corpus: Path) -> None:
    with pytest.raises(InputError, match="0 <= shard < num_shards"):
        validate(config(corpus, shard=2, num_shards=2))
    cfg = config(corpus)
    cfg.data.bad_events = "ignore"
    with pytest.raises(InputError, match="data.bad_events: 'ignore' is not one of stop, skip"):
        validate(cfg)


def test_new_options_compose() -> None:
    register()
    overrides = ["cache.enabled=false", "shard=1", "num_shards=4", "resume=true"]
    overrides += ["data.bad_events=skip", "embedder.event_batch=8"]
    with initialize_config_dir(config_dir=CONF, version_base="1.3"):
        cfg = to_config(compose(config_name="config", overrides=overrides))
        launcher = compose(
            config_name="config", overrides=["hydra/launcher=slurm"], return_hydra_config=True
        ).hydra.launcher
    assert (cfg.shard, cfg.num_shards, cfg.resume, cfg.cache.enabled) == (1, 4, True, False)
    assert cfg.data.bad_events == "skip" and cfg.embedder.event_batch == 8
    assert "SlurmLauncher" in launcher._target_ and launcher.cpus_per_task == 8


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "evalkit", *args]


RUN = [
    "embedder=hashed",
    "entail=none",
    "data.references=null",
    "report.html=false",
    "report.plots=false",
]


@pytest.mark.parametrize("launcher", ["submitit_local", "joblib"])
def test_launched_shards_merge_byte_identical(
    corpus: Path, single: Path, tmp_path: Path, launcher: str
) -> None:
    """Four shard jobs through a Hydra launcher, each job several batches (one event each),
    so each job segments ahead in a worker of its own where it can (not in loky's workers)."""
    sweep = tmp_path / "sweep"
    shards = ["-m", "shard=0,1,2,3", "num_shards=4", f"hydra/launcher={launcher}"]
    args = [*shards, *RUN, "embedder.event_batch=1", "cache.enabled=false"]
    done = subprocess.run(
        cli("run", *args, f"data.sources={corpus}", f"hydra.sweep.dir={sweep}"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    logs = done.stderr + "".join(p.read_text() for p in sweep.glob(".submitit/*/*_log.err"))
    assert "Traceback" not in logs and "segmenting ahead failed" not in logs
    done = subprocess.run(
        cli("merge", str(sweep)), cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert same_outputs(single, sweep / "merged")


def test_sigterm_then_resume_gives_the_single_run(
    corpus: Path, single: Path, tmp_path: Path
) -> None:
    run_dir = tmp_path / "run"
    args = [*RUN, "embedder.event_batch=2", "cache.enabled=false", f"data.sources={corpus}"]
    proc = subprocess.Popen(
        cli("run", *args, f"hydra.run.dir={run_dir}"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stop_midway(proc, run_dir, events=2)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err
    assert "resume=true" in err
    assert (run_dir / MARKER).exists() and not (run_dir / "summary.csv").exists()
    done = subprocess.run(
        cli("run", *args, f"hydra.run.dir={run_dir}", "resume=true"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert 0 < json.loads((run_dir / "run.json").read_text())["resumed_events"] < 9
    assert same_outputs(single, run_dir)


def test_lines_are_segmented_ahead_only_for_events_not_yet_measured(
    corpus: Path, single: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evalkit.stages.segment import Prefetch

    submitted: list[list[str]] = []
    submit = Prefetch.submit

    def record(self: Prefetch, events: list[Event]) -> None:
        submitted.append([e.event_id for e in events])
        submit(self, events)

    monkeypatch.setattr(Prefetch, "submit", record)
    cold, warm = (config(corpus, overwrite=True) for _ in range(2))
    for cfg in (cold, warm):
        cfg.cache.enabled, cfg.cache.dir = True, str(tmp_path / "cache")
    evaluate(cold, tmp_path / "cold")
    # Batches of 4: the second and third batch are segmented ahead, the first here.
    assert submitted == [[f"ev{i:06d}" for i in range(4, 8)], ["ev000008"], []]
    assert same_outputs(single, tmp_path / "cold")
    submitted.clear()
    evaluate(warm, tmp_path / "warm")
    assert submitted == [[], [], []]  # every event's measurement is stored: nothing to segment
    assert same_outputs(single, tmp_path / "warm")
