"""Every config option composes and is declared with its help and accepted values; unknown
keys, wrong types and out-of-range values fail at start-up."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from hydra import compose, initialize_config_dir
from hydra.errors import ConfigCompositionException

from evalkit.cli import CONF, register, to_config
from evalkit.config import Config, Option, validate, value_at
from evalkit.config import options as declared
from evalkit.embed import EMBEDDERS
from evalkit.entail import ENTAILERS
from evalkit.errors import InputError
from evalkit.report import result_settings
from evalkit.stages.coverage import MATCHERS
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


@pytest.mark.parametrize(("group", "option"), [o for o in options() if o[0] != "calibration"])
def test_every_option_composes(group: str, option: str) -> None:
    cfg = to_config(compose(config_name="config", overrides=[f"{group}={option}"]))
    assert getattr(cfg, group).name == option  # the file name is the registry key


@pytest.mark.parametrize("backend", sorted(ENTAILERS))
def test_each_entailment_backend_brings_its_own_calibration(backend: str) -> None:
    """entail=X reads conf/calibration/X.yaml; calibration=Y still picks another one."""
    shipped = yaml.safe_load((Path(CONF) / "calibration" / f"{backend}.yaml").read_text())
    cfg = to_config(compose(config_name="config", overrides=[f"entail={backend}"]))
    for section in ("verifier", "coverage"):
        for key, value in shipped[section].items():
            assert getattr(getattr(cfg, section), key) == value, (backend, section, key)
    other = "minilm" if backend == "none" else "none"
    mixed = to_config(
        compose(config_name="config", overrides=[f"entail={backend}", f"calibration={other}"])
    )
    assert mixed.entail.name == backend
    assert (
        mixed.verifier.bias
        == yaml.safe_load((Path(CONF) / "calibration" / f"{other}.yaml").read_text())["verifier"][
            "bias"
        ]
    )


def test_registry_names_match_config_files() -> None:
    assert {o for g, o in options() if g == "embedder"} == set(EMBEDDERS)
    assert {o for g, o in options() if g == "verifier"} == set(VERIFIERS)
    assert {o for g, o in options() if g == "entail"} == set(ENTAILERS)
    assert {o for g, o in options() if g == "coverage"} == set(MATCHERS)
    assert {o for g, o in options() if g == "calibration"} == set(ENTAILERS)


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


def test_hydra_launcher_options_compose() -> None:
    for path in sorted((Path(CONF) / "hydra" / "launcher").glob("*.yaml")):
        overrides = [f"hydra/launcher={path.stem}"]
        cfg = compose(config_name="config", overrides=overrides, return_hydra_config=True)
        assert cfg.hydra.launcher._target_  # the launcher's own config was found and merged


def test_every_option_is_declared_with_one_line_of_help() -> None:
    keys = [o.key for o in declared()]
    assert len(set(keys)) == len(keys) > 50
    for option in declared():
        assert option.help and "\n" not in option.help, option.key
        assert option.kind, option.key  # a type the help and the errors can name
    validate(Config())  # the defaults are valid


def test_a_resumed_run_repeats_every_setting_but_the_neutral_ones() -> None:
    kept = result_settings(dataclasses.asdict(Config()))
    for option in declared():
        parent, _, name = option.key.rpartition(".")
        assert (name in kept.get(parent, {}) if parent else name in kept) != option.neutral
    neutral = {o.key for o in declared() if o.neutral}
    assert {"resume", "cache.dir", "embedder.batch_size", "report.html"} <= neutral
    assert "report" not in kept and "cache" not in kept  # sections with nothing left go


def _set(cfg: Config, key: str, value: object) -> Config:
    parent, _, name = key.rpartition(".")
    setattr(value_at(cfg, parent) if parent else cfg, name, value)
    return cfg


def _outside(option: Option) -> object:
    """A value of the option's type just outside what it accepts."""
    if option.choices:
        return "bogus"
    step = 0.5 if float in option.types else 1
    if option.at_least is not None:
        return option.at_least - step
    return option.above


@pytest.mark.parametrize("option", [o for o in declared() if o.accepts], ids=lambda o: o.key)
def test_validate_refuses_every_value_outside_the_declaration(option: Option) -> None:
    with pytest.raises(InputError, match=rf"^{option.key}: "):
        validate(_set(Config(), option.key, _outside(option)))
    if option.at_most is not None:
        with pytest.raises(InputError, match=rf"^{option.key}: .* must be between"):
            validate(_set(Config(), option.key, option.at_most + 0.5))


@pytest.mark.parametrize(
    ("key", "accepts"),
    [
        *[(k, "0 to 1") for k in ["verifier.threshold", "coverage.threshold"]],
        *[
            (f"{s}.{k}_threshold", "0 to 1")
            for s in ("verifier", "coverage")
            for k in ("lexical", "cosine")
        ],
        ("verifier.contradiction_similarity", "0 to 1"),
        ("verifier.contradiction_overlap", "0 to 1"),
        ("clean.min_relevance", "0 to 1"),
        ("clean.min_list_relevance", "0 to 1"),
        ("coverage.report_similarity", "0 to 1"),
        *[(k, ">= 0") for k in ["scoring.coverage_weight", "scoring.unsupported_penalty"]],
        ("scoring.contradicted_penalty", ">= 0"),
        ("cache.max_mb", ">= 0"),
        ("shard", ">= 0"),
        *[(f"verifier.{k}", ">= 1") for k in ["top_k", "max_words", "window"]],
        *[(f"embedder.{k}", ">= 1") for k in ["batch_size", "event_batch"]],
        ("bench.bootstrap", ">= 1"),
        ("num_shards", ">= 1"),
        ("coverage.sharpness", "> 0"),
        ("data.decode_errors", "strict | replace"),
        ("data.bad_events", "stop | skip"),
        ("embedder.device", "auto | cpu | cuda"),
    ],
)
def test_options_accept_what_the_issue_asks(key: str, accepts: str) -> None:
    assert {o.key: o for o in declared()}[key].accepts == accepts


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("data.sources", "", "data.sources is empty; give a value"),
        ("data.reference", "", "data.reference is empty; give a value or null"),
        ("verifier.bias", float("inf"), "verifier.bias: inf must be a finite number"),
        ("shard", 3, "shard=3 num_shards=1: need 0 <= shard < num_shards"),
    ],
)
def test_validate_refuses_empty_infinite_and_out_of_shard(
    key: str, value: object, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        validate(_set(Config(), key, value))


def test_to_config_validates_what_hydra_composed() -> None:
    with pytest.raises(InputError, match="coverage.sharpness: 0.0 must be above 0"):
        to_config(compose(config_name="config", overrides=["coverage.sharpness=0"]))
