"""entail.backend=onnx: evalkit's cross-encoder and a local Hugging Face checkpoint exported for
real (the shipped model once per session), their probabilities against the torch backend's,
each row from its own pair alone, the export reused, a cache namespace of its own, and the
errors a user can hit; onnx-int8: the graph quantised once, each pair read alone."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from evalkit.config import CacheConfig, EntailConfig
from evalkit.entail import EntailCache, MiniLMEntailer, _run, build_entailer, unsure
from evalkit.entail.onnx import OnnxEntailer
from evalkit.errors import InputError

from .conftest import model_libraries_loaded
from .test_entail import _tiny_checkpoint, seed_pairs

PAIRS = [
    ("The bridge reopened to traffic on Monday.", "The bridge reopened on Monday."),
    ("The bridge reopened to traffic on Monday.", "The bridge did not reopen."),
    ("Police arrested 12 people in Leeds on Monday after the match.", "The mayor resigned."),
    ("Hi", "Hi"),
    (" ".join(["word"] * 400), "A word."),  # longer than entail.max_tokens: the evidence is cut
]
# Largest difference from the torch backend's float64 probabilities: float32 logits moved none
# by more than 1.5e-6 when measured (400 seed pairs, benchmarks/bench_onnx.py --pairs 400);
# 1e-5 leaves room for other kernels and is far below any threshold's step.
TOLERANCE = 1e-5


def _entailer(cfg: EntailConfig, folder: Path) -> OnnxEntailer:
    built = build_entailer(cfg, CacheConfig(dir=str(folder)))
    assert built is not None and isinstance(built.entailer, OnnxEntailer)
    return built.entailer


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> OnnxEntailer:
    """The shipped model's ONNX entailer, its graph exported by itself into a fresh cache."""
    entailer = _entailer(EntailConfig(name="minilm", backend="onnx"), tmp_path_factory.mktemp("c"))
    entailer.session  # noqa: B018  (exports)
    return entailer


def test_the_export_writes_one_graph_and_a_second_entailer_reuses_it(
    exported: OnnxEntailer,
) -> None:
    assert exported.exported and exported.graph.name == "logits.onnx"
    assert [p.name for p in exported.graph.parent.iterdir()] == ["logits.onnx"]  # no temporary
    assert exported.graph.parent.parent.name == "onnx"
    again = _entailer(EntailConfig(name="minilm", backend="onnx"), exported.graph.parents[2])
    assert np.array_equal(again.entail(PAIRS), exported.entail(PAIRS))
    assert again.graph == exported.graph and not again.exported
    # the torch model is not loaded to tokenise, only to check doubtful pairs in float64
    assert ("loaded" in again.inner.__dict__) == unsure(_run(again, PAIRS)).any()


def test_the_shipped_model_gives_the_torch_backends_numbers(exported: OnnxEntailer) -> None:
    """Float32 logits from ONNX Runtime, checked as the torch backend checks its own float32
    ones (`entail.checked`): the same probabilities, bit for bit."""
    torch_backend = build_entailer(EntailConfig(name="minilm"))
    assert torch_backend is not None
    pairs = PAIRS + seed_pairs()
    onnx, reference = exported.entail(pairs), torch_backend.entail(pairs)
    assert onnx.dtype == np.float32 and onnx.shape == reference.shape == (len(pairs), 2)
    assert np.array_equal(onnx, reference)
    fast = _run(exported, pairs)  # ONNX Runtime's float32 logits alone
    assert unsure(fast).any()  # some pairs were checked in float64
    # float32: close to float64, not the same bits
    assert 0 < np.abs(fast - _run(torch_backend.entailer, pairs)).max() < TOLERANCE


def test_each_row_depends_on_its_own_pair_alone(exported: OnnxEntailer) -> None:
    """Alone (a batch of one row), among others, in another order: the same bits."""
    batched = exported.entail(PAIRS)
    assert np.array_equal(np.concatenate([exported.entail([p]) for p in PAIRS]), batched)
    assert np.array_equal(exported.entail(PAIRS[::-1]), batched[::-1])


def test_backends_never_share_a_disk_cache(exported: OnnxEntailer) -> None:
    cache = CacheConfig(dir=str(exported.graph.parents[2]))
    onnx = build_entailer(EntailConfig(name="minilm", backend="onnx"), cache)
    plain = build_entailer(EntailConfig(name="minilm"), cache)
    assert isinstance(onnx, EntailCache) and isinstance(plain, EntailCache)
    assert onnx.disk is not None and plain.disk is not None
    assert onnx.disk.folder != plain.disk.folder
    assert onnx.fingerprint == plain.fingerprint  # the same weights
    # run.json says which way the model ran
    assert "onnxruntime" in onnx.variant and onnx.variant.endswith("-f32-grid256")
    assert plain.variant.endswith("-f32-grid256") and "onnx" not in plain.variant


def test_int8_quantises_the_exported_graph_once_and_reads_each_pair_alone(
    exported: OnnxEntailer,
) -> None:
    folder = exported.graph.parents[2]
    int8 = _entailer(EntailConfig(name="minilm", backend="onnx-int8"), folder)
    got = int8.entail(PAIRS)
    assert int8.exported  # quantised here; the float32 graph was the session's export
    graphs = {p.name: p.stat().st_size for p in exported.graph.parent.iterdir()}
    assert sorted(graphs) == ["logits-int8.onnx", "logits.onnx"]  # no temporary
    assert graphs["logits-int8.onnx"] < graphs["logits.onnx"] / 2  # int8 weights
    reference = _run(exported, PAIRS)  # the float32 graph's own, off the grid
    # int8: near the float32 probabilities (the sentences), the same side of 0.5 (every pair)
    assert 0 < np.abs(got - reference)[:3].max() < 0.05
    assert np.array_equal(got[:, 0] > 0.5, reference[:, 0] > 0.5)
    # each pair alone, cut to its own tokens: the same bits alone, among others, reordered
    assert np.array_equal(np.concatenate([int8.entail([p]) for p in PAIRS]), got)
    assert np.array_equal(int8.entail(PAIRS[::-1]), got[::-1])
    again = _entailer(EntailConfig(name="minilm", backend="onnx-int8"), folder)
    assert np.array_equal(again.entail(PAIRS), got) and not again.exported
    # a cache namespace of its own
    assert int8.variant == exported.variant.removesuffix("-grid256") + "-int8"
    assert int8.entail([]).shape == (0, 2)


def test_a_hugging_face_checkpoint_runs_on_onnx_too(tmp_path: Path) -> None:
    folder = _tiny_checkpoint(tmp_path / "nli", {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})
    cfg = EntailConfig(name="hf", model=str(folder), backend="onnx")
    onnx = _entailer(cfg, tmp_path / "cache")
    got = onnx.entail(PAIRS)
    assert onnx.exported and onnx.labels == (2, 0) and not onnx.checked
    reference = build_entailer(EntailConfig(name="hf", model=str(folder)))
    assert reference is not None
    assert np.abs(got - reference.entail(PAIRS)).max() < TOLERANCE
    assert np.array_equal(np.concatenate([onnx.entail([p]) for p in PAIRS]), got)


def test_without_onnxruntime_the_backend_names_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(InputError, match=r"entail\.backend=onnx .*pip install onnxruntime onnx"):
        build_entailer(EntailConfig(name="minilm", backend="onnx"), CacheConfig(dir=str(tmp_path)))


def test_without_a_usable_cache_the_graph_is_exported_for_the_run_alone(
    exported: OnnxEntailer, tmp_path: Path
) -> None:
    """cache.enabled=false, or a cache.dir that cannot be a folder: the run still gets the
    model's numbers, from a graph in a folder of its own process, and writes nothing there."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    for cache in (
        CacheConfig(enabled=False, dir=str(tmp_path / "off")),
        CacheConfig(dir=str(blocked / "cache")),
    ):
        built = build_entailer(EntailConfig(name="minilm", backend="onnx"), cache)
        assert built is not None and isinstance(built.entailer, OnnxEntailer)
        assert np.array_equal(built.entailer.entail(PAIRS), exported.entail(PAIRS))
        assert built.entailer.graph.is_file() and tmp_path not in built.entailer.graph.parents
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_the_shipped_model_runs_on_torch_where_entail_device_finds_a_gpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a GPU torch runs it in float64, the same numbers (`MiniLMEntailer.entail`); this
    machine's GPU is stood in for (the model is not loaded to build the entailer)."""
    monkeypatch.setattr("evalkit.entail.resolve", lambda device, _: "cuda")
    built = build_entailer(EntailConfig(name="minilm", backend="onnx"))
    assert built is not None and isinstance(built.entailer, MiniLMEntailer)
    assert built.entailer.device == "cuda" and built.variant.endswith("-f32-grid256")


def test_the_onnx_backend_refuses_the_gpu_but_for_the_shipped_model(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"entail\.backend=onnx-int8 runs on the CPU"):
        build_entailer(EntailConfig(name="minilm", backend="onnx-int8", device="cuda"))
    with pytest.raises(InputError, match=r"entail\.backend=onnx runs on the CPU; .*entail\.device"):
        build_entailer(EntailConfig(name="hf", model=str(tmp_path), backend="onnx", device="cuda"))


def test_a_warm_rerun_with_the_shipped_model_imports_no_model_library(tmp_path: Path) -> None:
    """entail=minilm (ONNX Runtime by default): the cold run exports the graph (torch, onnx),
    a rerun with another threshold judges the stored measurements and imports neither."""
    common = ["entail=minilm", f"cache.dir={tmp_path / 'cache'}", "report.html=false"]
    cold = model_libraries_loaded("run", *common, f"hydra.run.dir={tmp_path / 'cold'}")
    assert cold == ["onnx", "torch"]
    warm = [*common, f"hydra.run.dir={tmp_path / 'warm'}", "verifier.threshold=0.6"]
    assert model_libraries_loaded("run", *warm) == []
    assert (tmp_path / "warm" / "claims.csv").read_bytes() != (
        tmp_path / "cold" / "claims.csv"
    ).read_bytes()
