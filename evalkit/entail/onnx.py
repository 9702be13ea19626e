"""The entailment model on ONNX Runtime (`entail.backend=onnx`): the same model, tokenizer and
batches as the torch backend it wraps (`minilm` or `hf`), its logits computed by an ONNX graph
exported from the loaded model on first use (see `evalkit.ort`); the probabilities are still
computed from them in float64. Float32 logits: for evalkit's own model that gives the torch
backend's numbers exactly, faster (float64's on a grid, the doubtful pairs run again by torch
in float64: `entail.checked`); an `hf` model's probabilities differ from torch's a little.
Either way they live in a cache namespace of their own (`variant`). `entail.backend=onnx-int8`
runs that graph with its weights quantised to int8 (dynamic quantisation, written beside it
once), each pair alone: about twice as fast again, probabilities within a few hundredths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property
from typing import Any

import numpy as np

from evalkit import ort
from evalkit.config import EntailConfig
from evalkit.entail import GRID

GRAPH = "logits.onnx"
INT8 = "logits-int8.onnx"


class OnnxEntailer:
    """A torch entailer (`MiniLMEntailer`, `HFEntailer`) whose model call ONNX Runtime runs."""

    def __init__(
        self, cfg: EntailConfig, make: Callable[[EntailConfig], Any], cache_dir: str | None
    ) -> None:
        # before torch looks for a GPU
        version = ort.require("entail.backend", cfg.device, cfg.backend)
        inner = self.inner = make(replace(cfg, device="cpu"))
        self.name, self.fingerprint, self.labels = inner.name, inner.fingerprint, inner.labels
        self.cfg: EntailConfig = inner.cfg
        self.device = "cpu"
        self.int8 = cfg.backend == "onnx-int8"
        # float32 logits checked to give the torch backend's numbers (evalkit's own model)
        self.checked = not self.int8 and hasattr(inner, "exact")
        # graphs exported from other code (`model.Trained`, not transformers) differ
        kind = f"{inner.kind}-" if hasattr(inner, "kind") else ""
        self.graph = ort.graph_folder(cache_dir, f"{kind}{self.fingerprint}") / GRAPH
        self.variant = kind + ort.variant(version)
        self.variant += "-int8" if self.int8 else f"-grid{GRID}" if self.checked else ""
        self.exported = False  # whether this entailer exported its graph (not in the cache)

    @property
    def tokenizer(self) -> Any:
        return self.inner.tokenizer

    @property
    def loaded(self) -> tuple[Any, Any]:
        """The torch model, loaded only to export the graph and (`checked`) to run the
        doubtful pairs in float64."""
        return self.inner.loaded  # type: ignore[no-any-return]

    @cached_property
    def session(self) -> Any:
        """The logits graph as an ONNX Runtime session, exported (and quantised) first where
        not in the cache. Threads as torch's (OMP_NUM_THREADS): the result does not depend on
        them; an int8 session has one, its pairs running on that many threads (`ort.each`)."""
        import torch

        if not self.graph.is_file():
            model, tokenizer = self.loaded
            # exported in float32: the copy `checked` keeps beside the float64 model that
            # checks it, else the model itself (not used again)
            model = self.inner.fast if self.checked else model.float()
            sample = tokenizer(
                ["an example"],
                ["a claim"],
                padding="max_length",
                max_length=8,
                return_tensors="pt",
            )
            inputs = list(sample)
            ort.export(
                model,
                lambda m, *t: _logits(m(**dict(zip(inputs, t, strict=True)))),
                [sample[k] for k in inputs],
                self.graph,
                inputs,
                {"logits": {0: "rows"}},
            )
            self.exported = True
        if not self.int8:
            return ort.session(self.graph, torch.get_num_threads())
        int8 = self.graph.with_name(INT8)
        if not int8.is_file():
            ort.quantize(self.graph, int8)
            self.exported = True
        return ort.session(int8, 1)

    def logits(self, enc: dict[str, Any]) -> Any:
        """float64 logits as a torch tensor, for `_run`'s softmax."""
        import torch

        feed = {i.name: enc[i.name].numpy() for i in self.session.get_inputs()}
        return torch.from_numpy(ort.run(self.session, feed)[0])

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        from evalkit.entail import _run, checked, probabilities, tokenized

        if self.checked:
            return checked(pairs, _run(self, pairs), self.inner.exact)
        if not self.int8 or not pairs:
            return _run(self, pairs)
        # Each pair alone, unpadded: dynamic quantisation scales activations over the whole
        # input, so other pairs or padding would change a pair's numbers. Longest first, so
        # the threads finish together.
        import torch

        names = [i.name for i in self.session.get_inputs()]
        enc = tokenized(self.tokenizer, pairs, self.cfg.max_tokens)
        order = sorted(range(len(pairs)), key=lambda i: -len(enc["input_ids"][i]))
        rows = [{k: np.array([enc[k][i]], np.int64) for k in names} for i in order]
        got = np.stack([out[0][0] for out in ort.each(self.session, rows)])
        logits = np.empty(got.shape, np.float64)
        logits[order] = got
        return probabilities(torch.from_numpy(logits), self.labels)


def _logits(out: Any) -> Any:
    """A model call's logits: a Hugging Face model's output holds them, `model.Trained`'s is
    them."""
    return getattr(out, "logits", out)
