"""Every config option composes; unknown keys and wrong types fail at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.errors import ConfigCompositionException

from evalkit.cli import CONF, to_config
from evalkit.config import Config, register
from evalkit.embed import EMBEDDERS
from evalkit.errors import InputError
from evalkit.verifiers import VERIFIERS, build_verifier

GROUPS = sorted(p.name for p in Path(CONF).iterdir() if p.is_dir())


def options() -> list[tuple[str, str]]:
    return [(g, p.stem) for g in GROUPS for p in sorted((Path(CONF) / g).glob("*.yaml"))]


@pytest.fixture(autouse=True)
def hydra_conf():
    register()
    with initialize_config_dir(config_dir=CONF, version_base="1.3"):
        yield


def test_default_composes_to_the_typed_config() -> None:
    cfg = to_config(compose(config_name="config"))
    assert isinstance(cfg, Config)
    assert cfg.embedder.model == "bundled" and cfg.data.sources == "bundled"


@pytest.mark.parametrize(("group", "option"), options())
def test_every_option_composes(group: str, option: str) -> None:
    cfg = to_config(compose(config_name="config", overrides=[f"{group}={option}"]))
    assert getattr(cfg, group).name == option  # the file name is the registry key


def test_registry_names_match_config_files() -> None:
    assert {o for g, o in options() if g == "embedder"} == set(EMBEDDERS)
    assert {o for g, o in options() if g == "verifier"} == set(VERIFIERS)


def test_overrides_reach_the_dataclass() -> None:
    cfg = to_config(
        compose(
            config_name="config",
            overrides=[
                "verifier.threshold=0.7",
                "scoring.unsupported_penalty=0.25",
                "data.reference=x",
            ],
        )
    )
    assert cfg.verifier.threshold == 0.7 and cfg.scoring.unsupported_penalty == 0.25
    assert cfg.data.reference == "x"


@pytest.mark.parametrize("override", ["nosuchkey=1", "verifier.nosuch=1"])
def test_unknown_keys_fail(override: str) -> None:
    with pytest.raises(ConfigCompositionException):
        compose(config_name="config", overrides=[override])


def test_wrong_types_fail() -> None:
    with pytest.raises(ConfigCompositionException):
        compose(config_name="config", overrides=["verifier.top_k=many"])


def test_unknown_verifier_name_lists_choices() -> None:
    cfg = Config()
    cfg.verifier.name = "nil"
    with pytest.raises(InputError, match="unknown verifier 'nil'; choose from: cosine, embedding"):
        build_verifier(cfg.verifier)
