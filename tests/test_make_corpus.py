"""Tests for benchmarks/make_corpus.py (seeds only: no benchmark data needed)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import benchmark_script

SEEDS = Path(__file__).parents[1] / "seeds"


def _load() -> ModuleType:
    return benchmark_script("make_corpus")


@pytest.fixture(scope="module")
def make_corpus() -> ModuleType:
    return _load()


def _generate(mod: ModuleType, out: Path, events: int = 20, seed: int = 0) -> bytes:
    argv = ["--events", str(events), "--out", str(out), "--seeds", str(SEEDS), "--seed", str(seed)]
    argv += ["--bench-dir", str(out.parent / "no_such_bench_dir")]
    assert mod.main(argv) == 0
    return out.read_bytes()


def _check_items(items: object, prefix: str) -> None:
    assert isinstance(items, list) and items
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids)
    assert ids == [f"{prefix}{j}" for j in range(len(ids))]
    for item in items:
        assert set(item) == {"id", "text"}
        assert isinstance(item["text"], str) and item["text"].strip()


def test_schema_and_counts(
    make_corpus: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _generate(make_corpus, tmp_path / "corpus.jsonl")
    err = capsys.readouterr().err
    assert "seeds only" in err and "20 events" in err
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == 20
    for index, line in enumerate(lines):
        event = json.loads(line)
        assert set(event) == {"event_id", "articles", "candidates"}
        assert event["event_id"] == f"ev{index:06d}"
        assert 3 <= len(event["articles"]) <= 5
        assert 2 <= len(event["candidates"]) <= 4
        _check_items(event["articles"], "a")
        _check_items(event["candidates"], "c")


def test_deterministic(make_corpus: ModuleType, tmp_path: Path) -> None:
    first = _generate(make_corpus, tmp_path / "one.jsonl")
    second = _generate(_load(), tmp_path / "two.jsonl")
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert _generate(make_corpus, tmp_path / "other.jsonl", seed=1) != first


def test_event_independent_of_corpus_size(make_corpus: ModuleType, tmp_path: Path) -> None:
    small = _generate(make_corpus, tmp_path / "small.jsonl", events=5).splitlines()
    large = _generate(make_corpus, tmp_path / "large.jsonl", events=20).splitlines()
    assert large[:5] == small
