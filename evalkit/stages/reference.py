"""Reference stage: the fullest article is the source with the most distinct event content.

Event content is measured after cleaning, as distinct content words that at least one other
source also uses: scraped junk is gone by now, and details no other article reports do not
make a rewrite look fuller than it is. The longest file is not necessarily the fullest.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalkit.errors import InputError
from evalkit.records import ReferenceChoice, Segmented, id_key
from evalkit.text import content_stems


def event_terms(sources: Sequence[Segmented]) -> dict[str, int]:
    """Per source: distinct content stems of its body that another source also uses."""
    stems = {
        s.doc_id: frozenset().union(*(content_stems(x.text) for x in s.sentences if not x.heading))
        for s in sources
    }
    counts = {}
    for doc_id, own in stems.items():
        others = frozenset().union(*(v for k, v in stems.items() if k != doc_id))
        counts[doc_id] = len(own & others) if len(stems) > 1 else len(own)
    return counts


def pick_reference(sources: Sequence[Segmented], requested: str | None) -> ReferenceChoice:
    """The requested source, or the one with the most shared distinct event terms."""
    counts = event_terms(sources)
    content = tuple(sorted(counts.items()))
    if requested is not None:
        named = [doc_id for doc_id in counts if id_key(doc_id) == id_key(requested)]
        if not named:
            raise InputError(
                f"data.reference: unknown source id '{requested}'; choose from: "
                f"{', '.join(sorted(counts))}"
            )
        return ReferenceChoice(named[0], "chosen by data.reference", content)
    # Most terms first; ties go to the smaller id so the choice is deterministic.
    best = min(counts, key=lambda doc_id: (-counts[doc_id], doc_id))
    runner_up = max((v for k, v in counts.items() if k != best), default=0)
    reason = (
        f"fullest article after cleaning: {counts[best]} distinct event terms "
        f"shared with other sources (next best {runner_up})"
    )
    return ReferenceChoice(best, reason, content)
