"""A faithfulness benchmark file made from WiCE's claims (`wice_claim_oracle_*.jsonl` in
`../shared/train/`): each claim, a sentence of a Wikipedia article, is a one-sentence summary of
its evidence, the sentences of the web page it cites (one per line). `supported` is faithful;
`partially_supported` and `not_supported` are not (`--strict` leaves the partly supported out).
Human-labelled claims of another style than the dev files' (encyclopaedic sentences against
scraped pages, with their date lines and captions), which evalkit's model-free verifier was
never fitted on. The `minilm` model was trained on WiCE claims: its figures on these files are
not out of sample. Same input, same bytes; sorted by `doc_id`, as the dev files are.

    python benchmarks/wice_bench.py ../shared/train/wice_claim_oracle_dev.jsonl OUT.jsonl [--strict]
    python -m evalkit meta bench.path=OUT.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys


def items(lines: list[str], strict: bool) -> list[dict[str, object]]:
    """The benchmark items of WiCE's JSON lines, sorted by document and id. A claim comes once
    per chunk of its page (`-1`, `-2`, ... in file order)."""
    out = []
    seen: dict[str, int] = {}
    for line in lines:
        claim = json.loads(line)
        key = claim["meta"]["id"]
        seen[key] = seen.get(key, 0) + 1
        if strict and claim["label"] == "partially_supported":
            continue
        source = "\n".join(claim["evidence"])
        doc_id = hashlib.sha1(" ".join(source.split()).lower().encode()).hexdigest()
        label = claim["label"].split("_")[0]  # supported, partially, not
        out.append(
            {
                "id": f"wice:{key}-{seen[key]}:{label}",
                "doc_id": doc_id,
                "dataset": f"wice-{label}",
                "system": "wikipedia",
                "source": source,
                "summary": claim["claim"],
                "label": int(claim["label"] == "supported"),
                "spans": [],
            }
        )
    return sorted(out, key=lambda item: (item["doc_id"], item["id"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("wice", help="a WiCE claim file (wice_claim_oracle_dev.jsonl)")
    parser.add_argument("out", help="the benchmark file to write")
    parser.add_argument("--strict", action="store_true", help="leave partly supported out")
    args = parser.parse_args(argv)
    with open(args.wice, encoding="utf-8") as f:
        found = items(f.read().splitlines(), args.strict)
    with open(args.out, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in found)
    supported = sum(item["label"] == 1 for item in found)
    print(f"{len(found)} claims, {supported} supported -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
