"""evalkit: score summaries of news events for key-fact coverage and unsupported claims.

The Python API (evalkit.api) is importable from here: `from evalkit import Evaluator, evaluate,
load_run, Result`. It is loaded on first use, so `evalkit report` and the other verbs do not
import Hydra and the models' libraries for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Evaluator", "Result", "evaluate", "load_run", "__version__"]

if TYPE_CHECKING:
    from evalkit.api import Evaluator, Result, evaluate, load_run


def __getattr__(name: str) -> Any:
    if name in __all__:
        from evalkit import api

        return getattr(api, name)
    raise AttributeError(f"module 'evalkit' has no attribute {name!r}")
