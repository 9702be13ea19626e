"""The bundled model run with transformers alone gives sentence-transformers' bits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch

from evalkit.embed import bundled_model_path
from evalkit.embed.bert import MeanPooled, plain

TEXTS = [
    "South Korean Defense Minister Shin Wonsik said North Korea had shipped about 7,000 "
    "containers filled with munitions to Russia since last year.",
    "kim yo jong 's statement , carried by state media , denied the claims .",
    "",
    "Ünïcödé — “quotes” and ‘single’ ones",
    " ".join(["A very long sentence that runs on and on"] * 40),  # past 256 tokens: truncated
]


def test_the_bundled_model_gives_sentence_transformers_bits() -> None:
    from sentence_transformers import SentenceTransformer

    folder = bundled_model_path()
    assert plain(folder)
    light = MeanPooled(folder, "cpu").eval().double()
    full = SentenceTransformer(str(folder), device="cpu").eval().double()
    assert light.max_seq_length == full.max_seq_length == 256
    assert light.get_embedding_dimension() == full.get_embedding_dimension()
    for options in (None, {"text": {"padding": "max_length", "max_length": 32}}):
        mine = light.preprocess(TEXTS, processing_kwargs=options)
        theirs = full.preprocess(TEXTS, processing_kwargs=options)
        tensors = {k: v for k, v in theirs.items() if isinstance(v, torch.Tensor)}
        assert set(mine) == set(tensors)
        assert all(torch.equal(mine[k], tensors[k]) for k in tensors)
        with torch.inference_mode():
            a = light(mine)["sentence_embedding"]
            b = full(theirs)["sentence_embedding"]
        assert a.dtype == torch.float64 and torch.equal(a, b)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: (d / "modules.json").write_text("[]"),  # no modules
        lambda d: (d / "1_Pooling" / "config.json").write_text(
            json.dumps({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False})
        ),
        lambda d: (d / "sentence_bert_config.json").write_text(
            json.dumps({"max_seq_length": 256, "do_lower_case": True})
        ),
        lambda d: (d / "modules.json").unlink(),
    ],
)
def test_a_model_of_another_shape_is_left_to_sentence_transformers(
    tmp_path: Path, change: object
) -> None:
    folder = tmp_path / "model"
    shutil.copytree(
        bundled_model_path(), folder, ignore=shutil.ignore_patterns("*.safetensors", "*.bin")
    )
    assert plain(folder)
    change(folder)  # type: ignore[operator]
    assert not plain(folder)
