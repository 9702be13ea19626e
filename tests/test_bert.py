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


@pytest.mark.parametrize(
    ("entail", "loaded"),
    [("none", ["torch"]), ("minilm", ["onnx", "torch"])],  # minilm: its ONNX graph exported
)
def test_a_run_of_the_bundled_models_imports_neither_transformers_nor_sentence_transformers(
    tmp_path: Path, entail: str, loaded: list[str]
) -> None:
    run = [f"hydra.run.dir={tmp_path / 'run'}", "cache.enabled=false", "report.html=false"]
    assert model_libraries_loaded("run", f"entail={entail}", *run) == loaded


def _cls_pooled(tmp_path: Path) -> Path:
    """A copy of the bundled folder that pools the [CLS] token instead of the mean."""
    folder = tmp_path / "cls-model"
    shutil.copytree(bundled_model_path(), folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config |= {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}
    pooling.write_text(json.dumps(config))
    return folder


PAIRS = [
    ("Kim Yo Jong denied that her country exported weapons to Russia.", "She denied it."),
    ("The flood displaced about 4,000 residents of the valley.", "4,000 people left."),
    ("word " * 300, "A claim longer than nothing."),  # cut: the evidence loses tokens
    ("Short.", "The claim is the longer side of this pair, so it is cut as well. " * 12),
]


def test_the_entailment_model_runs_bit_for_bit_as_its_transformers_training_model() -> None:
    """`entail.model.Trained` (plain torch) against the `CrossEncoder` `evalkit train` trains
    (transformers' BERT), on the shipped weights; and the pair tokenizer against
    transformers' tokenizer, cut and padded as entail asks."""
    import torch
    import transformers
    from safetensors.torch import load_file

    from evalkit.entail import SHIPPED
    from evalkit.entail.model import PairTokenizer, Trained, fresh

    base = bundled_model_path()
    theirs, their_tokenizer = fresh(base, frozen_layers=2, seed=0)
    weights = load_file(str(SHIPPED))
    theirs.load_state_dict({k: v.double() for k, v in weights.items()}, strict=False)
    theirs = theirs.double().eval()
    mine = Trained(SHIPPED, base, "cpu")
    tokenizer = PairTokenizer(base)
    assert isinstance(their_tokenizer, transformers.PreTrainedTokenizerBase)
    first, second = [p for p, _ in PAIRS], [h for _, h in PAIRS]
    for kwargs in ({"max_length": 64}, {"max_length": 256, "padding": "max_length"}):
        args = {"truncation": "longest_first", "return_tensors": "pt", **kwargs}
        if "padding" not in kwargs:  # unpadded rows of several lengths: one pair at a time
            for p, h in PAIRS:
                got, expected = tokenizer([p], [h], **args), their_tokenizer([p], [h], **args)
                assert {k: v.tolist() for k, v in got.items()} == {
                    k: expected[k].tolist() for k in got
                }
            continue
        got, expected = tokenizer(first, second, **args), their_tokenizer(first, second, **args)
        assert set(got) == set(expected)
        assert all(torch.equal(got[k], expected[k]) for k in got)
        with torch.inference_mode():
            assert torch.equal(mine(**got), theirs(**got))
            n = int(got["attention_mask"][0].sum())
            one = {k: v[:1, :n] for k, v in got.items()}  # one row, no padding
            assert torch.equal(mine(**one), theirs(**one))
    assert len(tokenizer(["word " * 300], ["a claim"], max_length=64)["input_ids"][0]) == 64


def test_a_damaged_or_missing_tokenizer_is_a_one_line_input_error(tmp_path: Path) -> None:
    """A garbled tokenizer.json was an internal error; a folder without tokenizer.json and
    vocab.txt ran with every word [UNK], scoring noise with exit 0. Both are refused."""
    from evalkit.errors import InputError

    damaged = tmp_path / "damaged"
    shutil.copytree(bundled_model_path(), damaged)
    (damaged / "tokenizer.json").write_text('{"bad json\n', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"^embedder.model: cannot read .*tokenizer.json \(.*intact"
    ):
        SentenceTransformerEmbedder(str(damaged), device="cpu").encode(["A sentence."])
    for name in ("tokenizer.json", "vocab.txt"):
        (damaged / name).unlink()
    with pytest.raises(
        InputError, match=r"^embedder.model: .*damaged has no vocabulary \(no tokenizer.json or"
    ) as err:
        SentenceTransformerEmbedder(str(damaged), device="cpu").encode(["A sentence."])
    assert "\n" not in str(err.value)


def test_a_damaged_model_folder_or_entailment_file_is_a_one_line_input_error(
    tmp_path: Path,
) -> None:
    from safetensors.torch import load_file, save_file

    from evalkit.config import EntailConfig
    from evalkit.entail import build_entailer
    from evalkit.errors import InputError

    damaged = tmp_path / "damaged"
    shutil.copytree(bundled_model_path(), damaged)
    (damaged / "model.safetensors").write_bytes(b"half a file")
    with pytest.raises(
        InputError, match=r"embedder.model: cannot read .*model.safetensors .*intact"
    ):
        SentenceTransformerEmbedder(str(damaged)).encode(["A sentence."])
    weights = load_file(str(bundled_model_path() / "model.safetensors"))
    del weights["encoder.layer.3.output.dense.weight"]
    save_file(weights, str(damaged / "model.safetensors"))
    with pytest.raises(InputError, match="1 weights missing, e.g. encoder.layer.3.output.dense"):
        SentenceTransformerEmbedder(str(damaged)).encode(["A sentence."])
    # a folder that is no plain BERT (no modules.json) loads through sentence-transformers,
    # whose transformers reports a damaged config.json as an OSError without an errno
    other = tmp_path / "other"
    other.mkdir()
    (other / "config.json").write_text('{"x":', encoding="utf-8")
    shutil.copy(bundled_model_path() / "model.safetensors", other / "model.safetensors")
    with pytest.raises(InputError, match=r"embedder.model: cannot read .*other .*config.json"):
        SentenceTransformerEmbedder(str(other)).encode(["A sentence."])
    garbage = tmp_path / "model.safetensors"
    garbage.write_bytes(b"not a model")
    entailer = build_entailer(EntailConfig(name="minilm", model=str(garbage)))
    assert entailer is not None
    with pytest.raises(InputError, match=r"entail.model: cannot read .*evalkit train"):
        entailer.entail([("The sky is blue.", "The sky is blue.")])
