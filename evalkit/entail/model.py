"""evalkit's entailment model: the bundled all-MiniLM-L6-v2 read as a cross-encoder.

A pair (evidence, claim) goes through the bundled BERT as one input, `[CLS] evidence [SEP]
claim [SEP]`; the mean of its last layer's token vectors goes through one linear layer to three
classes: entailment, neutral, contradiction. Training (`evalkit train`) changes only the upper
layers and the head, so a trained model is stored as those weights alone, in float16 (about
14 MB against the full model's 88 MB); everything below them is read from the bundled model.
A run reads it in float32 and checks the doubtful pairs in float64 (`entail.MiniLMEntailer`), so
the same pair gets the same probabilities on any CPU. Training runs it as transformers' BERT
(`CrossEncoder`); runs read it in plain torch (`Trained`, `PairTokenizer`), bit for bit the same
logits without importing transformers.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LABELS = ("entailment", "neutral", "contradiction")


def _torch() -> Any:
    import torch

    return torch


class CrossEncoder(_torch().nn.Module):  # type: ignore[misc]
    """BERT, mean pooling, one linear layer to the three labels."""

    def __init__(self, bert: Any, frozen_layers: int) -> None:
        torch = _torch()
        super().__init__()
        self.bert = bert
        self.frozen_layers = frozen_layers
        self.head = torch.nn.Linear(bert.config.hidden_size, len(LABELS))
        self.dropout = torch.nn.Dropout(0.1)

    def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
        """Logits, one row per pair."""
        out = self.bert(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        return self.head(self.dropout(mean_tokens(out, attention_mask)))

    def trained(self) -> dict[str, Any]:
        """The parameters training changes (and a model file stores): the head and the layers
        above the frozen ones."""
        keep = upper(self.frozen_layers, self.bert.config.num_hidden_layers)
        return {name: p for name, p in self.named_parameters() if name.startswith(keep)}


def mean_tokens(out: Any, attention_mask: Any) -> Any:
    """The mean of each row's token vectors (its real tokens only): what the head reads."""
    mask = attention_mask.unsqueeze(-1).to(out.dtype)
    return (out * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1)


def upper(frozen_layers: int, layers: int) -> tuple[str, ...]:
    """The name prefixes of the weights training changes: the head and the layers above the
    frozen ones (the BERT has no pooler: `fresh`)."""
    return ("head.", *(f"bert.encoder.layer.{i}." for i in range(frozen_layers, layers)))


def fresh(
    folder: Path, frozen_layers: int, seed: int, device: str = "cpu"
) -> tuple[CrossEncoder, Any]:
    """A cross-encoder on the weights in `folder` (a BERT model folder), with a new head, to
    train on `device`. On a GPU its attention is the plain ("eager") one: the fused kernels'
    backward (memory-efficient attention's) is not deterministic."""
    import transformers

    torch = _torch()
    transformers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()
    torch.manual_seed(seed)
    bert = transformers.AutoModel.from_pretrained(
        str(folder),
        add_pooling_layer=False,
        attn_implementation="eager" if device == "cuda" else None,  # None: transformers' own
    )
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(folder))
    model = CrossEncoder(bert, frozen_layers)
    trained = model.trained()
    for name, p in model.named_parameters():
        p.requires_grad = name in trained
    return model, tokenizer


def save(model: CrossEncoder, path: Path, card: dict[str, Any]) -> None:
    """The trained weights in float16 (`path`, safetensors) and the model card beside it."""
    from safetensors.torch import save_file

    weights = {
        k: v.detach().to("cpu", _torch().float16).contiguous() for k, v in model.trained().items()
    }
    # One metadata key: safetensors writes a metadata map in no fixed order, so a second key
    # would make two saves of the same weights differ byte for byte. (The labels are LABELS,
    # and the card says them too.)
    save_file(weights, str(path), metadata={"frozen_layers": str(model.frozen_layers)})
    path.with_suffix(".json").write_text(json.dumps(card, indent=2, sort_keys=True) + "\n")


class Trained:
    """A trained cross-encoder for inference, in plain torch (`embed.bert.BertNet`: importing
    transformers takes seconds): bit for bit `CrossEncoder`'s logits in eval mode."""

    def __init__(self, path: Path, base: Path, device: str) -> None:
        from safetensors import safe_open

        from evalkit.embed.bert import BertNet

        torch = _torch()
        with safe_open(str(path), framework="pt") as f:
            frozen = int((f.metadata() or {}).get("frozen_layers", "0"))
            weights = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (no iter)
        above = {k: v for k, v in weights.items() if k.startswith("bert.")}
        self.bert = BertNet(base, device, torch.float64, overlay=above)
        keep = upper(frozen, self.bert.layers)
        expected = {"head.weight", "head.bias"} | {
            f"bert.{k}" for k in self.bert.w if f"bert.{k}".startswith(keep)
        }
        missing = expected - set(weights)
        if missing:
            raise ValueError(f"{path} lacks {len(missing)} weights, e.g. {sorted(missing)[0]}")
        self.head = [
            weights[f"head.{k}"].to(device=device, dtype=torch.float64) for k in ("weight", "bias")
        ]

    def __call__(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
        """Logits, one row per pair."""
        import torch.nn.functional as F

        out = self.bert.hidden(input_ids, attention_mask, self.bert.layers, token_type_ids)[-1]
        return F.linear(mean_tokens(out, attention_mask), *self.head)

    def held(self) -> Any:
        """A torch module whose buffers are its weights (`ort.export` needs one)."""
        from evalkit.embed.bert import held

        return held([*self.bert.w.values(), *self.head])

    def as_float32(self) -> Trained:
        """A float32 copy; this one stays as it is (`float` and `BertNet.to` put new tensors
        in place of the old, so the copies share none they change)."""
        twin = copy.copy(self)
        twin.bert = copy.copy(self.bert)
        return twin.float()

    def float(self) -> Trained:
        """The same model in float32 (in place), to export."""
        self.bert.to(_torch().float32)
        self.head = [w.float() for w in self.head]
        return self


class PairTokenizer:
    """The bundled model's tokenizer read by `tokenizers` alone, called as entail calls
    transformers' tokenizers: pairs, `longest_first` truncation, optional padding to
    `max_length`; the same ids, token types and mask."""

    def __init__(self, folder: Path) -> None:
        import threading

        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.lock = threading.Lock()  # truncation is the tokenizer's state, set per call

    def __call__(
        self,
        first: Sequence[str],
        second: Sequence[str],
        truncation: str = "longest_first",
        max_length: int | None = None,
        padding: str | bool = False,
        return_tensors: str | None = None,
    ) -> dict[str, Any]:
        with self.lock:
            if max_length:
                self.tokenizer.enable_truncation(max_length, strategy=truncation)
            else:
                self.tokenizer.no_truncation()
            found = self.tokenizer.encode_batch(list(zip(first, second, strict=True)))
        width = max_length if padding == "max_length" and max_length else 0
        out: dict[str, Any] = {
            key: [[*row, *[0] * (width - len(row))] for row in (getattr(e, attr) for e in found)]
            for key, attr in (
                ("input_ids", "ids"),
                ("token_type_ids", "type_ids"),
                ("attention_mask", "attention_mask"),
            )
        }
        if return_tensors == "pt":
            torch = _torch()
            out = {k: torch.tensor(v, dtype=torch.long) for k, v in out.items()}
        return out


def encode_pairs(tokenizer: Any, pairs: Sequence[tuple[str, str]], max_tokens: int) -> Any:
    """Token ids for pairs, the evidence cut first when a pair is too long."""
    return tokenizer(
        [p for p, _ in pairs],
        [h for _, h in pairs],
        truncation="only_first" if max_tokens else False,
        max_length=max_tokens,
        padding=True,
        return_tensors="pt",
    )
