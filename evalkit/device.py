"""Where a model runs: `resolve("auto", ...)` is "cuda" when torch can use a GPU, else "cpu".

Deciding it needs no `import torch` (seconds) where the answer is certain without it: a CPU
build of torch ("+cpu" in its version) never sees a GPU. So a run whose vectors and
measurements are all in the cache starts, and finishes, without loading torch.
"""

from __future__ import annotations

import importlib.metadata

from evalkit.errors import InputError


def torch_version() -> str:
    """torch's version as installed ("2.13.0+cpu"), read without importing it."""
    return importlib.metadata.version("torch")


def resolve(device: str, option: str) -> str:
    """ "cpu" or "cuda" for the configured `device` (auto, cpu, cuda) of `option`."""
    if device == "cpu":
        return device
    if "+cpu" in torch_version():
        available = False
    else:
        import torch

        available = torch.cuda.is_available()
    if device == "auto":
        return "cuda" if available else "cpu"
    if not available:
        raise InputError(f"{option}=cuda but no GPU is visible; use auto or cpu")
    return device
