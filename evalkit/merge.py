"""`python -m evalkit merge DIR...`: join the shard runs of one event file into one run.

Each shard folder's `events.jsonl` says which input position each event had and where its rows
end in every table, so the merged tables are the shards' rows cut out byte for byte and laid
back in input order: the same bytes a single run over the whole file writes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from evalkit.errors import InputError
from evalkit.report import (
    INDEX,
    MARKER,
    TABLES,
    event_line,
    markdown,
    result_settings,
    run_counts,
)


def shard_folders(paths: list[Path]) -> list[Path]:
    """Each path is a finished shard run, or a folder of them (a multirun sweep folder)."""
    found = []
    for path in paths:
        if (path / "run.json").is_file():
            found.append(path)
        elif path.is_dir():
            runs = sorted(p for p in path.iterdir() if (p / "run.json").is_file())
            found += [p for p in runs if "merged_from" not in _manifest(p)]  # not an old merge
        else:
            raise InputError(f"{path}: not a run folder; pass shard run folders or their parent")
    for folder in found:
        if (folder / MARKER).exists() or not (folder / INDEX).is_file():
            raise InputError(f"{folder}: not a finished run with {INDEX}; finish or rerun it")
    if not found:
        raise InputError(f"no finished runs in {', '.join(map(str, paths))}")
    return found


def _manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return manifest


def _index(folder: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The shard's journal header (settings, where each table's header ends) and its events."""
    lines = (folder / INDEX).read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    return entries[0], entries[1:]


def merge(folders: list[Path], out: Path, overwrite: bool = False) -> dict[str, Any]:
    """Write the merged tables, events.jsonl, summary.md and run.json into `out`."""
    manifests = [_manifest(f) for f in folders]
    configs = [m["config"] for m in manifests]
    total = configs[0]["num_shards"]
    shards = sorted(c["shard"] for c in configs)
    if shards != list(range(total)):
        missing = sorted(set(range(total)) - set(shards))
        raise InputError(
            f"merge: need shards 0..{total - 1} of one run exactly once; got {shards}"
            + (f" (missing {missing})" if missing else "")
        )
    same = [{**result_settings(c), "shard": 0} for c in configs]
    for folder, config in zip(folders[1:], same[1:], strict=True):
        if config != same[0]:
            raise InputError(f"merge: {folder} was run with other settings than {folders[0]}")
    if (out / "run.json").exists() and not overwrite:
        raise InputError(f"merge: {out} already holds a run; choose another --out or --overwrite")

    heads, order = {}, []
    for i, folder in enumerate(folders):
        head, entries = _index(folder)
        heads[i] = head["sizes"]
        start = dict(heads[i])
        if i == 0:  # the header a single run over the whole file would have written
            header = head["header"]
            if "config" in header:
                header["config"].update(shard=0, num_shards=1)
        for entry in entries:
            order.append((entry["position"], i, start, entry))
            start = entry["sizes"]
    order.sort(key=lambda item: item[0])
    out.mkdir(parents=True, exist_ok=True)
    sizes = dict(heads[0])
    index = [{"header": header, "sizes": dict(sizes)}]
    with ExitStack() as stack:
        tables = {
            (i, name): stack.enter_context((folder / name).open("rb"))
            for i, folder in enumerate(folders)
            for name in TABLES
        }
        outputs = {name: stack.enter_context((out / f".{name}.tmp").open("wb")) for name in TABLES}
        for name, handle in outputs.items():
            handle.write(_read(tables[0, name], 0, sizes[name]))
        for _, i, start, entry in order:
            for name, handle in outputs.items():
                chunk = _read(tables[i, name], start[name], entry["sizes"][name])
                handle.write(chunk)
                sizes[name] += len(chunk)
            index.append({**entry, "sizes": dict(sizes)})

    entries = [e for _, _, _, e in order]
    config = {**configs[0], "shard": 0, "num_shards": 1}
    timings: dict[str, float] = defaultdict(float)
    for m in manifests:
        for key, value in m.get("timings_seconds", {}).items():
            timings[key] += value
    manifest = {
        **manifests[0],
        "config": config,
        "counts": run_counts(entries),
        "events": [event_line(e) for e in entries],
        "timings_seconds": {k: round(v, 3) for k, v in sorted(timings.items())},
        "merged_from": [str(f) for f in folders],
    }
    summary = _summary_rows(out / ".summary.csv.tmp")
    _write(out / "summary.md", markdown(summary, manifest))
    for name in TABLES:
        os.replace(out / f".{name}.tmp", out / name)
    _write(out / INDEX, "".join(json.dumps(e, sort_keys=True) + "\n" for e in index))
    _write(out / "run.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _read(handle: BinaryIO, start: int, end: int) -> bytes:
    handle.seek(start)
    data = handle.read(end - start)
    if len(data) != end - start:
        raise InputError(f"merge: {handle.name} is shorter than its {INDEX} says")
    return data


def _summary_rows(path: Path) -> list[tuple[str, ...]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [tuple(row) for row in list(csv.reader(handle))[1:]]


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str]) -> int:
    """Entry point: merge shard folders, print where the result is."""
    parser = argparse.ArgumentParser(
        prog="python -m evalkit merge",
        description="Join the shard runs of one event file (shard=i num_shards=k) into one run.",
    )
    parser.add_argument("dirs", nargs="+", type=Path, help="shard run folders, or their parent")
    parser.add_argument("--out", type=Path, help="merged run folder (default: <parent>/merged)")
    parser.add_argument("--overwrite", action="store_true", help="replace a run in --out")
    args = parser.parse_args(argv)
    try:
        folders = shard_folders(args.dirs)
        out = args.out or folders[0].parent / "merged"
        manifest = merge(folders, out, args.overwrite)
        html = manifest["config"].get("report", {})
        if html.get("html") or html.get("plots"):
            from evalkit.html_report import build_report

            build_report(out, html=bool(html.get("html")), plots=bool(html.get("plots")))
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    counts = manifest["counts"]
    print(f"merged {len(folders)} shards: {counts['events']['read']} events into {out}")
    return 0
