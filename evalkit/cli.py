"""Command line: the only module that imports Hydra. DictConfig stops here.

It parses and dispatches, nothing more: `check_args` refuses a config mistake (and `--help`
lists the options) before Hydra starts, and `main` runs a verb as a Hydra app over the same
config tree. User errors print one line and exit 2 with no traceback. The verbs live in
their own modules: `run` in evalkit.run, `meta` and `calibrate` in evalkit.bench. After a
multirun of `run`, `main` has evalkit.sweep write the table across its jobs.
"""

from __future__ import annotations

import difflib
import importlib
import itertools
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import hydra
from hydra import initialize_config_dir
from hydra._internal.core_plugins.basic_sweeper import BasicSweeper
from hydra._internal.utils import get_args_parser
from hydra.core.config_store import ConfigStore
from hydra.core.global_hydra import GlobalHydra
from hydra.core.hydra_config import HydraConfig
from hydra.core.override_parser.overrides_parser import OverridesParser
from hydra.core.override_parser.types import Glob, Override
from hydra.errors import HydraException, OverrideParseException
from hydra.experimental.callback import Callback
from hydra.types import RunMode
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from evalkit.config import Config, Option, options, validate, value_at
from evalkit.errors import InputError
from evalkit.report import JOURNAL
from evalkit.run_dir import (
    OUTPUT_DIRS,
    check_apart,
    check_run_dir,
    existing_folders,
    guarded,
    hold,
    in_use,
    missing_folders,
    name_full_disk,
    named_folders,
    remove_if_empty,
)
from evalkit.stages.load import bundled
from evalkit.sweep import read_jobs, write_sweep

log = logging.getLogger("evalkit")
CONF = str(bundled("conf"))  # Hydra's primary config folder, wherever evalkit is installed


def _setup_logging() -> None:
    for noisy in ("sentence_transformers", "transformers", "huggingface_hub", "absl"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


def register() -> None:
    """Register the schemas so conf/*.yaml are validated against them (Hydra's ConfigStore:
    config.py itself knows nothing of Hydra)."""
    ConfigStore.instance().store(name="base_config", node=Config)


def to_config(dcfg: DictConfig) -> Config:
    """The plain dataclass config every stage takes, with every value checked."""
    try:
        cfg = OmegaConf.to_object(dcfg)
    except OmegaConfBaseException as err:
        raise InputError(one_line(err)) from None
    if not isinstance(cfg, Config):  # the schema guarantees this; say so if it ever breaks
        raise InputError("configuration did not resolve to evalkit's schema; check conf/")
    validate(cfg)
    return cfg


def compose(overrides: list[str]) -> Config:
    """The `run` verb's config for these command-line overrides, checked as the command line
    checks them: the Python API's config, with the same schema, validation and one-line
    errors. Works inside another Hydra app too (its global state is put back)."""
    register()
    check_args("run", overrides)
    outer = GlobalHydra.instance()
    app = outer.hydra if outer.is_initialized() else None
    outer.clear()
    try:
        with initialize_config_dir(config_dir=CONF, version_base="1.3"):
            dcfg = hydra.compose(config_name="config", overrides=overrides)
    except (HydraException, OmegaConfBaseException) as err:
        raise InputError(one_line(err)) from None
    finally:
        if app is not None:
            GlobalHydra.instance().initialize(app)
    return to_config(dcfg)


def one_line(err: BaseException) -> str:
    """Hydra's and OmegaConf's multi-line messages, and their cause, as one line."""
    cause = f" ({err.__cause__})" if isinstance(err.__cause__, OmegaConfBaseException) else ""
    text = f"{err}{cause}".split("Config search path")[0]  # not what a user has to fix
    return " ".join(text.split())


def config_groups() -> dict[str, list[str]]:
    """evalkit's config groups and their options: conf/<group>/<option>.yaml."""
    folders = sorted(p for p in Path(CONF).iterdir() if p.is_dir() and p.name != "hydra")
    return {d.name: sorted(p.stem for p in d.glob("*.yaml")) for d in folders}


def check_args(verb: str, argv: list[str]) -> None:
    """Refuse a command-line mistake with an InputError before Hydra starts or any model
    loads; `--help` prints every option. Hydra's own flags and hydra.* overrides pass."""
    parser = get_args_parser()

    def refuse(message: str) -> NoReturn:
        raise InputError(f"{message}; flags such as -m go first, '{verb} --help' lists them")

    parser.error = refuse  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    if args.help:
        print(help_text(verb))
        sys.exit(0)
    try:
        overrides = OverridesParser.create().parse_overrides(args.overrides)
    except OverrideParseException as err:
        reason = err.message.splitlines()[0]
        raise InputError(
            f"cannot read '{err.override}' ({reason}); see Hydra's override syntax"
        ) from None
    groups = config_groups()
    known = {o.key: o for o in options()}
    typed = OmegaConf.structured(Config)
    settings: list[list[tuple[str, Any]]] = []  # per override, each value it takes
    configs = []  # each job's
    for o in overrides:
        key = o.key_or_group
        if o.is_hydra_override():
            if key in OUTPUT_DIRS and not str(o.value()).strip():
                raise InputError(f"{key} is empty; name the output folder, e.g. {key}=results/mine")
            continue
        if key not in known and key not in groups:
            inside = sorted(k for k in known if k.startswith(f"{key}."))
            if inside:
                raise InputError(
                    f"{key} is a section, not an option; set one of its options, e.g. "
                    f"{inside[0]}=... ('{verb} --help' lists them)"
                )
            close = difflib.get_close_matches(key, [*known, *groups], n=1)
            hint = f"did you mean {close[0]}?" if close else f"'{verb} --help' lists the options"
            raise InputError(f"unknown option '{key}'; {hint}")
        if o.package is not None:
            raise InputError(f"{o.input_line}: package overrides (@) are not supported")
        if o.is_add():
            raise InputError(f"{key} is already an option; set it without the '+'")
        if o.is_delete():
            raise InputError(f"{key} cannot be removed; set it to a value instead")
        if key in groups:
            for name in _values(o, groups[key]):
                if name not in groups[key]:
                    raise InputError(
                        f"unknown {key} '{name}'; choose from: {', '.join(groups[key])}"
                    )
        else:
            values = [_typed(typed, known[key], v) for v in _values(o, [])]
            settings.append([(key, v) for v in values if not _interpolated(v)])
    for combination in itertools.product(*filter(None, settings)):
        cfg = Config()  # the defaults are valid, so a mistake is in these overrides
        for key, value in combination:
            parent, _, name = key.rpartition(".")
            setattr(value_at(cfg, parent) if parent else cfg, name, value)
        validate(cfg)
        configs.append(cfg)
    if verb == "run":
        told = {key for values in settings for key, value in values if value is True}
        _check_output(overrides, args.multirun, "overwrite" in told, "resume" in told, configs)


def output_dir(argv: list[str]) -> Path | None:
    """The run folder a single `run` names on its command line, None when Hydra names it."""
    chosen = named_folders(argv, ("hydra.run.dir",))
    multirun = any(a in ("-m", "--multirun") for a in argv)
    return None if multirun or not chosen or "$" in chosen[-1] else Path(chosen[-1])


def _check_output(
    overrides: list[Override],
    multirun: bool,
    overwrite: bool,
    resume: bool,
    configs: list[Config],
) -> None:
    """Refuse a `run` into a folder holding a run (or a sweep into one holding a sweep), one
    another run is writing, or one that is, holds or lies inside an input, before Hydra
    starts, which would write the refused command's settings into its `.hydra/`."""
    chosen = {o.key_or_group: str(o.value()) for o in overrides if o.key_or_group in OUTPUT_DIRS}
    key = "hydra.sweep.dir" if multirun else "hydra.run.dir"
    folder = chosen.get(key, "")
    if not folder or "$" in folder:  # the default, or a folder named when Hydra starts
        return
    for cfg in configs:
        check_apart(Path(folder), cfg.data, key)
    if not multirun:
        in_use(Path(folder))
        check_run_dir(Path(folder), overwrite, resume)
    elif not (overwrite or resume) and _holds_sweep(Path(folder)):
        raise InputError(
            f"hydra.sweep.dir: {folder} already holds a sweep; choose another folder or pass "
            "overwrite=true (resume=true continues its unfinished jobs)"
        )
    elif resume and not overwrite and _finished_sweep(Path(folder)):
        raise InputError(
            f"hydra.sweep.dir: {folder} holds a finished sweep (every job finished), so there "
            "is nothing to resume; choose another folder or pass overwrite=true"
        )


def _jobs(folder: Path) -> list[Path]:
    """The folders in a sweep's folder (its jobs'), none if it is no folder."""
    return [p for p in folder.glob("*") if p.is_dir()] if folder.is_dir() else []


def _finished_sweep(folder: Path) -> bool:
    """Whether `folder` holds a sweep's table and every job folder beside it a finished run."""
    return (folder / "sweep.csv").exists() and all(
        (job / "run.json").exists() for job in _jobs(folder)
    )


def _holds_sweep(folder: Path) -> bool:
    """Whether a sweep wrote `folder`: its table, or a job's finished or unfinished run."""
    return (folder / "sweep.csv").exists() or any(_holds_run(job) for job in _jobs(folder))


def _holds_run(folder: Path) -> bool:
    """Whether `folder` holds a finished or unfinished run."""
    return (folder / "run.json").exists() or (folder / JOURNAL).exists()


def _values(override: Override, names: list[str]) -> list[Any]:
    """The values an override sets: one, or each of a sweep's (none for an interval sweep)."""
    if isinstance(override.value(), Glob):
        return override.value().filter(names)  # type: ignore[union-attr]
    if not override.is_sweep_override():
        return [override.value()]
    return list(override.sweep_iterator()) if override.is_discrete_sweep() else []


def _interpolated(value: Any) -> bool:
    """A ${...} value: resolved by Hydra later, and checked then."""
    return isinstance(value, str) and "${" in value


def _typed(typed: DictConfig, option: Option, value: Any) -> Any:
    """`value` converted to the option's type as Hydra will, or a one-line error."""
    if _interpolated(value):
        return value
    if option.types == (bool,) and not isinstance(value, bool):  # OmegaConf takes 2, -1, "on"
        raise InputError(f"{option.key}: expected {option.kind}, got {_shown(value)}")
    try:
        OmegaConf.update(typed, option.key, value, merge=False)
    except OmegaConfBaseException:
        raise InputError(f"{option.key}: expected {option.kind}, got {_shown(value)}") from None
    except OverflowError:  # an integer past a float's range
        raise InputError(
            f"{option.key}: expected {option.kind}, got an integer of {len(str(value))} digits, "
            "past a float's range"
        ) from None
    return OmegaConf.select(typed, option.key)


def _shown(value: Any, quoted: bool = True) -> str:
    """A value as it is written on the command line; a string quoted unless told not to."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return repr(value) if isinstance(value, str) and quoted else str(value)


def help_text(verb: str) -> str:
    """`VERB --help`: every option with its default and one line of help, from config.py."""
    default = Config()
    lines = [
        f"usage: python -m evalkit {verb} [key=value ...]",
        "",
        "Set an option with key=value; sweep values with -m key=a,b (one job each).",
        "Hydra's flags still work: -m, --cfg job, hydra.run.dir=FOLDER, --hydra-help.",
        "",
        "config groups:",
    ]
    # calibration is the one group that is not a section: its default follows entail's
    chosen = {"calibration": "<entail's>"}
    rows = [
        (f"{g}={chosen.get(g) or value_at(default, g).name}", f"choose from: {', '.join(names)}")
        for g, names in config_groups().items()
    ]
    lines += _columns(rows)
    section = None
    for option in options():
        parent = option.key.rpartition(".")[0]
        if parent != section:
            section = parent
            doc = type(value_at(default, parent) if parent else default).__doc__ or ""
            lines += ["", f"{parent or 'top level'}: {doc.splitlines()[0]}"]
        accepts = f" [{option.accepts}]" if option.accepts else ""
        setting = f"{option.key}={_shown(option.default, quoted=False)}"
        lines += _columns([(setting, option.help + accepts)])
    return "\n".join(lines)


def _columns(rows: list[tuple[str, str]]) -> list[str]:
    return [f"  {left:<40} {right}" for left, right in rows]


class JobFailed(Exception):
    """A sweep job that failed (its error line already printed), raised rather than exiting so
    Hydra's launcher records it and runs the sweep's other jobs."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _app(
    verb: Callable[[Config, Path], None], made: list[Path], existing: set[str]
) -> Callable[[], None]:
    """Wrap a verb as a Hydra app over conf/config.yaml; `made`: folders the run folder adds,
    `existing`: output folders there before the command."""

    @hydra.main(config_path=CONF, config_name="config", version_base="1.3")
    def app(dcfg: DictConfig) -> None:
        hydra_cfg = HydraConfig.get()
        run_dir = Path(hydra_cfg.runtime.output_dir)
        try:
            with guarded(run_dir, made, os.path.abspath(run_dir) in existing):
                verb(to_config(dcfg), run_dir)
        except SystemExit as stop:  # a Ctrl-C (130) stops the whole sweep
            if hydra_cfg.mode != RunMode.MULTIRUN or stop.code in (None, 0, 130):
                raise
            raise JobFailed(stop.code if isinstance(stop.code, int) else 1) from None

    return app


@dataclass(frozen=True, slots=True)
class Sweep:
    """A multirun this process started: its folder, the keys it sweeps, each job's overrides."""

    folder: Path
    swept: list[str]
    jobs: list[list[str]]


SWEEPS: list[Sweep] = []  # filled by SweepTable as Hydra starts a multirun


class SweepTable(Callback):
    """Notes the folder and jobs of a multirun as it starts (hydra.callbacks in
    conf/config.yaml), for `main` to write the sweep table once the jobs are done."""

    def on_multirun_start(self, config: DictConfig, **kwargs: Any) -> None:
        loader = GlobalHydra.instance().config_loader()
        parsed = OverridesParser.create(config_loader=loader).parse_overrides(
            list(config.hydra.overrides.task)
        )
        # the jobs in the order Hydra's basic sweeper numbers them, in its own words
        jobs = BasicSweeper.split_arguments(parsed, None)[0]
        swept = [o.key_or_group for o in parsed if o.is_sweep_override()]
        SWEEPS.append(Sweep(Path(config.hydra.sweep.dir), swept, jobs))


def sweep_tables() -> None:
    """Write the table across the jobs of each multirun this process ran, and say where; name
    the runs an earlier sweep left in its folder (overwrite=true with fewer jobs), which are no
    part of it."""
    for sweep in SWEEPS:
        ours = {str(n) for n in range(len(sweep.jobs))}
        stale = sorted(
            (p.name for p in _jobs(sweep.folder) if p.name not in ours and _holds_run(p)),
            key=lambda name: (len(name), name),
        )
        if stale:
            print(
                f"note: {sweep.folder} also holds {', '.join(stale)}, runs of an earlier sweep "
                "that are no jobs of this one; move them out before you merge or compare"
            )
        if "shard" in sweep.swept:
            print(
                f"shard jobs in {sweep.folder}: join them with `python -m evalkit merge "
                f"{sweep.folder}`"
            )
            continue
        jobs = read_jobs(sweep.folder, sweep.jobs)
        csv_path, _, html_path = write_sweep(sweep.folder, sweep.swept, jobs)
        failed = sum(1 for job in jobs if job.failed)
        some = f" ({failed} failed)" if failed else ""
        print(f"sweep of {len(jobs)} jobs{some}: {csv_path}, {html_path}")


# Hydra verbs: name -> "module:function" taking (Config, run folder), imported only when the
# verb runs: `--help` and `run` never pay for importing torch, which `train` needs.
VERBS: dict[str, str] = {
    "run": "evalkit.run:evaluate",
    "meta": "evalkit.bench.meta:run_meta",
    "calibrate": "evalkit.bench.calibrate:run_calibrate",
    "train": "evalkit.entail.train:run_train",
}


def verb_function(verb: str) -> Callable[[Config, Path], None]:
    module, name = VERBS[verb].split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def main(verb: str) -> None:
    """Entry point for `python -m evalkit VERB [overrides]`."""
    register()
    _setup_logging()
    try:
        check_args(verb, sys.argv[1:])
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    made, existing = missing_folders(sys.argv[1:]), existing_folders(sys.argv[1:])
    folder = output_dir(sys.argv[1:]) if verb == "run" else None
    if folder is not None:
        try:
            hold(folder)  # after the checks, which make nothing; refused if another run has it
        except InputError as err:
            print(f"error: {err}", file=sys.stderr)
            sys.exit(2)
    app = _app(verb_function(verb), made, existing)
    os.environ["HYDRA_FULL_ERROR"] = "1"  # Hydra raises its errors here instead of printing them
    code = 0
    try:
        app()
    except JobFailed as failed:  # the sweep's first failed job; the others ran
        code = failed.code
    except Exception as err:
        if not _hydras(err):
            # Hydra failed writing .hydra/ (a full disk), before the run's guard was in place
            left = _discard(folder, made, existing)
            if left is not None:
                name_full_disk(err, left)
            raise  # a failure of the run itself, not of its command line
        _discard(folder, made, existing)
        print(f"error: {one_line(err)}", file=sys.stderr)  # a mistake check_args cannot see
        sys.exit(2)
    if verb == "run":
        sweep_tables()
    if code:
        sys.exit(code)


def _discard(folder: Path | None, made: list[Path], existing: set[str]) -> Path | None:
    """Remove the run folder (and those above it this command `made`) when Hydra could not
    write its .hydra/ into it, before the run's own guard was in place."""
    if folder is None and HydraConfig.initialized():
        folder = Path(HydraConfig.get().runtime.output_dir)
    if folder is not None:
        remove_if_empty(folder, made, os.path.abspath(folder) in existing)
    return folder


def _hydras(err: Exception) -> bool:
    """Whether Hydra (or OmegaConf) raised `err` over the command line or the config."""
    if isinstance(err, (HydraException, OmegaConfBaseException)):
        return True
    if isinstance(err, OSError):  # a folder Hydra could not write: the boundary says which
        return False
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_globals.get("__name__", "").startswith("hydra.")
