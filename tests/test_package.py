"""evalkit as a stranger gets it: a built wheel in a fresh venv, and runs from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

FAST = ["report.html=false", "report.plots=false", "embedder=hashed", "cache.enabled=false"]
PACKAGE_DATA = ("conf", "seeds", "references")  # top-level folders the wheel holds in evalkit/
SITE = "import sysconfig; print(sysconfig.get_paths()['purelib'])"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This environment without PYTHONPATH; HOME, caches and temporary files under tmp_path."""
    home = tmp_path / "home"
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "TMPDIR": str(home / "tmp")}
    return env | {"PIP_NO_CACHE_DIR": "1"} | extra


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    return done


def _files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


def _build_wheel(tmp_path: Path, env: dict[str, str]) -> Path:
    """Build from a copy of the sources: building in the checkout would write build/ there."""
    source = tmp_path / "source"
    for name in ("evalkit", *PACKAGE_DATA):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    args = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", "."]
    built = _run([*args, source], tmp_path, env)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = tmp_path.glob("evalkit-*.whl")
    return wheel


def test_built_wheel_installs_and_runs_the_bundled_event_from_an_empty_folder(
    tmp_path: Path,
) -> None:
    env = _env(tmp_path)
    wheel = _build_wheel(tmp_path, env)
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"evalkit/{f}" for f in _files(ROOT / "evalkit")}  # modules and assets
    expected |= {f"evalkit/{top}/{f}" for top in PACKAGE_DATA for f in _files(ROOT / top)}
    assert expected - names == set()  # every module, config, seed and key-facts file

    # torch and the rest come from this environment (--system-site-packages), evalkit from the
    # wheel; installed with its dependencies, so the declared ranges must accept what is here
    venv = tmp_path / "venv"
    made = _run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv],
        tmp_path,
        env,
    )
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--no-index", wheel]
    installed = _run(pip, tmp_path, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    work = tmp_path / "work"  # empty: no conf/, seeds/ or references/ here
    work.mkdir()
    site = Path(_run([python, "-c", SITE], work, env).stdout.strip())
    assert site.is_relative_to(venv)
    imported = _run([python, "-c", "import evalkit; print(evalkit.__file__)"], work, env)
    assert Path(imported.stdout.strip()) == site / "evalkit" / "__init__.py"

    ran = _run([venv / "bin" / "evalkit", "run", *FAST], work, env)
    assert ran.returncode == 0, ran.stderr
    facts = site / "evalkit" / "references" / "seeds.txt"
    assert f"\nevent seeds: key facts hand-written in {facts}\n" in ran.stdout
    assert [p.name for p in work.iterdir()] == ["results"]
    (run_dir,) = (work / "results").iterdir()
    assert {"summary.csv", "facts.csv", "claims.csv", "run.json"} <= {
        p.name for p in run_dir.iterdir()
    }
    assert f"key facts hand-written in {facts}" in (run_dir / "summary.md").read_text()


def _evalkit(tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    """`python -m evalkit run` from an empty folder, on this checkout's evalkit."""
    work = tmp_path / "elsewhere"
    work.mkdir(exist_ok=True)
    env = _env(tmp_path, PYTHONPATH=str(ROOT))
    return _run([sys.executable, "-m", "evalkit", "run", *overrides], work, env)


def test_sources_given_from_another_folder_keep_their_hand_written_key_facts(
    tmp_path: Path,
) -> None:
    """The reported bug: `cd elsewhere && run data.sources=/path/to/seeds` extracted facts."""
    ran = _evalkit(tmp_path, *FAST, f"data.sources={ROOT / 'seeds'}")
    assert ran.returncode == 0, ran.stderr
    facts = ROOT / "references" / "seeds.txt"
    assert f"\nevent seeds: key facts hand-written in {facts}\n" in ran.stdout
    ran = _evalkit(tmp_path, *FAST, f"data.sources={ROOT / 'seeds'}", "data.references=null")
    assert ran.returncode == 0, ran.stderr
    assert "\nevent seeds: key facts extracted from the reference article 001_" in ran.stdout


@pytest.mark.parametrize("references", ["/nowhere", "references"])
def test_a_missing_key_facts_folder_stops_the_run_before_the_model_loads(
    tmp_path: Path, references: str
) -> None:
    # a model folder that does not exist either: were the model loaded first, it would say so
    ran = _evalkit(tmp_path, "embedder.model=/no/model", f"data.references={references}")
    assert ran.returncode == 2
    assert ran.stderr == (
        f"error: data.references: {references} is not a folder; pass the folder of hand-written "
        "key facts (<event_id>.txt), data.references=auto or data.references=null to extract "
        "them\n"
    )
    assert [p for p in (tmp_path / "elsewhere").rglob("*") if p.is_file()] == []  # no run left
