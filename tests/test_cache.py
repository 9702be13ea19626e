"""The on-disk embedding cache, the canonical encoding it relies on, pooled encoding, ROUGE."""

from __future__ import annotations

import copy
import importlib.metadata
import logging
import multiprocessing
import os
import random
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, get_type_hints

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score.rouge_scorer import RougeScorer

from evalkit.cache import DiskCache, text_key
from evalkit.config import CacheConfig, Config, EmbedderConfig, Measure, Option, options, value_at
from evalkit.embed import (
    EmbeddingCache,
    HashedEmbedder,
    SentenceTransformerEmbedder,
    Tokens,
    build_embedder,
    cached,
    encode_and_read,
    encode_joined,
)
from evalkit.pipeline import MEASURING_PACKAGES, Resources, code_digest, measure_key, run_event
from evalkit.rouge import FastRouge, lcs_length
from evalkit.stages.clean import clean_documents
from evalkit.stages.coverage import MATCHERS
from evalkit.stages.load import iter_events
from evalkit.stages.segment import split_line
from evalkit.verifiers import VERIFIERS

from .conftest import ROOT

TEXTS = ["The mayor resigned on Friday.", "Rain closed the port.", "Talks resume in May."]


class Counting(HashedEmbedder):
    """The hashed fake, counting the texts and calls it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += list(texts)
        self.calls += 1
        return super().encode(texts)


def disk(tmp_path: Path, max_bytes: int = 1 << 30) -> DiskCache:
    return DiskCache(tmp_path / "cache", "hashed-bow-384", max_bytes)


def test_round_trip_is_exact(tmp_path: Path) -> None:
    store = disk(tmp_path)
    vectors = HashedEmbedder().encode(TEXTS)
    store.put((text_key(t), v) for t, v in zip(TEXTS, vectors, strict=True))
    for text, vector in zip(TEXTS, vectors, strict=True):
        got = store.get(text_key(text))
        assert got is not None and got.dtype == np.float32 and np.array_equal(got, vector)
    assert store.get(text_key("never stored")) is None


def test_a_second_run_encodes_nothing_it_has_seen(tmp_path: Path) -> None:
    first, second = Counting(), Counting()
    EmbeddingCache(first, disk(tmp_path)).encode(TEXTS + TEXTS[:1])
    again = EmbeddingCache(second, disk(tmp_path))
    vectors = again.encode(TEXTS)
    assert sorted(first.texts) == sorted(TEXTS)  # deduplicated within the run
    assert second.texts == [] and again.from_disk == 3
    assert np.array_equal(vectors, HashedEmbedder().encode(TEXTS))
    again.encode(TEXTS[:2] + ["A new sentence."])
    assert second.texts == ["A new sentence."]


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_corrupt_entry_is_recomputed_with_a_warning(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    EmbeddingCache(HashedEmbedder(), disk(tmp_path)).encode(TEXTS)
    path = disk(tmp_path)._path(text_key(TEXTS[0]))
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[20] ^= 0x01  # one bit of one float
    path.write_bytes({"flip": bytes(data), "truncate": bytes(data[:-7]), "empty": b""}[damage])
    embedder = Counting()
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        vectors = EmbeddingCache(embedder, disk(tmp_path)).encode(TEXTS)
    assert "corrupt or truncated; recomputing" in caplog.text
    assert embedder.texts == [TEXTS[0]]  # only the damaged one
    assert np.array_equal(vectors, HashedEmbedder().encode(TEXTS))
    assert disk(tmp_path).get(text_key(TEXTS[0])) is not None  # rewritten whole


def _writer(root: str, seed: int) -> None:
    texts = [f"sentence number {i}" for i in range(200)]
    random.Random(seed).shuffle(texts)
    cache = EmbeddingCache(HashedEmbedder(), DiskCache(Path(root), "hashed-bow-384", 1 << 30))
    for start in range(0, 200, 20):
        cache.encode(texts[start : start + 20])


def test_jobs_writing_at_once_leave_only_whole_entries(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    jobs = [ctx.Process(target=_writer, args=(str(tmp_path / "cache"), s)) for s in range(4)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(timeout=120)
        assert job.exitcode == 0
    store = disk(tmp_path)
    texts = [f"sentence number {i}" for i in range(200)]
    expected = HashedEmbedder().encode(texts)
    for text, vector in zip(texts, expected, strict=True):
        got = store.get(text_key(text))
        assert got is not None and np.array_equal(got, vector)
    leftovers = [p for p in store.folder.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_prune_keeps_the_most_recently_used_under_the_limit(tmp_path: Path) -> None:
    store = disk(tmp_path)
    texts = [f"text {i}" for i in range(30)]
    store.put((text_key(t), v) for t, v in zip(texts, HashedEmbedder().encode(texts), strict=True))
    for i, text in enumerate(texts):  # text i last used at time i
        os.utime(store._path(text_key(text)), (1_000_000 + i, 1_000_000 + i))
    size = sum(p.stat().st_blocks * 512 or p.stat().st_size for p in store.folder.rglob("*.vec"))
    store.max_bytes = size // 3
    assert store.prune() > 0
    kept = [t for t in texts if store._path(text_key(t)).exists()]
    assert kept and kept == texts[-len(kept) :]  # the newest survive
    left = sum(p.stat().st_blocks * 512 or p.stat().st_size for p in store.folder.rglob("*.vec"))
    assert left <= store.max_bytes


def test_prune_deletes_only_evalkit_entries(tmp_path: Path) -> None:
    """cache.dir pointed at a folder of the user's own files: prune (max 0 bytes) deletes
    every entry it wrote and none of those files, however old or large."""
    store = disk(tmp_path, 0)
    store.put([(text_key("a"), np.ones(4, np.float32))])
    entry = store._path(text_key("a"))
    own = [
        store.root / "projects" / "thesis" / "ch1.tex",
        store.root / "videos" / "raw" / "clip.mp4",
        store.folder / entry.parent.name / "notes.vec",  # in a namespace, not an entry's name
        store.folder / "zz" / entry.name,  # an entry's name in the wrong folder
    ]
    for path in own:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 5000)
        os.utime(path, (1_000, 1_000))
    assert store.prune() == 1 and not entry.exists()
    assert all(path.exists() for path in own)


@pytest.mark.parametrize("mode", [0o775, 0o757])
def test_a_cache_others_may_write_to_is_not_read(
    tmp_path: Path, mode: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Measured events are pickles: a cache.dir others may write to is neither read nor
    written nor pruned (one warning), as ssh treats its files; one evalkit makes is private."""
    store = disk(tmp_path)
    store.put([(text_key("a"), np.ones(4, np.float32))])
    assert store.root.stat().st_mode & 0o777 == 0o700
    store.root.chmod(mode)
    for _ in range(2):
        shared = disk(tmp_path)
        assert shared.get(text_key("a")) is None and not shared.has(text_key("a"))
        shared.put([(text_key("b"), np.ones(4, np.float32))])
        assert shared.written == 0 and shared.prune() == 0
    warned = [r.message for r in caplog.records if "may be written to by other users" in r.message]
    assert len(warned) == 1 and "going on without the cache" in warned[0]
    store.root.chmod(0o700)
    assert disk(tmp_path).get(text_key("a")) is not None


def test_cache_config_builds_namespaced_store_or_none(tmp_path: Path) -> None:
    cfg = EmbedderConfig(name="hashed")
    assert build_embedder(cfg, CacheConfig(enabled=False)).disk is None
    store = build_embedder(cfg, CacheConfig(dir=str(tmp_path))).disk
    assert store is not None and store.folder == tmp_path / "hashed-bow-384"


def test_tables_are_identical_with_and_without_the_cache(fast_cfg: Config, tmp_path: Path) -> None:
    fast_cfg.cache.enabled = False
    plain = run_event(next(iter_events(fast_cfg.data)), fast_cfg, Resources.build(fast_cfg))
    fast_cfg.cache.enabled, fast_cfg.cache.dir = True, str(tmp_path)
    for _ in range(2):  # cold, then the measured event from disk
        res = Resources.build(fast_cfg)
        cached = run_event(next(iter_events(fast_cfg.data)), fast_cfg, res)
        assert cached == plain
    assert res.measures is not None and res.measures.hits == 1
    assert res.embedder.encoded == 0 and res.embedder.from_disk == 0
    res = Resources.build(fast_cfg)
    res.measures = None  # measure again: every vector from disk
    assert run_event(next(iter_events(fast_cfg.data)), fast_cfg, res) == plain
    assert res.embedder.encoded == 0 and res.embedder.from_disk > 0


def test_a_threshold_sweep_reuses_measurements_and_matches_a_fresh_run(
    fast_cfg: Config, tmp_path: Path
) -> None:
    fast_cfg.cache.dir = str(tmp_path)
    event = next(iter_events(fast_cfg.data))
    run_event(event, fast_cfg, Resources.build(fast_cfg))  # measures and stores the event
    fast_cfg.verifier.threshold, fast_cfg.coverage.threshold = 0.8, 0.3
    fast_cfg.verifier.w_similarity, fast_cfg.scoring.unsupported_penalty = 5.0, 0.3
    warm = Resources.build(fast_cfg)
    swept = run_event(event, fast_cfg, warm)
    assert warm.measures is not None and warm.measures.hits == 1
    assert warm.embedder.encoded == warm.embedder.from_disk == 0  # nothing re-measured
    fast_cfg.cache.enabled = False
    assert swept == run_event(event, fast_cfg, Resources.build(fast_cfg))
    fast_cfg.cache.enabled, fast_cfg.verifier.window = True, 3  # changes what is measured
    again = Resources.build(fast_cfg)
    run_event(event, fast_cfg, again)
    assert again.measures is not None and again.measures.hits == 0


def other_value(option: Option) -> Any:
    """A value of the option other than its default (within its range where it has one)."""
    value = option.default
    if option.key == "verifier.name":
        return next(name for name in VERIFIERS if name != value)
    if option.key == "coverage.name":
        return next(name for name in MATCHERS if name != value)
    if option.choices:
        return next(c for c in option.choices if c != value)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return 1 - value if option.at_most == 1 and value != 0.5 else value + 1
    return "other" if value is None else f"{value}-other"


def changed(cfg: Config, option: Option) -> Config:
    """A copy of cfg with this option set to another value."""
    cfg = copy.deepcopy(cfg)
    *parents, name = option.key.split(".")
    setattr(value_at(cfg, ".".join(parents)) if parents else cfg, name, other_value(option))
    return cfg


# Every field of every measurement dataclass, as a dotted key: generated, so a new one is tested.
MEASURED = {
    f"{section.name}.{f.name}"
    for section in fields(Config)
    for kind in Measure.__subclasses__()
    if issubclass(get_type_hints(Config)[section.name], kind)
    for f in fields(kind)
}


def test_the_measurement_dataclasses_hold_the_measured_settings() -> None:
    assert {"clean.min_words", "verifier.top_k", "coverage.report_similarity"} <= MEASURED
    assert {"verifier.threshold", "verifier.name", "data.sources"}.isdisjoint(MEASURED)


@pytest.mark.parametrize("option", options(), ids=lambda o: o.key)
def test_a_measurement_setting_changes_the_key_and_nothing_else_does(
    fast_cfg: Config, option: Option
) -> None:
    event = next(iter_events(fast_cfg.data))
    moved = measure_key(event, changed(fast_cfg, option)) != measure_key(event, fast_cfg)
    assert moved == (option.key in MEASURED)


def fast_config() -> Config:
    """The fast_cfg fixture's config, for a module-scoped fixture."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.data.sources, cfg.data.references = str(ROOT / "seeds"), str(ROOT / "references")
    return cfg


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the seed event measured with the default settings."""
    cfg = fast_config()
    cfg.cache.dir = str(tmp_path_factory.mktemp("stored"))
    run_event(next(iter_events(cfg.data)), cfg, Resources.build(cfg))
    return Path(cfg.cache.dir)


JUDGED = [o for o in options() if o.key.split(".")[0] in ("verifier", "coverage", "scoring")]


@pytest.mark.parametrize(
    "option", [o for o in JUDGED if o.key not in MEASURED], ids=lambda o: o.key
)
def test_a_judgement_setting_reuses_the_stored_measurement(stored: Path, option: Option) -> None:
    cfg = changed(fast_config(), option)
    cfg.cache.dir = str(stored)
    warm = Resources.build(cfg)
    event = next(iter_events(cfg.data))
    reused = run_event(event, cfg, warm)
    assert warm.measures is not None and warm.measures.hits == 1
    cfg.cache.enabled = False
    assert reused == run_event(event, cfg, Resources.build(cfg))


@pytest.mark.parametrize("option", [o for o in JUDGED if o.key in MEASURED], ids=lambda o: o.key)
def test_a_measurement_setting_measures_again(stored: Path, option: Option) -> None:
    cfg = changed(fast_config(), option)
    cfg.cache.dir = str(stored)
    cold = Resources.build(cfg)
    run_event(next(iter_events(cfg.data)), cfg, cold)
    assert cold.measures is not None and cold.measures.hits == 0


@pytest.fixture
def fresh_digest() -> Iterator[None]:
    code_digest.cache_clear()
    yield
    code_digest.cache_clear()


@pytest.mark.parametrize("package", MEASURING_PACKAGES)
def test_the_key_changes_with_a_measuring_package_version(
    fast_cfg: Config, package: str, monkeypatch: pytest.MonkeyPatch, fresh_digest: None
) -> None:
    event = next(iter_events(fast_cfg.data))
    before = measure_key(event, fast_cfg)
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "99.0" if name == package else real(name)
    )
    code_digest.cache_clear()
    assert measure_key(event, fast_cfg) != before


@pytest.mark.parametrize(
    "word_list", sorted(p.name for p in (ROOT / "evalkit" / "assets").glob("*.txt"))
)
def test_the_key_changes_with_a_word_list_the_stages_read(
    fast_cfg: Config, word_list: str, monkeypatch: pytest.MonkeyPatch, fresh_digest: None
) -> None:
    """assets/names.txt and the other lists change what is measured as code does (a name
    the lexicon knows is no novel name), so an edited list never reuses a measurement."""
    event = next(iter_events(fast_cfg.data))
    before = measure_key(event, fast_cfg)
    real = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda p: real(p) + b"\nedited" if p.name == word_list else real(p)
    )
    code_digest.cache_clear()
    assert measure_key(event, fast_cfg) != before


def test_code_edited_during_a_run_keeps_its_measurements_out_of_the_cache(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The key names the code a process loaded, hashed as it was imported: when a source file
    changes before the run has built its models (an upgrade, an edit), the old code's
    measurement is neither stored under the new code's key nor read back."""
    fast_cfg.cache.dir = str(tmp_path)
    event = next(iter_events(fast_cfg.data))
    code_digest()  # the code as loaded (as importing evalkit.pipeline hashes it)
    real = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda p: real(p) + b"# edited" if p.name == "segment.py" else real(p)
    )
    res = Resources.build(fast_cfg)
    assert res.measures is None
    assert "changed on disk since this run started" in caplog.text
    result = run_event(event, fast_cfg, res)
    assert not list(tmp_path.glob("events-*/*/*"))  # nothing stored
    monkeypatch.undo()
    fast_cfg.cache.enabled = False
    assert result == run_event(event, fast_cfg, Resources.build(fast_cfg))


def test_joined_vectors_come_from_the_sentences_alone() -> None:
    fake = Counting()
    one, two = TEXTS[0], TEXTS[1]  # 5 and 4 words
    joined, read = encode_joined(fake, [[one, two], [two], []])
    assert [r.spans for r in read] == [r.spans for r in fake.tokens([one, two, two])]
    assert set(fake.texts) == {one, two}  # the joined text itself is never encoded
    v1, v2 = HashedEmbedder().encode([one, two])
    expected = 5 * v1 + 4 * v2
    assert np.allclose(joined[0], expected / np.linalg.norm(expected), atol=1e-6)
    assert np.array_equal(joined[1], v2)  # one sentence: its own vector, bit for bit
    assert not joined[2].any()  # nothing to join: a zero vector, similar to nothing
    assert abs(float(np.linalg.norm(joined[0])) - 1.0) < 1e-6


def test_a_run_encodes_sentences_and_facts_only(fast_cfg: Config) -> None:
    """Lines and evidence windows are joined from sentence vectors, never encoded themselves:
    what makes a cold run cost little more than encoding each sentence once."""
    fast_cfg.cache.enabled = False
    res = Resources.build(fast_cfg)
    counting = Counting()
    res.embedder.embedder = counting
    event = next(iter_events(fast_cfg.data))
    result = run_event(event, fast_cfg, res)
    cleaned = clean_documents(event.sources, event.candidates, fast_cfg.clean, HashedEmbedder())
    lines = [line for doc in event.sources + event.candidates for line in doc.text.splitlines()]
    lines += [kept.text for doc in cleaned[0] + cleaned[1] for kept in doc.kept]  # site-stripped
    sentences = {line[a:b] for line in lines for a, b in split_line(line)}
    facts = {f.text for f in result.facts}
    assert counting.texts and set(counting.texts) <= sentences | facts
    assert len(counting.texts) == len(set(counting.texts))  # each one once


def test_pooled_events_share_encode_calls_and_keep_order(fast_cfg: Config) -> None:
    items = [["one two", "three four"], ["five six"], ["one two", "seven"], []]
    counting = Counting()
    cache = EmbeddingCache(counting)
    out = list(cache.pooled(lambda texts: cache.encode(texts).shape[0], items))
    assert out == [2, 1, 2, 0]
    assert counting.calls == 1 and sorted(counting.texts) == sorted(
        {"one two", "three four", "five six", "seven"}
    )


class Reading(HashedEmbedder):
    """The hashed fake, counting the texts it reads token by token."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        self.read += list(texts)
        return super().tokens(texts)


def test_a_sentence_is_read_once_per_run_while_it_fits_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Events that share sentences share their reading; the memory it takes stays bounded."""
    reading = Reading()
    cache = EmbeddingCache(reading)
    first = cache.tokens(TEXTS)
    again = cache.tokens([TEXTS[2], "A new sentence here.", TEXTS[0]])
    assert reading.read == [*TEXTS, "A new sentence here."]  # each text once
    assert again[0] is first[2] and again[2] is first[0]
    # with room for about one text, older readings are dropped and read again, alike
    monkeypatch.setattr(cached, "TOKEN_MEMORY", first[0].vectors.nbytes)
    small = Reading()
    tight = EmbeddingCache(small)
    out = [tight.tokens([t])[0] for t in (*TEXTS, TEXTS[0])]
    assert small.read == [*TEXTS, TEXTS[0]]
    assert np.array_equal(out[3].vectors, out[0].vectors) and out[3].spans == out[0].spans


def test_pooled_errors_come_after_the_results_before_them() -> None:
    cache = EmbeddingCache(HashedEmbedder())

    def work(i: int) -> int:
        cache.encode([f"text {i}"])
        if i == 2:
            raise ValueError("event 2 failed")
        return i

    results = cache.pooled(work, [0, 1, 2, 3])
    assert [next(results), next(results)] == [0, 1]
    with pytest.raises(ValueError, match="event 2 failed"):
        next(results)


WORDS = st.lists(st.sampled_from(["the", "cat", "sat", "on", "mat", "cats", "sitting", "7"]))


@settings(max_examples=200, deadline=None)
@given(a=WORDS, b=WORDS)
def test_bit_parallel_lcs_matches_the_table(a: list[str], b: list[str]) -> None:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            left, up = table[i + 1][j], table[i][j + 1]
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(left, up)
    assert lcs_length(a, b) == table[-1][-1]


def test_fast_rouge_equals_rouge_score_exactly() -> None:
    reference = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    fast = FastRouge()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.txt"))]
    texts += ["", "!!!", "Running runners ran."]
    for target in texts[:4] + [""]:
        for prediction in texts:
            assert fast.score(target, prediction) == reference.score(target, prediction)
    # By sentences (tokenised once each, memoised): the scores of the joined texts.
    split = [[line[a:b] for line in t.splitlines() for a, b in split_line(line)] for t in texts]
    for target in split[:4] + [[]]:
        for prediction in split:
            expected = reference.score(" ".join(target), " ".join(prediction))
            assert fast.score_sentences(target, prediction) == expected


class _LoadsOnFirstCall(HashedEmbedder):
    """Takes `load` seconds to load on its first call, as the real model does, whichever call
    that is (`load_seconds`, as `SentenceTransformerEmbedder` reports it)."""

    def __init__(self, load: float) -> None:
        super().__init__()
        self.load, self.load_seconds = load, 0.0

    def _loaded(self) -> None:
        if not self.load_seconds:
            time.sleep(self.load)
            self.load_seconds = self.load

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self._loaded()
        return super().encode(texts)

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        self._loaded()
        return super().tokens(texts)


@pytest.mark.parametrize("first", ["read", "encode"])
def test_loading_the_model_is_timed_apart_from_the_call_that_loaded_it(first: str) -> None:
    cache = EmbeddingCache(_LoadsOnFirstCall(0.2), None, 100)
    calls = {"read": lambda: cache.tokens(["a b c"]), "encode": lambda: cache.encode(["a b c"])}
    calls[first]()
    for name in ("read", "encode"):
        calls[name]()
    assert 0.0 <= cache.seconds["read"] < 0.2 and 0.0 <= cache.seconds["encode"] < 0.2


class ReadsOnTheWay(Reading):
    """A fake that, like the real model, reads texts in the pass that encodes them
    (`encode_reading`), except those longer than `whole` characters."""

    whole = 40

    def encode_reading(
        self, texts: Sequence[str], reads: Collection[str]
    ) -> tuple[np.ndarray, dict[str, Tokens]]:
        passed = [t for t in texts if t in reads and len(t) <= self.whole]
        return self.encode(texts), dict(
            zip(passed, HashedEmbedder.tokens(self, passed), strict=True)
        )


def test_a_text_encoded_now_is_read_in_the_same_pass_not_again() -> None:
    long = "A sentence far too long to be read on the way in one pass here."
    embedder = ReadsOnTheWay()
    cache = EmbeddingCache(embedder)
    cache.encode([TEXTS[0]])  # encoded before: its reading needs a read of its own
    vectors, read = encode_and_read(cache, [*TEXTS, long])
    assert embedder.read == [TEXTS[0], long]
    assert np.array_equal(vectors, HashedEmbedder().encode([*TEXTS, long]))
    plain = HashedEmbedder().tokens([*TEXTS, long])
    assert all(np.array_equal(a.vectors, b.vectors) for a, b in zip(read, plain, strict=True))
    assert cache.tokens([TEXTS[1]])[0] is read[1]  # kept for the run like any reading


def test_an_event_reads_nothing_apart_from_the_passes_that_encode(fast_cfg: Config) -> None:
    """Cleaning encodes the sources' sentences and reads them on the way (coverage reads them
    as candidates or as facts), the facts and candidates likewise: no text is read twice, and
    the event scores as with separate reads."""
    fast_cfg.cache.enabled = False
    event = next(iter_events(fast_cfg.data))
    plain = run_event(event, fast_cfg, Resources.build(fast_cfg))
    fake = ReadsOnTheWay()
    fake.whole = 10_000
    res = Resources.build(fast_cfg)
    res.embedder = EmbeddingCache(fake)
    assert run_event(event, fast_cfg, res) == plain
    assert fake.read == []


def test_the_real_model_reads_in_its_encoding_pass_what_its_reader_reads(
    real_resources: Resources,
) -> None:
    """The first READ_LAYERS layers' output on the way to the sentence vector is the reading,
    bit for bit; a text the model cannot take whole is left to the reader's windows."""
    model = real_resources.embedder.embedder
    assert isinstance(model, SentenceTransformerEmbedder)
    long = " ".join(["The council met again on Monday to discuss the bridge."] * 30)
    texts = [*TEXTS, 'Kim Yo Jong denied it, calling the claims "absurd".', long]
    vectors, read = model.encode_reading(texts, set(texts))
    assert set(read) == set(texts) - {long}
    assert np.array_equal(vectors, model.encode(texts))
    for text, reader in zip(texts, model.tokens(texts), strict=True):
        if text in read:
            got = read[text]
            assert np.array_equal(got.vectors, reader.vectors), text
            assert got.spans == reader.spans and got.words == reader.words
