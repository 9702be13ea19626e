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

import hashlib
import importlib.metadata
import os
import warnings
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.device import torch_version
from evalkit.embed.models import PAD, READ_LAYERS, SentenceTransformerEmbedder
from evalkit.errors import InputError


class OnnxEmbedder(SentenceTransformerEmbedder):
    """The sentence-transformers model run by ONNX Runtime on the CPU (see the module doc)."""

    def __init__(self, model: str, batch_size: int, device: str, cache_dir: str | Path) -> None:
        try:
            import onnx  # noqa: F401  (torch's exporter writes the graph with it)
            import onnxruntime
        except ImportError:
            raise InputError(
                "embedder.backend=onnx needs onnxruntime and onnx: pip install 'evalkit[onnx]' "
                "(or use embedder.backend=torch)"
            ) from None
        if device == "cuda":
            raise InputError(
                "embedder.backend=onnx runs on the CPU; use embedder.device=auto or cpu"
            )
        super().__init__(model, batch_size, "cpu")
        versions = (
            f"torch{torch_version()}-onnx{importlib.metadata.version('onnx')}"
            f"-transformers{importlib.metadata.version('transformers')}"
        )
        key = hashlib.sha256(f"{self.fingerprint}-{versions}".encode()).hexdigest()[:16]
        self.graphs = Path(cache_dir).expanduser() / "onnx" / key
        self.variant = f"cpu-onnxruntime{onnxruntime.__version__}-{versions}-pad{PAD}-f32"
        self.exported: list[str] = []  # graphs this embedder exported (not found in the cache)

    @cached_property
    def sessions(self) -> dict[str, Any]:
        """The two graphs as ONNX Runtime sessions, exported first where not in the cache.
        Threads as torch's (OMP_NUM_THREADS): the result does not depend on their number."""
        import onnxruntime
        import torch

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = torch.get_num_threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only
        sessions = {}
        for name in ("encode", f"read{READ_LAYERS}"):
            path = self.graphs / f"{name}.onnx"
            if not path.is_file():
                self._export(name, path)
            sessions[name] = onnxruntime.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        return sessions

    def _export(self, name: str, path: Path) -> None:
        """Export one graph in float32 from the torch model, atomically: a temporary file
        renamed into place, so an export killed halfway leaves nothing to reuse."""
        import torch

        model = self.model.float()  # the torch model only tokenises from here on
        sample = model.preprocess(
            ["an example"], processing_kwargs={"text": {"padding": "max_length", "max_length": 8}}
        )

        class Graph(torch.nn.Module):
            """`call(inner, *input tensors)` as a module that holds `inner`'s weights."""

            def __init__(self, inner: Any, call: Callable[..., Any]) -> None:
                super().__init__()
                self.inner, self.call = inner, call

            def forward(self, *tensors: Any) -> Any:
                return self.call(self.inner, *tensors)

        if name == "encode":
            inputs = [k for k, v in sample.items() if isinstance(v, torch.Tensor)]
            module = Graph(
                model, lambda m, *t: m(dict(zip(inputs, t, strict=True)))["sentence_embedding"]
            )
            outputs = {"out": {0: "rows"}}
        else:
            inputs = ["input_ids", "attention_mask"]
            module = Graph(
                self.reader,
                lambda m, ids, mask: m(input_ids=ids, attention_mask=mask).last_hidden_state,
            )
            outputs = {"out": {0: "rows", 1: "tokens"}}
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
                warnings.simplefilter("ignore")  # tracer notes about shapes it fixes; none apply
                torch.onnx.export(
                    module,
                    tuple(sample[k] for k in inputs),
                    str(temporary),
                    dynamo=False,  # the TorchScript exporter needs onnx alone, not onnxscript
                    input_names=inputs,
                    output_names=["out"],
                    dynamic_axes={k: {0: "rows", 1: "tokens"} for k in inputs} | outputs,
                    opset_version=17,
                )
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        self.exported.append(name)

    def _pooled(self, features: dict[str, Any]) -> np.ndarray:
        session = self.sessions["encode"]
        return _run(session, {i.name: features[i.name].numpy() for i in session.get_inputs()})

    def _read(self, ids: Any, mask: Any) -> np.ndarray:
        feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        return _run(self.sessions[f"read{READ_LAYERS}"], feed)


def _run(session: Any, feed: dict[str, np.ndarray]) -> np.ndarray:
    """One graph call, as float64 for `normalise`. A single row runs as two copies of itself:
    ONNX Runtime rounds a batch of one row differently from the same row among others."""
    rows = len(next(iter(feed.values())))
    if rows == 1:
        feed = {k: np.repeat(v, 2, axis=0) for k, v in feed.items()}
    return session.run(None, feed)[0][:rows].astype(np.float64)
