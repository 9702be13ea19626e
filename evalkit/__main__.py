"""`evalkit VERB [overrides]` (or `python -m evalkit`): thin verb dispatch; the work is in
evalkit.cli."""

from __future__ import annotations

import sys

USAGE = """usage: evalkit VERB [key=value ...]   (the same as python -m evalkit VERB ...)

verbs:
  run        score candidate summaries of the events in data.sources (default: bundled seeds)
  report     rebuild report.html and plots of a finished run: python -m evalkit report RUN_DIR
  merge      join shard runs (shard=i num_shards=k) into one: python -m evalkit merge DIR...
  meta       agreement with human judgements on a benchmark file: bench.path=FILE.jsonl
  calibrate  fit the verifier and coverage parameters on benchmark files: bench.path=FILE|DIR

Overrides are Hydra's: python -m evalkit run data.sources=my_articles/ verifier.threshold=0.6
Add --help after a Hydra verb for the full configuration."""

# Verbs that take a plain argument list instead of Hydra overrides: name -> "module:function".
PLAIN_VERBS: dict[str, str] = {
    "report": "evalkit.html_report:main",
    "merge": "evalkit.merge:main",
}


def main() -> None:
    from evalkit.errors import boundary

    boundary(dispatch)


def dispatch() -> int | None:
    """Run the verb named on the command line; its exit code."""
    from evalkit.cli import VERBS

    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(USAGE)
        sys.exit(0 if len(sys.argv) >= 2 else 2)
    verb = sys.argv[1]
    if verb in PLAIN_VERBS:
        import importlib

        module, _, name = PLAIN_VERBS[verb].partition(":")
        code: int = getattr(importlib.import_module(module), name)(sys.argv[2:])
        return code
    if verb not in VERBS:
        known = ", ".join(sorted([*VERBS, *PLAIN_VERBS]))
        print(f"error: unknown verb '{verb}'; choose from: {known}", file=sys.stderr)
        sys.exit(2)
    sys.argv = [f"evalkit {verb}"] + sys.argv[2:]
    from evalkit.cli import main as cli_main

    cli_main(verb)
    return 0


if __name__ == "__main__":
    main()
