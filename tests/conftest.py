"""Shared fixtures: a fast config on the hashed fake embedder, and the real model once."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalkit.config import Config
from evalkit.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def fast_cfg() -> Config:
    """Default config on the deterministic hashed embedder (no model load)."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.data.sources = str(ROOT / "seeds")
    cfg.data.references = str(ROOT / "references")
    return cfg


@pytest.fixture
def fast_resources(fast_cfg: Config) -> Resources:
    return Resources.build(fast_cfg)


@pytest.fixture(scope="session")
def real_resources() -> Resources:
    """The bundled all-MiniLM-L6-v2, loaded once for every end-to-end test."""
    return Resources.build(Config())


def event_dir(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (name -> text or bytes) under tmp_path/event and return that folder."""
    root = tmp_path / "event"
    root.mkdir(exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
