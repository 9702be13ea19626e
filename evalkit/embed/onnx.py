"""The sentence embedder on ONNX Runtime (`embedder.backend=onnx`): the same model, tokenizer,
padding and windows as `models.SentenceTransformerEmbedder`, with its two model calls run as
ONNX graphs: the pass (sentence vectors, and the first READ_LAYERS layers' token vectors on the
way) and the reader (those layers alone, for texts read without being encoded). The graphs are
exported from the local weights on first use into `<cache.dir>/onnx/<key>/` (nothing is
downloaded) and reused by every later run with the same weights and exporter.

Float32, where the torch path runs float64: ONNX Runtime's CPU provider has no float64 Erf (the
GELU of every layer), and with that one op in float32 the float64 graph ran no faster than
torch. So the vectors differ from torch's by ~1e-6 and live in a cache namespace of their own
(`variant`). A row still depends on its own text alone on one machine: its padded length is set
by the text, the kernels sum a row in one order whatever the other rows (measured: any batch of
2 to 70 rows, 1 or 2 threads), except a batch of one row, which runs another path and is
therefore run as two copies of the row. Other CPUs (another SIMD width) may round differently.

`embedder.backend=onnx-int8` runs both graphs with int8 weights (dynamic quantisation, one
scale per output channel, written beside them once). Dynamic quantisation scales a call's
activations by their range over the whole input, so each text runs alone and unpadded, on a
pool of threads (each call one thread): its vector still depends on its text alone. About
2.5 times as fast as float32 per CPU second; the vectors move (cosine 0.993 to float32's on
average, at least 0.97).
"""

from __future__ import annotations

import time
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from evalkit import ort
from evalkit.embed.models import READ_LAYERS, SentenceTransformerEmbedder

# The graphs: the model's pass with its reading on the way, and the reader alone.
PASS, READ = f"encode-read{READ_LAYERS}", f"read{READ_LAYERS}"


class OnnxEmbedder(SentenceTransformerEmbedder):
    """The sentence-transformers model run by ONNX Runtime on the CPU (see the module doc)."""

    def __init__(
        self,
        model: str,
        batch_size: int,
        device: str,
        cache_dir: str | Path | None,
        int8: bool = False,
    ) -> None:
        version = ort.require("embedder.backend", device, "onnx-int8" if int8 else "onnx")
        super().__init__(model, batch_size, "cpu")
        self.int8 = int8
        # graphs exported from `bert.BertNet` and from sentence-transformers differ
        kind = "bert" if self.plain else "sentence-transformers"
        self.graphs = ort.graph_folder(cache_dir, f"{self.fingerprint}-{kind}")
        self.variant = f"{kind}-{ort.variant(version)}" + ("-int8" if int8 else "")
        self.exported: list[str] = []  # graphs this embedder exported (not found in the cache)

    @cached_property
    def sessions(self) -> dict[str, Any]:
        """The two graphs as ONNX Runtime sessions, exported (and quantised) first where not in
        the cache. Threads as torch's (OMP_NUM_THREADS): the result does not depend on their
        number; an int8 session has one, its texts running on that many threads (`ort.each`)."""
        import torch

        start = time.perf_counter()
        sessions = {}
        for name in (PASS, READ):
            path = self.graphs / f"{name}.onnx"
            if not path.is_file():
                self._export(name, path)
            if self.int8:
                path, source = self.graphs / f"{name}-int8.onnx", path
                if not path.is_file():
                    ort.quantize(source, path)
                    self.exported.append(f"{name}-int8")
            sessions[name] = ort.session(path, 1 if self.int8 else torch.get_num_threads())
        self.load_seconds += time.perf_counter() - start  # as the torch path counts its load
        return sessions

    def _alone(self, name: str, ids: Any, mask: Any, outputs: int) -> list[list[np.ndarray]]:
        """int8: each row of a padded batch run alone and unpadded (`ort.each`), its first
        `outputs` outputs (each with a batch axis of one)."""
        ids, mask = ids.numpy(), mask.numpy()
        lengths = mask.sum(axis=1)
        feeds = [
            {"input_ids": ids[r : r + 1, :n], "attention_mask": mask[r : r + 1, :n]}
            for r, n in enumerate(lengths)
        ]
        return ort.each(self.sessions[name], feeds, outputs)

    def _batched(self, rows: list[np.ndarray], size: int) -> np.ndarray:
        """Token vectors of rows run alone, padded back into one float64 batch."""
        out = np.zeros((len(rows), size, self.dim), np.float64)
        for r, tokens in enumerate(rows):
            out[r, : tokens.shape[1]] = tokens[0]
        return out

    def _export(self, name: str, path: Path) -> None:
        """Export one graph in float32 from the torch model (`ort.export`). The sample is
        padded, so the graph keeps the attention mask for every batch."""
        import torch

        net = self.network(torch.float32)
        ids, mask = self._padded([self._row(self._words(["an example"])[0].ids)], 8)
        if name == PASS:
            call = lambda m, i, k: m.both(i, k, READ_LAYERS)  # noqa: E731
            outputs = {"out": {0: "rows"}, "layer": {0: "rows", 1: "tokens"}}
        else:
            call = lambda m, i, k: m.reader(i, k, READ_LAYERS)  # noqa: E731
            outputs = {"out": {0: "rows", 1: "tokens"}}
        ort.export(net, call, [ids, mask], path, ["input_ids", "attention_mask"], outputs)
        self.exported.append(name)

    def _pooled(self, ids: Any, mask: Any, read: bool) -> tuple[np.ndarray, Any]:
        if self.int8:
            rows = self._alone(PASS, ids, mask, 2 if read else 1)
            vectors = np.concatenate([r[0] for r in rows]).astype(np.float64)
            return vectors, self._batched([r[1] for r in rows], ids.shape[1]) if read else None
        feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        got = ort.run(self.sessions[PASS], feed, outputs=2 if read else 1)
        return got[0], got[1] if read else None

    def _read(self, ids: Any, mask: Any) -> np.ndarray:
        if self.int8:
            return self._batched([g[0] for g in self._alone(READ, ids, mask, 1)], ids.shape[1])
        feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        return ort.run(self.sessions[READ], feed)[0]
