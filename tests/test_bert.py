"""The bundled model run without sentence-transformers (`embed/bert.py`): bit for bit what
sentence-transformers computes, and any other model folder still runs on it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from evalkit.embed import READ_LAYERS, SentenceTransformerEmbedder, bundled_model_path
from evalkit.embed.bert import plain
from evalkit.embed.models import StNet

from .conftest import model_libraries_loaded

TEXTS = [
    "Officers detained the shooter on Tuesday.",
    "Kim Yo Jong called it “the most absurd paradox”.",
    "naïve café — 東京 😀 tab\there",
    "",
    "word " * 400,  # longer than the model's input: cut, as sentence-transformers cuts it
    "A short one.",
]


@pytest.fixture(scope="module")
def st_model():  # type: ignore[no-untyped-def]
    import torch

    return StNet(bundled_model_path(), "cpu", torch.float64)


def test_the_bundled_folder_is_plain_and_a_cls_pooled_copy_is_not(tmp_path: Path) -> None:
    assert plain(bundled_model_path())
    copy = _cls_pooled(tmp_path)
    assert not plain(copy)
    assert not plain(tmp_path / "missing")


def test_tokens_are_sentence_transformers_own(st_model: StNet) -> None:
    embedder = SentenceTransformerEmbedder()
    features = st_model.model.preprocess(TEXTS)
    for i, text in enumerate(TEXTS):
        row = embedder._row(embedder._words([text])[0].ids)
        length = int(features["attention_mask"][i].sum())
        assert row == features["input_ids"][i][:length].tolist()
    assert len(embedder._row(embedder._words([TEXTS[4]])[0].ids)) == embedder.limit == 256


def test_vectors_and_reading_are_sentence_transformers_bit_for_bit(st_model: StNet) -> None:
    import torch

    embedder = SentenceTransformerEmbedder()
    rows = [embedder._row(w.ids) for w in embedder._words(TEXTS)]
    for batch in (rows[:2], rows[3:4], rows):  # padded rows, one unpadded row, a mix
        size = max(len(r) for r in batch)
        ids, mask = embedder._padded(batch, size)
        with torch.inference_mode():
            mine = embedder.net.both(ids, mask, READ_LAYERS)
            theirs = st_model.both(ids, mask, READ_LAYERS)
            read = embedder.net.reader(ids, mask, READ_LAYERS)
            their_read = st_model.reader(ids, mask, READ_LAYERS)
        assert torch.equal(mine[0], theirs[0]) and torch.equal(mine[1], theirs[1])
        assert torch.equal(read, their_read) and torch.equal(read, mine[1])
    vectors = st_model.model.encode(TEXTS, convert_to_numpy=True, normalize_embeddings=True)
    assert np.array_equal(embedder.encode(TEXTS), vectors.astype(np.float32))


def test_another_folder_runs_on_sentence_transformers(tmp_path: Path) -> None:
    from sentence_transformers import SentenceTransformer

    folder = _cls_pooled(tmp_path)
    embedder = SentenceTransformerEmbedder(str(folder))
    assert isinstance(embedder.net, StNet)
    model = SentenceTransformer(str(folder), device="cpu").double()
    expected = model.encode(TEXTS, convert_to_numpy=True, normalize_embeddings=True)
    assert np.array_equal(embedder.encode(TEXTS), expected.astype(np.float32))
    bundled = SentenceTransformerEmbedder().encode(TEXTS)
    assert not np.allclose(embedder.encode(TEXTS), bundled)  # the pooling did change
    read = embedder.tokens(TEXTS[:1])[0]
    assert read.vectors.shape == (len(read.spans), 384) and read.spans[0] == (0, 8)


def test_a_run_of_the_bundled_model_imports_neither_transformers_nor_sentence_transformers(
    tmp_path: Path,
) -> None:
    loaded = model_libraries_loaded(
        "run", f"hydra.run.dir={tmp_path / 'run'}", "cache.enabled=false", "report.html=false"
    )
    assert loaded == ["torch"]


def _cls_pooled(tmp_path: Path) -> Path:
    """A copy of the bundled folder that pools the [CLS] token instead of the mean."""
    folder = tmp_path / "cls-model"
    shutil.copytree(bundled_model_path(), folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config |= {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}
    pooling.write_text(json.dumps(config))
    return folder
