"""The bundled model's kind of sentence-transformers model, run with transformers alone.

all-MiniLM-L6-v2 is three sentence-transformers modules: a Transformer, mean Pooling and
Normalize. `MeanPooled` does their arithmetic, in their order, on the same transformers model
and tokenizer, so its vectors are the same bits (tests/test_embed_bert.py holds it to that). It
exists because importing sentence-transformers (scikit-learn with it) takes about two seconds,
longer than the seeds run's own work. A model folder of any other shape is loaded with
sentence-transformers (`plain` says which).

Imported only when a model loads: it imports torch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

_MODULES = [
    "sentence_transformers.models.Transformer",
    "sentence_transformers.models.Pooling",
    "sentence_transformers.models.Normalize",
]


def plain(folder: Path) -> bool:
    """Whether the folder holds a model `MeanPooled` runs: a Transformer at its root, mean
    pooling alone, normalisation, and text taken as it is (not lower-cased)."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads(
            (folder / modules[1]["path"] / "config.json").read_text(encoding="utf-8")
        )
        settings = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    return (
        [m.get("type") for m in modules] == _MODULES
        and modules[0].get("path") == ""
        and modes == {"pooling_mode_mean_tokens"}
        and not settings.get("do_lower_case", False)
        and isinstance(settings.get("max_seq_length"), int)
    )


class MeanPooled(torch.nn.Module):
    """What evalkit uses of a SentenceTransformer of that shape: `preprocess`, a call that
    gives "sentence_embedding", `[0].auto_model`, `tokenizer`, `max_seq_length` and
    `get_embedding_dimension`."""

    def __init__(self, folder: Path, device: str) -> None:
        import transformers

        super().__init__()
        settings = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.max_seq_length: int = settings["max_seq_length"]
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(
            str(folder), model_max_length=self.max_seq_length
        )
        self.auto_model = transformers.AutoModel.from_pretrained(str(folder))
        self.to(device)

    def __getitem__(self, index: int) -> MeanPooled:
        if index != 0:
            raise IndexError(index)
        return self  # the Transformer module: it holds `auto_model`

    def get_embedding_dimension(self) -> int:
        return int(self.auto_model.config.hidden_size)

    def preprocess(
        self, texts: Sequence[str], processing_kwargs: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Token ids as sentence-transformers makes them: padded to the longest (or as
        `processing_kwargs["text"]` says), truncated to `max_seq_length`."""
        options = {"padding": True, "truncation": "longest_first"}
        options.update((processing_kwargs or {}).get("text") or {})
        return dict(self.tokenizer(list(texts), return_tensors="pt", **options))

    def forward(self, features: dict[str, Any]) -> dict[str, Any]:
        """Normalised mean of the last layer's token vectors over the attention mask."""
        names = ("input_ids", "attention_mask", "token_type_ids")
        tokens = self.auto_model(
            **{k: features[k] for k in names if k in features}, return_dict=True
        ).last_hidden_state
        mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
        total = (tokens * mask).sum(dim=1, dtype=tokens.dtype)
        count = torch.clamp(mask.sum(dim=1, dtype=tokens.dtype), min=1e-9)
        vectors = torch.nn.functional.normalize(total / count, p=2, dim=-1)
        return {**features, "sentence_embedding": vectors}
