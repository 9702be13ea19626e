"""Event workers: processes that measure events while the run's own process runs the models
(the real model's version of the first test is in test_determinism.py)."""

from __future__ import annotations

import errno
import logging
import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest

from evalkit import workers as workers_module
from evalkit.errors import ENVIRONMENT, InputError
from evalkit.records import Event
from evalkit.run import evaluate
from evalkit.workers import Workers

from .conftest import config
from .test_scale import same_outputs


def counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """How many events each call of `Workers.measure` was given, and how many ahead."""
    calls: list[tuple[int, int]] = []
    measure = Workers.measure

    def record(self: Workers, events: list[Event], ahead: list[Event]) -> Any:
        calls.append((len(events), len(ahead)))
        return measure(self, events, ahead)

    monkeypatch.setattr(Workers, "measure", record)
    return calls


def test_workers_measure_the_single_runs_tables_and_a_warm_rerun_starts_none(
    corpus: Path, single: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counted(monkeypatch)
    cold, warm = (config(corpus, overwrite=True) for _ in range(2))
    for cfg in (cold, warm):
        cfg.embedder.event_batch, cfg.embedder.workers = 6, 2
        cfg.cache.enabled, cfg.cache.dir = True, str(tmp_path / "cache")
    evaluate(cold, tmp_path / "cold")
    # Both batches of the nine events, by two workers: the second is started during the first.
    assert calls == [(6, 3), (3, 0)]
    assert same_outputs(single, tmp_path / "cold")
    calls.clear()
    evaluate(warm, tmp_path / "warm")
    assert calls == []  # every measurement is stored: nothing for a worker
    assert same_outputs(single, tmp_path / "warm")


def test_by_default_a_batch_gets_one_worker_per_8_events_and_per_core_at_most_4(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config(corpus)
    res: Any = None  # not used until a batch is measured
    monkeypatch.setattr(workers_module.os, "sched_getaffinity", lambda _: set(range(16)))
    auto = Workers(cfg, res)
    assert [auto.share(n) for n in (1, 7, 8, 16, 31, 32, 100)] == [0, 0, 1, 2, 3, 4, 4]
    monkeypatch.setattr(workers_module.os, "sched_getaffinity", lambda _: {0, 1})
    assert [Workers(cfg, res).share(n) for n in (7, 16, 100)] == [0, 2, 2]
    monkeypatch.setattr(workers_module.os, "sched_getaffinity", lambda _: {0})
    assert Workers(cfg, res).share(100) == 0  # one core: nothing runs side by side
    cfg.embedder.workers = 3  # asked for: used for any batch, one event each at least
    assert [Workers(cfg, res).share(n) for n in (1, 2, 100)] == [1, 2, 3]
    cfg.embedder.workers = 0
    assert Workers(cfg, res).share(100) == 0
    cfg.embedder.workers = 3  # inside joblib's loky workers none can start
    monkeypatch.setattr(workers_module, "can_spawn", lambda: False)
    assert Workers(cfg, res).share(100) == 0


def test_a_failure_here_while_workers_wait_stops_them(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Any] = []

    def fail(self: Workers, asks: list[Any]) -> None:
        started.extend(p for p, _ in self._workers)
        raise InputError("embedder.model: failed as it loaded")

    monkeypatch.setattr(Workers, "_serve", fail)
    cfg = config(corpus, overwrite=True)
    cfg.embedder.event_batch, cfg.embedder.workers = 9, 2
    with pytest.raises(InputError, match="failed as it loaded"):
        evaluate(cfg, tmp_path / "run")
    assert len(started) == 2 and not any(p.is_alive() for p in started)


def test_a_worker_that_dies_ends_the_run_with_one_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve = Workers._serve

    def killing(self: Workers, asks: list[Any]) -> None:
        for process, _ in self._workers[:1]:
            process.kill()
            process.join()
        serve(self, asks)

    monkeypatch.setattr(Workers, "_serve", killing)
    cfg = config(corpus, overwrite=True)
    cfg.embedder.event_batch, cfg.embedder.workers = 9, 2
    with pytest.raises(InputError, match="an event worker was stopped by SIGKILL") as err:
        evaluate(cfg, tmp_path / "run")
    assert "embedder.workers=0" in str(err.value)


def test_where_no_worker_can_start_the_run_measures_here_and_says_so_once(
    corpus: Path,
    single: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def refuse(self: Any) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    cfg = config(corpus)
    cfg.embedder.event_batch, cfg.embedder.workers = 6, 2
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        evaluate(cfg, tmp_path / "run")
    assert same_outputs(single, tmp_path / "run")
    said = [r.getMessage() for r in caplog.records if "event workers" in r.getMessage()]
    assert said == [
        "event workers could not start ([Errno 11] Resource temporarily unavailable); "
        "measuring events here"
    ]


def test_an_error_from_a_worker_keeps_its_exit_code() -> None:
    """Errors come back from a worker pickled: a full disk there is still the environment's."""
    back = pickle.loads(pickle.dumps(InputError("cache.dir: no space left", ENVIRONMENT)))
    assert isinstance(back, InputError) and back.code == ENVIRONMENT
    assert str(back) == "cache.dir: no space left"
