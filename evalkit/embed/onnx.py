"""The sentence embedder on ONNX Runtime (`embedder.backend=onnx`): the same model, tokenizer,
padding and windows as `models.SentenceTransformerEmbedder`, with its two model calls (sentence
vectors; the first READ_LAYERS layers' token vectors) run as ONNX graphs. The graphs are
exported from the local weights on first use into `<cache.dir>/onnx/<key>/` (nothing is
downloaded) and reused by every later run with the same weights and exporter.

Float32, where the torch path runs float64: ONNX Runtime's CPU provider has no float64 Erf (the
GELU of every layer), and with that one op in float32 the float64 graph ran no faster than
torch. So the vectors differ from torch's by ~1e-6 and live in a cache namespace of their own
(`variant`). A row still depends on its own text alone on one machine: its padded length is set
by the text, the kernels sum a row in one order whatever the other rows (measured: any batch of
2 to 70 rows, 1 or 2 threads), except a batch of one row, which runs another path and is
therefore run as two copies of the row. Other CPUs (another SIMD width) may round differently.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from evalkit import ort
from evalkit.embed.models import READ_LAYERS, SentenceTransformerEmbedder


class OnnxEmbedder(SentenceTransformerEmbedder):
    """The sentence-transformers model run by ONNX Runtime on the CPU (see the module doc)."""

    def __init__(self, model: str, batch_size: int, device: str, cache_dir: str | Path) -> None:
        version = ort.require("embedder.backend", device)
        super().__init__(model, batch_size, "cpu")
        self.graphs = ort.graph_folder(cache_dir, self.fingerprint)
        self.variant = ort.variant(version)
        self.exported: list[str] = []  # graphs this embedder exported (not found in the cache)

    @cached_property
    def sessions(self) -> dict[str, Any]:
        """The two graphs as ONNX Runtime sessions, exported first where not in the cache.
        Threads as torch's (OMP_NUM_THREADS): the result does not depend on their number."""
        import torch

        sessions = {}
        for name in ("encode", f"read{READ_LAYERS}"):
            path = self.graphs / f"{name}.onnx"
            if not path.is_file():
                self._export(name, path)
            sessions[name] = ort.session(path, torch.get_num_threads())
        return sessions

    def _export(self, name: str, path: Path) -> None:
        """Export one graph in float32 from the torch model (`ort.export`)."""
        import torch

        model = self.model.float()  # the torch model only tokenises from here on
        sample = model.preprocess(
            ["an example"], processing_kwargs={"text": {"padding": "max_length", "max_length": 8}}
        )
        if name == "encode":
            inputs = [k for k, v in sample.items() if isinstance(v, torch.Tensor)]
            ort.export(
                model,
                lambda m, *t: m(dict(zip(inputs, t, strict=True)))["sentence_embedding"],
                [sample[k] for k in inputs],
                path,
                inputs,
                {"out": {0: "rows"}},
            )
        else:
            ort.export(
                self.reader,
                lambda m, ids, mask: m(input_ids=ids, attention_mask=mask).last_hidden_state,
                [sample["input_ids"], sample["attention_mask"]],
                path,
                ["input_ids", "attention_mask"],
                {"out": {0: "rows", 1: "tokens"}},
            )
        self.exported.append(name)

    def _pooled(self, features: dict[str, Any]) -> np.ndarray:
        session = self.sessions["encode"]
        return ort.run(session, {i.name: features[i.name].numpy() for i in session.get_inputs()})

    def _read(self, ids: Any, mask: Any) -> np.ndarray:
        feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        return ort.run(self.sessions[f"read{READ_LAYERS}"], feed)
