"""ONNX Runtime for evalkit's models (`embedder.backend=onnx`, `entail.backend=onnx`): the
checks that it is installed, the folder a model's graphs are cached in, the atomic float32
export of a torch model call, its session, and the one call that runs it.

The graphs are exported from the local weights on first use into `<cache.dir>/onnx/<key>/`,
the key naming the weights and the exporter (torch, onnx, transformers versions): nothing is
downloaded, and a new exporter writes new graphs. Without a usable cache they go into a folder
of the process's own (`graph_folder`). Float32: ONNX Runtime's CPU provider has no float64 Erf
(every layer's GELU). A row depends on its own input alone on one machine (the kernels sum a
row in one order whatever the other rows), except a batch of one row, which runs another path
and is therefore run as two copies of the row. Other CPUs (another SIMD width) may round
differently: so the sentence model stays on torch (float64) by default, while evalkit's own
entailment model, whose float32 probabilities are checked against float64's
(`entail.checked`), runs here by default.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.cache import not_private
from evalkit.device import torch_version
from evalkit.embed.models import PAD
from evalkit.errors import InputError

# Importing onnxruntime writes a device id under ~/.cache/Microsoft/ for its telemetry unless
# this is set: evalkit runs offline and writes nothing outside its own folders.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def require(option: str, device: str, backend: str = "onnx") -> str:
    """onnxruntime's version; an `InputError` naming `option` (e.g. "entail.backend") and the
    `backend` asked for when onnxruntime or onnx is missing or the model is asked to run on the
    GPU. onnx, which torch's exporter writes a graph with, is found, not imported (half a
    second, which a warm rerun that runs no model need not pay)."""
    try:
        import onnxruntime

        if importlib.util.find_spec("onnx") is None:
            raise ImportError("onnx")
    except ImportError:
        raise InputError(
            f"{option}={backend} needs onnxruntime and onnx, which evalkit installs: "
            f"pip install onnxruntime onnx (or use {option}=torch)"
        ) from None
    if device == "cuda":
        prefix = option.rsplit(".", 1)[0]
        raise InputError(f"{option}={backend} runs on the CPU; use {prefix}.device=auto or cpu")
    return str(onnxruntime.__version__)


def exporter() -> str:
    """The versions that write a graph (part of its folder's key and of cache namespaces)."""
    return (
        f"torch{torch_version()}-onnx{importlib.metadata.version('onnx')}"
        f"-transformers{importlib.metadata.version('transformers')}"
    )


def variant(version: str) -> str:
    """The cache namespace part of a model run by onnxruntime `version` (float32)."""
    return f"cpu-onnxruntime{version}-{exporter()}-pad{PAD}-f32"


def graph_folder(cache_dir: str | Path | None, fingerprint: str) -> Path:
    """`<cache.dir>/onnx/<key>/`: the graphs of the weights `fingerprint` names. Without a
    cache (`cache_dir` None: `cache.enabled=false`), or where `cache.dir` cannot hold them (a
    file, a folder evalkit cannot make, one others may write to), a folder of this process's
    own that goes when it ends: the run exports its graphs again, and never fails for want of
    a cache."""
    key = hashlib.sha256(f"{fingerprint}-{exporter()}".encode()).hexdigest()[:16]
    if cache_dir is not None:
        root = Path(cache_dir).expanduser()
        folders = (root, root / "onnx", root / "onnx" / key)
        try:
            # each private, as the cache makes its folders (evalkit/cache.py), whatever the umask
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            for folder in folders[1:]:
                folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            pass
        else:
            if os.access(folders[-1], os.W_OK) and not any(map(not_private, folders)):
                return folders[-1]
    return Path(_scratch().name) / key


@lru_cache(maxsize=1)
def _scratch() -> tempfile.TemporaryDirectory[str]:
    """This process's folder for graphs no cache keeps (removed as the process ends)."""
    return tempfile.TemporaryDirectory(prefix="evalkit-onnx-")


def session(path: Path, threads: int) -> Any:
    """An ONNX Runtime session on the CPU; the result does not depend on `threads`."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def export(
    inner: Any,
    call: Callable[..., Any],
    sample: Sequence[Any],
    path: Path,
    inputs: Sequence[str],
    outputs: dict[str, dict[int, str]],
) -> None:
    """Export `call(inner, *input tensors)` (`inner` a float32 torch module holding the
    weights, or a model whose `held()` gives one) to `path`, atomically: a temporary file
    renamed into place, so an export killed halfway leaves nothing to reuse. Inputs vary in
    rows and tokens; `outputs` names each output's varying axes."""
    import torch

    class Graph(torch.nn.Module):
        """`call(inner, *input tensors)` as a module that holds `inner`'s weights: the graph
        stores them as initializers, which int8 quantisation needs (not as constants)."""

        def __init__(self) -> None:
            super().__init__()
            self.inner = inner
            if not isinstance(inner, torch.nn.Module):
                self.held = inner.held()

        def forward(self, *tensors: Any) -> Any:
            return call(self.inner, *tensors)

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")  # tracer notes about shapes it fixes; none apply
            torch.onnx.export(
                Graph(),
                tuple(sample),
                str(temporary),
                dynamo=False,  # the TorchScript exporter needs onnx alone, not onnxscript
                input_names=list(inputs),
                output_names=list(outputs),
                dynamic_axes={k: {0: "rows", 1: "tokens"} for k in inputs} | outputs,
                opset_version=17,
            )
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def quantize(source: Path, path: Path) -> None:
    """Write the float32 graph `source` with dynamic int8 weights, one scale per output channel
    (a third of the error of one per matrix, for the same time), to `path`, atomically."""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process the graph: shape inference only
    try:
        quantize_dynamic(source, temporary, per_channel=True, weight_type=QuantType.QInt8)
        os.replace(temporary, path)
    finally:
        root.setLevel(level)
        temporary.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    """The threads int8 inputs run on (each session call has one), as many as torch's; the
    sentence model and the cross-encoder share them."""
    import torch

    return ThreadPoolExecutor(torch.get_num_threads())


def each(session: Any, feeds: Sequence[dict[str, np.ndarray]], outputs: int = 1) -> list[Any]:
    """A session with one thread (an int8 graph) on each feed alone, on the shared threads:
    per feed its first `outputs` outputs, each with its batch axis. Dynamic quantisation scales
    activations over a call's whole input, so an input run alone gets the same numbers whatever
    runs beside it."""
    names = [o.name for o in session.get_outputs()][:outputs]
    return list(_pool().map(lambda feed: session.run(names, feed), feeds))


def run(session: Any, feed: dict[str, np.ndarray], outputs: int = 1) -> list[Any]:
    """One graph call: its first `outputs` outputs, as float64. A single row runs as two copies
    of itself: ONNX Runtime rounds a batch of one row differently from the same row among
    others."""
    rows = len(next(iter(feed.values())))
    if rows == 1:
        feed = {k: np.repeat(v, 2, axis=0) for k, v in feed.items()}
    names = [o.name for o in session.get_outputs()][:outputs]
    return [o[:rows].astype(np.float64) for o in session.run(names, feed)]
