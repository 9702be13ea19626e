"""The sentence model's arithmetic in plain torch: a BERT encoder, mean pooling and
normalisation, for a sentence-transformers folder that is exactly that (the bundled
all-MiniLM-L6-v2 is).

Why not sentence-transformers: importing it (and transformers, which it imports) takes 6-7 s on
a 2-core CPU, more than all the model work of a run on the seeds. This module needs torch,
safetensors and tokenizers alone. It runs the same torch operations in the same order as
transformers' BERT with its default (SDPA) attention, so its float64 output is bit for bit
sentence-transformers' (`tests/test_bert.py` compares them); any other folder runs on
sentence-transformers (`models.StNet`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evalkit.errors import InputError


def plain(folder: Path) -> bool:
    """Whether a sentence-transformers folder is a BERT, mean pooling and normalisation only,
    with its weights in safetensors, a fast tokenizer and no lower-casing of sentence-
    transformers' own: what `BertNet` runs."""
    try:
        modules = json.loads((folder / "modules.json").read_text())
        config = json.loads((folder / "config.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((folder / modules[1]["path"] / "config.json").read_text())
        # sentence-transformers lower-cases the text itself where this says so
        lower = json.loads((folder / "sentence_bert_config.json").read_text()).get("do_lower_case")
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return False
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v is True}
    return (
        kinds == ["Transformer", "Pooling", "Normalize"]
        and modes == {"pooling_mode_mean_tokens"}
        and config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and not lower
        and (folder / "model.safetensors").is_file()
        and (folder / "tokenizer.json").is_file()
    )


def max_tokens(folder: Path) -> int:
    """The model's input length in tokens, [CLS] and [SEP] included (sentence-transformers'
    `max_seq_length`)."""
    try:
        return int(json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return positions(folder)


def positions(folder: Path) -> int:
    """How many tokens a BERT model folder reads at most (its position embeddings)."""
    return int(json.loads((folder / "config.json").read_text())["max_position_embeddings"])


def hidden_size(folder: Path) -> int:
    """The length of the model's vectors."""
    return int(json.loads((folder / "config.json").read_text())["hidden_size"])


class BertNet:
    """The model of a `plain` folder: `both` and `reader` as `models.Net` asks, in `dtype`."""

    def __init__(
        self, folder: Path, device: str, dtype: Any, overlay: Mapping[str, Any] | None = None
    ) -> None:
        """The weights in `folder`, those named in `overlay` replaced (a trained model's upper
        layers: `entail.model`). A "bert." before a name is dropped."""
        from safetensors.torch import load_file

        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.dim = int(config["hidden_size"])
        weights = load_file(str(folder / "model.safetensors")).items()
        named = {k.removeprefix("bert."): v for k, v in [*weights, *(overlay or {}).items()]}
        needed = _names(self.layers)
        missing = [k for k in needed if k not in named]
        if missing:
            raise ValueError(f"{len(missing)} weights missing, e.g. {missing[0]}")
        self.w = {k: named[k].to(device=device, dtype=dtype) for k in needed}

    def to(self, dtype: Any) -> BertNet:
        """The same model in `dtype` (in place)."""
        self.w = {k: v.to(dtype) for k, v in self.w.items()}
        return self

    def held(self) -> Any:
        """A torch module whose buffers are these weights (`ort.export` needs one)."""
        return held(list(self.w.values()))

    def _linear(self, x: Any, name: str) -> Any:
        import torch.nn.functional as F

        return F.linear(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"])

    def _norm(self, x: Any, name: str) -> Any:
        import torch.nn.functional as F

        w = self.w
        return F.layer_norm(x, (self.dim,), w[f"{name}.weight"], w[f"{name}.bias"], self.eps)

    def hidden(self, ids: Any, mask: Any, layers: int, types: Any = None) -> list[Any]:
        """The token vectors after each of the first `layers` layers (padded rows of `ids`,
        1 in `mask` for a real token; `types`: which text of a pair each token is in)."""
        import torch
        import torch.nn.functional as F

        w = self.w
        rows, n = ids.shape
        types = torch.zeros_like(ids) if types is None else types
        x = F.embedding(ids, w["embeddings.word_embeddings.weight"])
        x = x + F.embedding(types, w["embeddings.token_type_embeddings.weight"])
        x = x + w["embeddings.position_embeddings.weight"][:n].unsqueeze(0)
        x = self._norm(x, "embeddings.LayerNorm")
        # As transformers: no mask where no row is padded (SDPA then takes another kernel).
        # An exported graph keeps the branch its sample took: a padded sample, so the mask.
        keep = None if bool(mask.all()) else mask.bool()[:, None, None, :].expand(rows, 1, n, n)
        out = []
        for i in range(layers):
            at = f"encoder.layer.{i}."
            q, k, v = (
                self._linear(x, f"{at}attention.self.{part}").view(rows, n, self.heads, -1)
                for part in ("query", "key", "value")
            )
            q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)
            a = F.scaled_dot_product_attention(
                q, k, v, attn_mask=keep, dropout_p=0.0, scale=q.shape[-1] ** -0.5
            )
            a = a.transpose(1, 2).contiguous().reshape(rows, n, -1).contiguous()
            x = self._linear(a, f"{at}attention.output.dense") + x
            x = self._norm(x, f"{at}attention.output.LayerNorm")
            h = F.gelu(self._linear(x, f"{at}intermediate.dense"))
            x = self._norm(self._linear(h, f"{at}output.dense") + x, f"{at}output.LayerNorm")
            out.append(x)
        return out

    def both(self, ids: Any, mask: Any, read: int) -> tuple[Any, Any]:
        """Normalised mean-pooled sentence vectors, and the token vectors after layer `read`."""
        import torch
        import torch.nn.functional as F

        layers = self.hidden(ids, mask, self.layers)
        x = layers[-1]
        m = mask.unsqueeze(-1).to(x.dtype)
        count = torch.clamp(m.sum(dim=1, dtype=x.dtype), min=1e-9)
        mean = (x * m).sum(dim=1, dtype=x.dtype) / count
        return F.normalize(mean, p=2, dim=-1), layers[read - 1]

    def reader(self, ids: Any, mask: Any, read: int) -> Any:
        """The token vectors after the first `read` layers alone."""
        return self.hidden(ids, mask, read)[-1]


def _names(layers: int) -> list[str]:
    """The weights `BertNet.hidden` reads."""
    parts = [
        "attention.self.query",
        "attention.self.key",
        "attention.self.value",
        "attention.output.dense",
        "attention.output.LayerNorm",
        "intermediate.dense",
        "output.dense",
        "output.LayerNorm",
    ]
    embeddings = ["word_embeddings", "position_embeddings", "token_type_embeddings"]
    return [
        *(f"embeddings.{e}.weight" for e in embeddings),
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias",
        *(
            f"encoder.layer.{i}.{p}.{w}"
            for i in range(layers)
            for p in parts
            for w in ("weight", "bias")
        ),
    ]


def held(tensors: list[Any]) -> Any:
    """A torch module with `tensors` as its buffers (the same tensors: an exporter that traces
    a call finds them there)."""
    import torch

    module = torch.nn.Module()
    for i, tensor in enumerate(tensors):
        module.register_buffer(f"w{i}", tensor)
    return module


@contextmanager
def refused(option: str, where: Path, fix: str) -> Iterator[None]:
    """A damaged weights file (safetensors' own error) or a weight missing from it, while the
    block reads a model, as a one-line `InputError` naming `option`, `where` and the `fix`."""
    from safetensors import SafetensorError

    try:
        yield
    except (SafetensorError, ValueError, KeyError, OSError) as err:
        if isinstance(err, OSError) and err.errno is not None:
            raise  # the disk's failure, not the folder's (evalkit.errors says which)
        # (transformers reports a damaged config.json as an OSError without an errno)
        found = " ".join(str(err).split())
        raise InputError(f"{option}: cannot read {where} ({found}); {fix}") from None
