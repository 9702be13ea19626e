"""embedder.backend=onnx: the bundled model's graphs exported for real (once per session), its
vectors and token vectors against the torch path's, each row from its own text alone, the
export cached and written atomically, and the error when onnxruntime is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evalkit.config import CacheConfig, Config, EmbedderConfig
from evalkit.embed import READ_LAYERS, build_embedder
from evalkit.embed.onnx import OnnxEmbedder
from evalkit.errors import InputError
from evalkit.pipeline import Resources
from evalkit.run import evaluate

from .test_scale import same_outputs

TEXTS = [
    "Officers detained the shooter on Tuesday.",
    "Hi",
    "The flood displaced about 4,000 residents of the valley, officials said on Monday night.",
    "Kim Yo-jong warned Seoul again.",
    " ".join(["word"] * 300),  # longer than the model's input: read as two windows
]
# Largest difference from the torch path's float64 vectors, per component of a unit vector:
# float32 inference moved none by more than 1.1e-7 when measured; 1e-6 leaves room for kernels.
TOLERANCE = 1e-6


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> OnnxEmbedder:
    """An ONNX embedder whose graphs it exported itself, from the bundled weights."""
    embedder = OnnxEmbedder("bundled", 64, "auto", tmp_path_factory.mktemp("cache"))
    embedder.sessions  # noqa: B018  (exports)
    return embedder


def test_export_writes_both_graphs_and_no_temporary_file(exported: OnnxEmbedder) -> None:
    assert exported.exported == [f"encode-read{READ_LAYERS}", f"read{READ_LAYERS}"]
    assert sorted(p.name for p in exported.graphs.iterdir()) == [
        f"encode-read{READ_LAYERS}.onnx",
        f"read{READ_LAYERS}.onnx",
    ]
    assert exported.graphs.parent.name == "onnx"


def test_the_encoding_pass_reads_what_the_reader_reads(exported: OnnxEmbedder) -> None:
    """The pass graph's second output is the reading, bit for bit, as on the torch path; a
    text the model cannot take whole is left to the reader's windows."""
    vectors, read = exported.encode_reading(TEXTS, set(TEXTS))
    assert set(read) == set(TEXTS[:-1])
    assert np.array_equal(vectors, exported.encode(TEXTS))
    for text, reader in zip(TEXTS[:-1], exported.tokens(TEXTS[:-1]), strict=True):
        got = read[text]
        assert np.array_equal(got.vectors, reader.vectors), text
        assert got.spans == reader.spans and got.words == reader.words


def test_a_second_embedder_reuses_the_exported_graphs(exported: OnnxEmbedder) -> None:
    again = OnnxEmbedder("bundled", 64, "auto", exported.graphs.parent.parent)
    assert again.graphs == exported.graphs
    assert np.array_equal(again.encode(TEXTS), exported.encode(TEXTS))
    assert again.exported == []


def test_vectors_are_close_to_the_torch_paths(
    exported: OnnxEmbedder, real_resources: Resources
) -> None:
    torch_path = real_resources.embedder.embedder
    onnx, reference = exported.encode(TEXTS), torch_path.encode(TEXTS)
    assert onnx.dtype == np.float32 and onnx.shape == reference.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-6)
    assert np.abs(onnx - reference).max() < TOLERANCE


def test_token_vectors_have_the_torch_paths_tokens_and_are_close(
    exported: OnnxEmbedder, real_resources: Resources
) -> None:
    onnx, reference = exported.tokens(TEXTS), real_resources.embedder.embedder.tokens(TEXTS)
    assert len(onnx[-1].spans) == 300  # both windows read
    for mine, theirs in zip(onnx, reference, strict=True):
        assert mine.spans == theirs.spans and mine.words == theirs.words
        assert mine.vectors.dtype == np.float32 and mine.vectors.shape == theirs.vectors.shape
        assert np.abs(mine.vectors - theirs.vectors).max() < TOLERANCE


def test_each_row_depends_on_its_own_text_alone(exported: OnnxEmbedder) -> None:
    """Alone (a batch of one row), among others, in another order: the same bits."""
    batched = exported.encode(TEXTS)
    alone = np.concatenate([exported.encode([t]) for t in TEXTS])
    assert np.array_equal(batched, alone)
    assert np.array_equal(exported.encode(TEXTS[::-1]), batched[::-1])
    tokens = exported.tokens(TEXTS)
    for text, together in zip(TEXTS, tokens, strict=True):
        assert np.array_equal(exported.tokens([text])[0].vectors, together.vectors)


def test_a_failed_export_leaves_nothing_to_reuse(
    exported: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    def killed(module: object, args: object, f: str, **kwargs: object) -> None:
        Path(f).write_bytes(b"half a graph")
        raise KeyboardInterrupt

    monkeypatch.setattr(torch.onnx, "export", killed)
    embedder = OnnxEmbedder("bundled", 64, "auto", tmp_path)
    with pytest.raises(KeyboardInterrupt):
        embedder.encode(["A sentence."])
    assert list(embedder.graphs.iterdir()) == []


def test_backends_never_share_a_disk_cache(exported: OnnxEmbedder) -> None:
    cache = CacheConfig(dir=str(exported.graphs.parent.parent))
    built = [build_embedder(EmbedderConfig(backend=b), cache) for b in ("onnx", "onnx-int8")]
    plain = build_embedder(EmbedderConfig(backend="torch"), cache)
    assert all(isinstance(b.embedder, OnnxEmbedder) for b in built)
    assert [b.embedder.int8 for b in built] == [False, True]  # type: ignore[attr-defined]
    folders = {b.disk.folder for b in (*built, plain) if b.disk is not None}
    assert len(folders) == 3


@pytest.fixture(scope="session")
def int8(exported: OnnxEmbedder) -> OnnxEmbedder:
    """The int8 embedder, quantising the float32 graphs `exported` wrote."""
    embedder = OnnxEmbedder("bundled", 64, "auto", exported.graphs.parent.parent, int8=True)
    embedder.sessions  # noqa: B018  (quantises)
    return embedder


def test_int8_quantises_both_graphs_once(int8: OnnxEmbedder) -> None:
    assert int8.exported == [f"encode-read{READ_LAYERS}-int8", f"read{READ_LAYERS}-int8"]
    again = OnnxEmbedder("bundled", 64, "auto", int8.graphs.parent.parent, int8=True)
    assert np.array_equal(again.encode(TEXTS), int8.encode(TEXTS)) and again.exported == []


def test_int8_rows_depend_on_their_own_text_alone(int8: OnnxEmbedder) -> None:
    """Each text runs alone, so a batch, its order or its padding changes no bit."""
    batched = int8.encode(TEXTS)
    assert np.array_equal(batched, np.concatenate([int8.encode([t]) for t in TEXTS]))
    assert np.array_equal(int8.encode(TEXTS[::-1]), batched[::-1])
    vectors, read = int8.encode_reading(TEXTS, set(TEXTS))
    assert np.array_equal(vectors, batched)
    for text, together in zip(TEXTS, int8.tokens(TEXTS), strict=True):
        assert np.array_equal(int8.tokens([text])[0].vectors, together.vectors)
        if text in read:  # the pass's reading is the reader's
            assert np.array_equal(read[text].vectors, together.vectors)


def test_int8_vectors_are_near_float32s_but_not_the_same(
    int8: OnnxEmbedder, exported: OnnxEmbedder
) -> None:
    mine, theirs = int8.encode(TEXTS), exported.encode(TEXTS)
    assert mine.dtype == np.float32 and np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-6)
    agreement = (mine * theirs).sum(axis=1)
    assert agreement.min() > 0.95 and agreement.max() < 1 - 1e-6


def test_without_onnxruntime_the_backend_names_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(InputError, match=r"embedder\.backend=onnx .*pip install onnxruntime onnx"):
        build_embedder(EmbedderConfig(backend="onnx"), CacheConfig(dir=str(tmp_path)))


def test_onnxruntime_writes_nothing_in_the_users_home(tmp_path: Path) -> None:
    """Imported as evalkit imports it, ONNX Runtime keeps its telemetry device id out of
    ~/.cache (it writes one there on import unless told not to)."""
    unset = ("XDG_CACHE_HOME", "ORT_DISABLE_TELEMETRY")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    code = "import evalkit.ort, onnxruntime; onnxruntime.InferenceSession"
    subprocess.run([sys.executable, "-c", code], env=env | {"HOME": str(tmp_path)}, check=True)
    assert list(tmp_path.iterdir()) == []


def test_the_onnx_backend_refuses_the_gpu(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"embedder\.device=auto or cpu"):
        OnnxEmbedder("bundled", 64, "cuda", tmp_path)


def test_int8_tables_are_the_same_with_a_cold_warm_or_no_cache(
    int8: OnnxEmbedder, tmp_path: Path
) -> None:
    """The seeds with embedder.backend=onnx-int8: no cache, then a cold cache, then the warm
    one (every vector and measurement read back), byte for byte."""

    def run(name: str, cached: bool) -> Path:
        cfg = Config()
        cfg.embedder.backend = "onnx-int8"
        cfg.report.html = cfg.report.plots = False
        cfg.cache.enabled = cached
        cfg.cache.dir = str(int8.graphs.parent.parent)  # the graphs `int8` quantised
        evaluate(cfg, tmp_path / name)
        return tmp_path / name

    plain = run("plain", cached=False)
    assert same_outputs(plain, run("cold", cached=True))
    assert same_outputs(plain, run("warm", cached=True))
