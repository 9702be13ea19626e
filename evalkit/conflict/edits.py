"""A copy of a source sentence with one change: a negation, an opposite, another step of how
often or how much, another number, unit or month, or a pronoun of the other sex (`_edited`), a
hedge or a condition left out (`_hedged`); or the start of one sentence and the rest of
another (`spliced`), or a clause said of someone else (`reattached`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache, partial
from typing import Literal

from evalkit.conflict.base import (
    _COPY,
    _NEAR_COPY,
    _PRONOUNS,
    _SAID,
    _SAY,
    PLURAL_FORMS,
    Conflict,
    _content,
    _copy_changes,
    _uncontracted,
    aged,
    held_past_asides,
    inner_changes,
    past_asides,
    run_at,
)
from evalkit.conflict.figures import _BARE_NUMBER, _YEAR
from evalkit.conflict.names import _ARTICLES as _A_AN_THE
from evalkit.conflict.names import (
    _HONORIFICS,
    _KIN,
    _NAME_LENGTH,
    _PEOPLE_WORDS,
    _PERSON_TITLES,
    _SUBJECTS,
    SEEMS,
    _opens_unnamed,
    abbreviates,
    named_in,
)
from evalkit.conflict.polarity import _BASE_STEMS
from evalkit.lexicon import name_words, unknown_words
from evalkit.text import (
    BE,
    COPY_OPPOSITES,
    MEMO,
    MONTHS,
    SCALES,
    WEEKDAYS,
    fold,
    full_month,
    is_content,
    names,
    quotations,
    scale_step,
    stem,
    tokens,
)

_NEGATORS = frozenset({"not", "no", "never"})
# A pronoun or honorific and the other sex's ("he" / "she"): a copy that changes one speaks of
# someone else.
_GENDERED = {
    "he": {"she"},
    "she": {"he"},
    "him": {"her"},
    "his": {"her", "hers"},
    "her": {"him", "his"},
    "hers": {"his"},
    "himself": {"herself"},
    "herself": {"himself"},
    # an honorific: "Mr Mosey" for "Mrs Mosey" is her husband
    "mr": {"mrs", "ms", "miss"},
    **dict.fromkeys(("mrs", "ms", "miss"), {"mr"}),
}


def _another_step(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether both are on one scale of how often or how much (`text.SCALES`), on different
    steps: "always" for "sometimes", "many doubts" for "a few doubts"; "all of them" reads as
    "all". The top of how often or how much for a lower step of the other is another step too:
    "were all protected" for "were mostly protected"."""
    mine, theirs = scale_step(_of_them(new)), scale_step(_of_them(old))
    if mine is None or theirs is None or mine == theirs:
        return False
    if mine[0] == theirs[0]:
        return True
    return {mine[0], theirs[0]} == _HOW_OFTEN_OR_MUCH and bool({mine, theirs} & _TOPS_OF_SCALES)


_HOW_OFTEN_OR_MUCH = {0, 1}  # `text.SCALES`' scales of how often and of how much
_TOPS_OF_SCALES = {(scale, len(SCALES[scale]) - 1) for scale in _HOW_OFTEN_OR_MUCH}


def _of_them(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without "of them" or "of whom" after them ("all of them": "all")."""
    return words[:-2] if len(words) > 2 and words[-2:] in _OF_THEM else words


_OF_THEM = (("of", "them"), ("of", "whom"))


_ARTICLES = frozenset({"a", "an"})
_YET_TO = ("yet", "to")
# what says a verb after it is not done: "have yet to hold talks", "failed to make it"
_UNDONE = frozenset({_YET_TO, ("failed", "to"), ("fails", "to"), ("fail", "to"), ("failing", "to")})
_HAVING = frozenset("having has have had".split())  # `_hedged_in`: what a seeming's verb may keep
_LACK = ("lack", "of")


def _one_article(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("a" if w == "an" else w for w in words) if "an" in words else words


def _unarticled(words: tuple[str, ...]) -> tuple[str, ...]:
    return words[1:] if words[:1] and words[0] in _ARTICLES else words


# whom a possessive names beside the possessor: "Mrs Alexander's aunt", "Smith's lawyer",
# "Westwood's partner Danny Willett"
_OWNED = _KIN | frozenset(
    """lawyer lawyers attorney attorneys solicitor solicitors partner partners mate mates
    teammate teammates coach manager agent caddie assistant deputy colleague colleagues""".split()
)
_PREPOSITIONS = frozenset("of with for on in over to by".split())
_DEFEATS = frozenset({"defeat", "defeats"})
_ORDINAL_ENDS = frozenset("st nd rd th".split())


def _ordinal(words: tuple[str, ...]) -> str:
    """The number of a numeral ordinal as `tokens` reads it ("67th"; "61", "st", its ending
    read as a unit glued on), or ""."""
    if len(words) == 1 and words[0][-2:] in _ORDINAL_ENDS and words[0][:-2].isdigit():
        return words[0][:-2]
    if len(words) == 2 and words[0].isdigit() and words[1] in _ORDINAL_ENDS:
        return words[0]
    return ""


# Prefixes that make a word its opposite: "unimportant", "impossible", "dishonest".
_NEGATING = ("un", "in", "im", "il", "ir", "dis")


def _opposite_with_object(
    old: tuple[str, ...], new: tuple[str, ...], unit: tuple[str, ...]
) -> bool:
    """Whether one word is put in for its opposite with an object the unit lacks: "beat the
    Senators" for "lost"."""
    if len(old) != 1 or not 1 < len(new) <= _OBJECT_WORDS + 1:
        return False
    put = _content(new[1:])
    return new[0] in COPY_OPPOSITES.get(old[0], ()) and bool(put) and not put & set(unit)


_OBJECT_WORDS = 3


def _unaided(words: tuple[str, ...]) -> tuple[str, ...]:
    """Two words without the auxiliary or the adverb that opens them ("was cancelled":
    "cancelled"; "also killed": "killed")."""
    return words[1:] if len(words) == 2 and (words[0] in _AIDS or words[0] in _ASIDE) else words


_AIDS = BE | frozenset("has have had".split())


def _unprefixed(a: str, b: str) -> bool:
    """Whether one word is the other with a prefix that negates it ("unimportant" for
    "important"), the other word at least four letters, or with "less" for "ful"."""
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and any(long == p + short for p in _NEGATING):
        return True
    # "harmless" for "harmful", "useless" for "useful"
    full, less = sorted((a, b), key=lambda w: w.endswith("less"))
    return full.endswith("ful") and less.endswith("less") and full[:-3] == less[:-4]


def _agreed(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with a verb's form for one subject read as its form for several: "Disney has
    been offering refunds" takes its predicate from "Local cinema chains have been offering
    refunds", "both of whom were" is "one of whom was" but for "both"."""
    return tuple(PLURAL_FORMS.get(w, w) for w in words)


# plurals not made with -s: "the women were asleep" agrees with "one of ... when the woman was"
_PLURALS = {"women": "woman", "men": "man", "people": "person", "children": "child"}


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with each plural read as its singular ("offences" as "offence")."""
    return tuple(
        _PLURALS.get(w) or (w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w)
        for w in words
    )


def _one_verb(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether the words are one verb in two forms: "came" for "coming", "plays" for "played"."""
    if len(old) != 1 or len(new) != 1 or old == new:
        return False
    return bool(_bases(old[0]) & _bases(new[0]))


def _bases(word: str) -> set[str]:
    """The stems a verb's form may have: "coming" "come", "came" "come" (`_BASE_STEMS`)."""
    cut = [word[: -len(end)] for end in ("ing", "ed", "s") if word.endswith(end)]
    forms = {word, *cut, *(w + "e" for w in cut)}
    return {_BASE_STEMS.get(stem(w), stem(w)) for w in forms if len(w) > 2}


def _agreeing(
    changes: tuple[tuple[str, int, int, int, int], ...],
    c: tuple[str, ...],
    u: tuple[str, ...],
    at: int,
) -> bool:
    """Whether every change but the one at unit word `at` is a verb or noun made to agree
    ("when the women were" for "when the woman was"), a joining word put in or left out
    ("While Beckham rarely gets it wrong ..., he is ..." for "Beckham often gets it wrong ...,
    but he is ..."), or words left out that negate nothing ("Local fishermen, helped by
    officials, ...")."""
    return all(
        i1 == at
        or (op == "replace" and _singular(_agreed(u[i1:i2])) == _singular(_agreed(c[j1:j2])))
        or (op == "replace" and _one_verb(u[i1:i2], c[j1:j2]))
        or (op != "replace" and {*u[i1:i2], *c[j1:j2]} <= _CLAUSE_OPENERS)
        or (op == "delete" and not set(u[i1:i2]) & _NEGATORS)
        or (op == "insert" and set(c[j1:j2]) <= BE)  # "X is a reference" for "X -- a reference"
        for op, i1, i2, j1, j2 in changes
    )


def _compared(
    op: str, old: tuple[str, ...], new: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a copy's change that `_edited` compares: a preposition both put after a
    verb left out ("convicted of" for "charged with", "win over" for "defeat by"; not "the win
    over" for "the defeat of": who beat whom read the same), an ordinal's number ("the 61st
    minute" for "the 67th"), a clause's opening word left out ("All of the blooms were ..."
    for "While most of the blooms was ..."), an auxiliary left out ("continued" for "was
    cancelled")."""
    if len(old) == len(new) == 2 and {old[1], new[1]} <= _PREPOSITIONS:
        if not ({old[1], new[1]} == {"over", "of"} and {old[0], new[0]} & _DEFEATS):
            old, new = old[:1], new[:1]
    elif len(old) == 2 and len(new) == 1 and old[1] == "of":
        old = old[:1]  # "moved into solitary confinement" for "moved out of ..."
    elif (number := _ordinal(old)) and (other := _ordinal(new)):
        old, new = (number,), (other,)
    if len(old) > 1 and old[0] in _CLAUSE_OPENERS and new[:1] != old[:1]:
        old = old[1:]
    if op == "replace" and {len(old), len(new)} == {1, 2}:
        old, new = _unaided(old), _unaided(new)
    return old, new


def _opposed(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether one word is put for its opposite (`COPY_OPPOSITES`), or for itself with a
    negating prefix ("unimportant" for "important")."""
    if len(old) != 1 or len(new) != 1:
        return False
    return new[0] in COPY_OPPOSITES.get(old[0], ()) or _unprefixed(old[0], new[0])


def _edited(claim: str, unit: str) -> Conflict | None:
    """`_edited_in` the unit, or past the asides the claim leaves out (`past_asides`). A "No,"
    that answers a question, opening a sentence or a quote, is no negation a copy takes away:
    "Mourinho said: 'I don't think he had a bad performance'" copies "Mourinho said: 'No, I
    don't think he had a bad performance'"."""
    return past_asides(_edited_in, _ANSWER.sub(r"\1", claim), _ANSWER.sub(r"\1", unit))


_ANSWER = re.compile(r"(^|[.!?:]\s+|[\"'‘“`]\s*)no\s*,\s*(?=\w)", re.I)


def _edited_in(claim: str, unit: str) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words, in order), and every change is a
    negation added or taken away (an odd number of them), or one word in place of its opposite
    (or of itself with a negating prefix: "unimportant" for "important"; other changes only
    words of the unit left out), or another step of
    how often or how much ("many doubts" for "a few doubts", `_another_step`), or a pronoun in
    place of the other sex's or a number, unit, month or weekday in place of another
    (`_exchanged`); a pronoun of the other sex also where words were left out or added ("North
    Korean leader Kim Jong Un denied that his country ..." against "The sister of North Korean
    leader Kim Jong Un denied that her country ..."):
    "nothing will not bring him back" against "nothing will bring him back", "before every
    device was switched off" against "after every device was switched off", "she was fined"
    against "he was fined", "Smith, 10, was fined" against "Smith, 43, was fined". "a" and
    "an" are one word here: "an easier time" copies "a harder time" but for "easier"."""
    c, u = _one_article(_uncontracted(tokens(claim))), _one_article(_uncontracted(tokens(unit)))
    changes = _copy_changes(c, u, _COPY)
    if not changes:
        return None
    compared = [_compared(op, u[i1:i2], c[j1:j2]) for op, i1, i2, j1, j2 in changes]
    # one word in place of its opposite, whatever else was changed before it: "storing it ...,
    # which is far less absorbent" for "storing them ..., which are far more absorbent"; the
    # one change, or the one but words of the unit left out ("The day after the grim
    # discovery, Miss Muller ..." for "The day before the grim discovery, on March 12, Miss
    # Muller ...") and function words put in or for others ("was the quieter" for "- The
    # busier"), or another opposite (a deal's verb and its preposition, "signed ... from" for
    # "sold ... to")
    for k, (op, *_) in enumerate(changes):
        old, new = compared[k]
        if op == "replace" and _opposed(old, new):
            if all(
                o[0] == "delete"
                or not _content(u[o[1] : o[2]])  # "In Jersey, ..." for "Here, ..."
                or {*u[o[1] : o[2]], *c[o[3] : o[4]]} <= _ASIDE | _JOINERS  # "but will still"
                or _opposed(*pair)
                or _one_verb(u[o[1] : o[2]], c[o[3] : o[4]])
                for o, pair in zip(changes, compared, strict=True)
                if o is not changes[k]
            ):
                return Conflict("opposite", new[0], old[0])
    added, exchanged, cut = 0, None, False
    for (op, i1, i2, j1, j2), (old, new) in zip(changes, compared, strict=True):
        if op == "replace" and _another_step(old, new) and _agreeing(changes, c, u, i1):
            return Conflict("opposite", " ".join(new), " ".join(old))
        if op == "replace" and (_voice_turned(old, new) or _voice_turned(new, old)):
            return Conflict("order", " ".join(new), " ".join(old))
        if op == "replace" and _one_verb(u[i1:i2], c[j1:j2]):
            continue  # "came" for "coming": the rest decides
        if op == "replace" and _opposite_with_object(old, new, u):
            # "in which Detroit beat the Senators" for "which Detroit lost", other changes only
            # function words
            others = [o for o in changes if o[1:] != (i1, i2, j1, j2)]
            if all(
                o[0] != "replace" and not _content(u[o[1] : o[2]] + c[o[3] : o[4]]) for o in others
            ):
                return Conflict("opposite", new[0], old[0])
        if op == "replace" and len(old) == len(new) == 1:
            if {old[0], new[0]} <= _JOINERS:
                continue  # "..., but did not know" for "... and did not know"
            if (old[0] in _HONORIFICS) != (new[0] in _HONORIFICS):
                continue  # "Allen Mosey" for "Mrs Mosey": the pronouns tell whom it names
            kind = _exchanged(old[0], new[0])
            if kind is None:
                return None
            exchanged = exchanged or Conflict(kind, new[0], old[0])
        elif op == "replace" and _turned_down(old, new):
            return Conflict("opposite", " ".join(new), " ".join(old))
        elif op == "replace" and old[:2] in _UNDONE and _one_verb(old[2:], new):
            added -= 1  # "have held talks" for "have yet to hold talks", "made it" for "failed to"
        elif op == "replace" and new[:2] in _UNDONE and _one_verb(new[2:], old):
            added += 1
        elif op == "replace" and _did_not(old, new):
            added -= 1  # "knew" for "did not know"
        elif op == "replace" and _did_not(new, old):
            added += 1
        elif op == "replace" and {old, new} == {_NO_LONGER, ("still",)}:
            return Conflict("opposite", " ".join(new), " ".join(old))  # "would still be"
        elif op == "replace":
            return None
        elif _NO_LONGER in (old, new):  # "would be required" for "would no longer be required"
            added += 1 if new else -1
        elif op == "delete" and i1 > 0 and old[0] in ("s", "whose") and set(old[1:]) & _OWNED:
            # the one whose kin or counsel did it said to have done it: "when Mrs Alexander
            # found ..." for "when Mrs Alexander's aunt found ...", "Alison Wedgwood, a direct
            # descendant of ..." for "Alison Wedgwood, whose husband Tom is a direct ..."
            return Conflict("word", u[i1 - 1], " ".join(u[i1 - 1 : i2]))
        elif _YET_TO in (old, new):  # "had yet to come forward" is "had not come forward"
            added += 1 if new else -1
        elif op != "replace" and _LACK in (_unarticled(old), _unarticled(new)):
            added += 1 if new else -1  # "there was evidence" for "there was a lack of evidence"
        elif op != "replace" and set(old + new) <= _CLAUSE_OPENERS:
            pass  # "..., and the watchdog said" for "Although ..., the watchdog said"
        elif op == "delete" and _another_clause(old, u[i1], i1 == 0, i2 == len(u)):
            pass  # a clause of the unit left out: "She added that ...", "... and while ..."
        elif op != "replace" and _said_twice(*((old, u, i1, i2) if old else (new, c, j1, j2))):
            pass  # a negator said twice over, once left out: "never give out" for "never, never"
        elif not set(old + new) <= _NEGATORS:
            cut = True  # words left out or added: only a pronoun of the other sex still tells
        else:
            added += len(new) - len(old)
    if cut:
        return exchanged if exchanged and exchanged.kind == "word" and added == 0 else None
    if exchanged or added % 2 == 0:
        return exchanged
    side = "claim" if added > 0 else "source"
    return Conflict("negation", side, "source" if side == "claim" else "claim")


def _said_twice(words: tuple[str, ...], side: tuple[str, ...], i: int, j: int) -> bool:
    """Whether the words (side[i:j]) are a negator that a word beside them is too ("never,
    never")."""
    return len(words) == 1 and words[0] in _NEGATORS and words in (side[i - 1 : i], side[j : j + 1])


# Words that hedge what they qualify ("the alleged attacks", "he reportedly stole"): a copy
# that leaves one out says for certain what the source does not.
_HEDGES = frozenset(
    """alleged allegedly reportedly apparently possibly probably likely suspected purportedly
    supposedly presumably perhaps potentially hopefully""".split()
)
# What makes a verb a prospect ("may", "is expected to", "plans to") and what states it as
# certain in its place ("will", "has"): "Rankin will return" for "Rankin is expected to return".
_PROSPECTS = frozenset(
    """may might could can should expected due set likely plans planned plan hopes hoping want
    wants wanted intend intends intended aim aims""".split()
)
# what may stand between "due", "set" or "expected" and the verb they make one to come
_BE_TO = frozenset("to is are was were be".split())
_PROSPECT_WORDS = _PROSPECTS | _BE_TO
_CERTAIN = frozenset("will has have had did is are was were".split())
# What gives a statement as only seeming or said so ("seemed to be", "is believed to have been")
# and the words that go with it: "he was the cause" for "he seemed to be the cause".
_SEEMING = frozenset(
    """seem seems seemed appear appears appeared believed thought said reported understood
    rumoured rumored estimated feared presumed""".split()
)
_SEEMING_WORDS = _SEEMING | _BE_TO | frozenset("been have has had widely long generally".split())
# How many words either side of a change a claim's own prospect word ("may", "could") is read
# as hedging it: "could start" for "could possibly start" hedges still; a far "due to" does not.
_NEAR = 3


_JOINERS = frozenset("and but while".split())  # `_edited`: joining words that say alike
# a verb and its particle whose opposite is one word: "accepted" for "turned down"
_TURNED_DOWN: dict[tuple[str, ...], str] = {
    ("turned", "down"): "accepted",
    ("turn", "down"): "accept",
    ("turns", "down"): "accepts",
    ("turning", "down"): "accepting",
}


def _turned_down(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether one side is "turned down" (in a form) and the other "accepted" (in that form)."""
    return any(_TURNED_DOWN.get(a) == " ".join(b) for a, b in ((old, new), (new, old)))


_DO = frozenset("did does do".split())


def _voice_turned(passive: tuple[str, ...], active: tuple[str, ...]) -> bool:
    """Whether a participle with "by" is put as the same verb's "-ing", its doer made the one it
    is done to: "suspecting every policeman of supporting" for "suspected by every policeman of
    supporting", "following" for "followed by"."""
    if len(passive) != 2 or passive[1] != "by" or len(active) != 1:
        return False
    done, doing = passive[0], active[0]
    return doing.endswith("ing") and done.endswith(("ed", "en")) and stem(done) == stem(doing)


def _did_not(negated: tuple[str, ...], plain: tuple[str, ...]) -> bool:
    """Whether the words negate a verb ("did not know") the other words say plainly, in a form
    of their own ("knew", "enjoyed", "knows")."""
    plain = tuple(w for w in plain if w not in _ASIDE)  # "also features": "does not feature"
    if len(negated) != 3 or len(plain) != 1 or negated[0] not in _DO or negated[1] != "not":
        return False
    verb, said = negated[2], plain[0]
    return said != verb and (said.startswith(verb) or _BASE_STEMS.get(stem(said)) == stem(verb))


_ASIDE = frozenset("also still even already".split())  # `_did_not`: adverbs a copy adds
_NO_LONGER = ("no", "longer")  # a negator of two words, whose opposite is "still"

# words that open a clause of its own, which a copy may leave out with its negations
_CLAUSE_OPENERS = frozenset("and but while which who as because although though whereas".split())


def _another_clause(old: tuple[str, ...], first: str, head: bool, tail: bool) -> bool:
    """Whether words a copy leaves out (`old`, as `_compared` reads them; `first`, the unit's
    first of them) are the unit's head or tail and say no negation of the copy's: none at all,
    or a clause of their own ("... and while 'they may not think ...'", "She added that ...");
    or, between words the copy keeps, a clause of their own without a negation ("United have
    held talks with the player, while ..." for "United have yet to hold talks with the player
    but have informed PSV of their wish to do so while ...")."""
    if not (head or tail):
        return first in _CLAUSE_OPENERS and not set(old) & _NEGATORS
    own = (tail and old[0] in _CLAUSE_OPENERS) or (head and old[-1] == "that")
    return own or not set(old) & _NEGATORS


# "one of the greatest players": one of a class at its top, which the claim may make the one
_ONE_OF = re.compile(r"\bone of the (?P<top>(?:most |least )?[a-z]+) (?P<kind>[a-z]+s)\b")
_TOPS = frozenset({"best", "worst", "most", "least"})


def singled_out(claim: str, unit: str) -> Conflict | None:
    """The claim makes one of a class at its top the one at the top: "Maradona is universally
    considered the greatest player" against "Maradona is widely considered one of the greatest
    players" (a some made an all; not where the claim keeps "one of")."""
    mine, theirs = fold(claim), fold(unit)
    for m in _ONE_OF.finditer(theirs):
        top, kinds = m["top"], m["kind"]
        if not (top.endswith("est") or top.split()[0] in _TOPS) or f"one of the {top}" in mine:
            continue
        for kind in {kinds[:-1], kinds[:-2]} if kinds.endswith("es") else {kinds[:-1]}:
            if re.search(rf"\bthe {re.escape(top)} {re.escape(kind)}\b", mine):
                return Conflict("word", f"the {top} {kind}", m.group())
    return None


# `fused`: words that open a clause of its own after another ("even though" as "though")
_CLAUSE_JOINS = frozenset("though although but while whereas despite however yet".split())
_SUBJECT_OPENERS = frozenset(
    "the a an this that these those he she it they we i his her their its".split()
)


def fused(claim: str, unit: str) -> Conflict | None:
    """`_fused_in`, where the unit still reads so without the asides between commas that the
    claim leaves out whole ("Brunning said" for "Brunning, from the ... unit, said")."""
    return held_past_asides(_fused_in, claim, unit)


def _fused_in(claim: str, unit: str) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words, in order) but for one run of
    words left out inside it: the end of one clause, the word that joins the next and that
    clause's head, so that what the next clause says is said in the first's place: "is being
    rationed in England to fund weight-loss surgery" for "is being rationed in England to
    save money, even though the NHS recently announced it would fund weight-loss surgery". Not
    a whole clause left out ("..., although it rained, ...")."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    changes = _copy_changes(c, u, _COPY) or ()
    # (the unit's head or tail left out besides)
    inner = inner_changes(changes, len(u))
    if len(inner) != 1 or inner[0][0] != "delete":
        return None
    _, i1, i2, j1, _ = inner[0]
    gone = u[i1:i2]
    for k, word in enumerate(gone):
        # (the next clause with a subject of its own, left out: "even though the NHS ... would
        # fund", not "..., but only at the right club, having turned down")
        opener = gone[k + 1] if k + 1 < len(gone) else ""
        if word in _CLAUSE_JOINS and _content(gone[:k]) and opener in _SUBJECT_OPENERS:
            mine = " ".join(c[max(j1 - 1, 0) : j1 + 1])
            return Conflict("word", mine, " ".join(u[max(i1 - 1, 0) : i2 + 1]))
    return None


def _hedged(claim: str, unit: str, opens: bool = True) -> Conflict | None:
    """`_hedged_in`, where the unit still hedges without the clauses between commas that the
    claim leaves out whole: a hedge inside one hedges only its own words ("seen by fans as
    Arsenal's premier right back" of "seen by fans, and possibly even by his manager, as ...";
    not "The man, police believe, stole ...", which hedges the whole). `opens`: whether the
    claim is read from its own opening (not past an opening speaker or believer, whose
    leaving out is no hedge left out)."""
    return held_past_asides(partial(_hedged_in, opens=opens), claim, unit, _CLAUSE_OPENERS)


def _hedged_in(claim: str, unit: str, opens: bool = True) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words, in order), leaves out words or
    puts others in, and leaves out a hedge (`_HEDGES`: "the attacks" against "the alleged
    attacks"), or states as certain what the unit gives as a prospect ("Rankin will return"
    against "Rankin is expected to return"; "would" is no prospect: reported speech says "will"
    with it) or as only seeming or said ("he was the cause" against "he seemed to be the
    cause", "has been trying" against "is said to have been trying"), or leaves out a modal
    ("militants control" against "militants could control") or whose claim it is ("Ms
    Reichert was" against "Ms Reichert claims she was", `_claimed`), or says a charge or a
    claim proven or done ("stole" against "was charged with stealing", `_guilty_instead`), or
    puts a condition otherwise where nothing hedges the claim ("after the Grand National"
    against "if his mount wins the Grand National"), or leaves out "almost" before a word of all
    ("at every level" against "at almost every level"), or an impersonal hedge that opens the
    unit ("The hope will be that ...", `_hoped`). A speaker's "said" put for "hinted" hedges
    nothing ("would follow" against "might follow" is still a prospect said as certain). A
    prospect word of the claim's own near a change hedges it still; one further off ("due to
    suppression orders, will be held") does not."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    # (no impersonal hedge is left out where the claim hedges its own way: "... are understood
    # to have been visited" for "It is understood that ... have been visited")
    own_hope = bool(_HOPING.intersection(c))
    told = None if own_hope else _hope_told(c, u)
    if told:
        return told
    changes = _copy_changes(c, u, _COPY)
    if not changes:
        return _proven_instead(c, u)
    unconditional = _unconditional(changes, c, u)
    # a hedge of the claim's own (not one it copies: "a conversation allegedly hacked")
    hedges = _HEDGES.intersection(c)
    if unconditional or any(c.count(w) > u.count(w) for w in hedges):
        return unconditional
    found = dropped = None
    otherwise = False  # a hedge said otherwise
    own_belief = bool(_BELIEVING.intersection(c))
    copies_hedge = bool(hedges)  # "the alleged ringleaders ... attended"
    for op, i1, i2, j1, j2 in changes:
        old, new = u[i1:i2], c[j1:j2]
        if _hedges_near(c, j1, j2):
            return None  # the claim hedges the same words its own way
        bare = tuple(w for w in old if w not in _HEDGES)  # "a fault" for "an alleged fault"
        if op == "replace" and bare != old and _one_article(bare) == _one_article(new):
            op, old = "delete", tuple(w for w in old if w in _HEDGES)
        if (opens or i1) and _belief_left_out(op, old, new, i1, u, c, j1) and not own_belief:
            found = found or Conflict("word", " ".join(c[j1 : j1 + 2]), " ".join(old))
            continue
        # (the claimant kept before it: not a claim that opens past "Mertesacker insisted", nor
        # one that says whose it is its own way: "according to Carrie Reichert, alcohol ...")
        # (nor one that moves the claimant to its head: "Lang believes the sportive is ..." for
        # "The sportive, Lang believes, is ...")
        claimed = i1 > 0 and _claimed(old) and set(new) <= _JOINING and not _attributed(c)
        claimed = claimed and not set(old) <= set(c)
        # an impersonal hedge that opens the unit left out: "The hope will be that the shift
        # ... will lead", "It is thought that ..."
        # (or after a word that joins it: "... and the hope is that their son will ...")
        # (or a speaker's: "The council said 145 potholes ..." for "The council said it is
        # hoped that 145 potholes ...")
        joined = i1 > 0 and (u[i1 - 1] in _JOINING or bool(_SAY.fullmatch(u[i1 - 1])))
        opens = i1 == 0 or (joined and j1 > 0 and c[j1 - 1] == u[i1 - 1])
        hope = old + u[i2 : i2 + 1] if u[i2 : i2 + 1] == ("that",) else old  # "that" kept
        claimed = claimed or (op == "delete" and opens and _hoped(hope) and not own_hope)
        if claimed or (
            op == "delete"
            and (
                (_HEDGES & set(old) and not copies_hedge)
                or _seeming(old)
                or _modal(old)
                or _almost(old, u[i2 : i2 + 1])
                or _prospect_named(old)
            )
        ):
            mine, theirs = c[max(j1 - 1, 0) : j1 + 1], u[max(i1 - 1, 0) : i2 + 1]
            found = found or Conflict("word", " ".join(mine), " ".join(theirs))
            if op == "delete" and _HEDGES & set(old):
                dropped = dropped or found
        elif (
            op == "replace"
            and (
                (len(new) == 1 and _said_certain(old, new[0]))
                # joined to the clause before: "..., and will repeat" for "..., hoping to repeat"
                or (len(new) == 2 and new[0] in _JOINERS and _said_certain(old, new[1]))
                # with a name the claim gives in full: "Lucas Leiva will get" for "Lucas is hoping
                # to get"
                or (len(new) > 1 and set(new[:-1]) <= names(claim) and _said_certain(old, new[-1]))
                # or with a pronoun for the name: "She will be back" for "Williamson hopes to be
                # back"
                or (
                    len(new) == 2
                    and new[0] in _SUBJECTS
                    and old[0] in name_words(unit)
                    and _said_certain(old[1:], new[-1])
                )
                # the seeming verb's own in another form: "suffered a fractured collarbone" for
                # "suffering what was feared to be a fractured collarbone"
                or (_seeming(old) and len(new) == 1 and _reformed(new[0], old))
                # "having made" for "understood to have made"
                or (_seeming(old) and set(new) <= _HAVING and not _SEEMING & set(new))
                or _certain_instead(old, new)
                or _guilty_instead(old, new)
                # a condition put otherwise where nothing hedges the claim: "will stop riding
                # immediately after the Grand National" for "... if his mount wins the Grand
                # National" (not "can extend their lead by beating Burnley")
                or (_unconditioned(old, new) and not _PROSPECTS.intersection(c))
            )
        ):
            found = found or Conflict("word", " ".join(new), " ".join(old))
        elif op == "replace" and (_hedging(u, i1, i2) or _hedging(c, j1, j2)):
            # for other rules, unless a hedge word is left out besides
            otherwise = otherwise or not _unconditioned(old, new)
    # ("Authorities knew ... was the culprit" for "Authorities suspected ... was possibly the
    # culprit")
    return dropped if otherwise else found


# `_belief_left_out`: verbs that give what follows as someone's belief, hope or claim (a claim
# may put a subject pronoun, `_SUBJECTS`, for the believer)
_BELIEVING = frozenset(
    """believe believes believed think thinks thought suspect suspects suspected fear fears
    feared suggest suggests suggested hope hopes hoped claim claims claimed""".split()
)


def _belief_left_out(
    op: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    i1: int,
    u: tuple[str, ...],
    c: tuple[str, ...],
    j1: int,
) -> bool:
    """Whether a copy leaves out whose belief, hope or claim the rest is (`_BELIEVING`), and
    so states it: where it opens the unit ("Those involved ... had been waiting" for
    "Detectives believe those involved ... had been waiting"; "It also retrieved documents"
    for "Cyber Berkut claims to have retrieved documents"), or after a speaker's verb the
    claim keeps ("said the start ... would lead" for "said he hoped the start ... would
    lead"). Not a speaker's own verb of speech or insistence ("Mertesacker insisted")."""
    if op not in ("delete", "replace") or not set(new) <= _SUBJECTS | {"also"}:
        return False
    verb = old[:-1] if old[-1:] == ("that",) else old
    if old[-2:] in (("to", "have"), ("to", "be")):
        verb = old[:-2]
    elif old[-1:] == ("to",):
        verb = old[:-1]
    if not verb or verb[-1] not in _BELIEVING or len(verb) > _OPENING_SPEAKER + 1:
        return False
    if i1 == 0:
        return len(verb) > 1  # the believer named: "Detectives believe"
    after_speech = bool(_SAY.fullmatch(u[i1 - 1])) and j1 > 0 and c[j1 - 1] == u[i1 - 1]
    return after_speech and not new and verb[:-1] in ((), *((w,) for w in _SUBJECTS))


_PASSIVE = BE - {"being"}  # what makes "said" a hedge before it: "is said to"


def _hedging(words: tuple[str, ...], i: int, j: int) -> bool:
    """Whether words[i:j] hedge: a word of `_HEDGING`, but "said" or "reported" only in the
    passive ("is said to", "was reported"), not as a speaker's verb ("He said that other
    measures would follow" for "He hinted that other measures might follow")."""
    for k in range(i, j):
        if words[k] not in _HEDGING:
            continue
        if words[k] not in _SPOKEN:
            return True
        after = words[k + 1] if k + 1 < len(words) else ""
        if (k and words[k - 1] in _PASSIVE) or after == "to":
            return True
    return False


_SPOKEN = frozenset({"said", "reported"})  # `_hedging`: verbs of speech


# what gives a statement as only someone's claim, before it: "Ms Reichert claims she was one
# of 10 women", "with Mrs Alexander claiming that the trees knocked £20,000 off"
_CLAIMING = frozenset(
    """claim claims claimed claiming insists insisted insisting believes believed speculation
    rumours rumors suggestions""".split()
)
_CLAIMED = frozenset("that he she they it we i".split())
_JOINING = frozenset("and but while so".split())  # what may join the claim in its place


def _claimed(words: tuple[str, ...]) -> bool:
    """Whether the words left out end with a claim's verb, and "that" or who is claimed of."""
    if words[-1:] and words[-1] in _CLAIMED:
        words = words[:-1]
    return bool(words) and words[-1] in _CLAIMING


# what opens a sentence to give what follows "that" as only hoped, thought or feared, whose
# hope or thought it is unsaid: "The hope will be that", "It is thought that"
_HOPING = frozenset(
    """hope hopes hoped likely possible thought believed expected feared suggested rumoured
    rumored speculation fears suggestions claimed alleged understood""".split()
)
_IMPERSONAL = _HOPING | frozenset(
    "it is was will be the there are were has been widely that".split()
)


def _hoped(words: tuple[str, ...]) -> bool:
    """Whether the words are an impersonal hedge before "that" (`_HOPING`), or one that opens
    with "it" without it ("It is thought he claimed asylum")."""
    that = words[-1:] == ("that",) or words[:1] == ("it",)
    return that and set(words) <= _IMPERSONAL and bool(_HOPING & set(words))


_OPENING_SPEAKER = 5  # `_hope_told`: the most words of a speaker that opens the claim


def _hope_told(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """A claim that puts its speaker where the unit opens with an impersonal hedge and names the
    speaker after it (`_hoped`): "Northumberland County Council said 145 potholes ..." against
    "It is hoped that 145 potholes ..., the council said"."""
    said = next((i for i, w in enumerate(c[: _OPENING_SPEAKER + 1]) if _SAY.fullmatch(w)), None)
    hedge = u.index("that") + 1 if "that" in u[: _OPENING_SPEAKER + 1] else 0
    if said is None or not hedge or not _hoped(u[:hedge]):
        return None
    rest, told = c[said + 1 :], u[hedge:]
    if rest[:1] == ("that",):
        rest = rest[1:]
    if (
        not rest
        or not any(_SAY.fullmatch(w) for w in told)
        or _copy_changes(rest, told, _COPY) is None
    ):
        return None
    return Conflict("word", " ".join(c[: said + 1]), " ".join(u[:hedge]))


def _attributed(words: tuple[str, ...]) -> bool:
    """Whether the claim says whose words it gives: "according to", a verb of speech or claim."""
    return "according" in words or any(_SAY.fullmatch(w) or w in _CLAIMING for w in words)


def _certain_instead(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether words put in for a modal's or a hedge's ("may", "could", "likely") say for
    certain what it gives as possible: "would have payments stopped" for "could be in danger
    of having payments stopped", "had abused" for "likely abused"; not a hedge _HEDGED_WORDS
    or more before the words put in, of a sentence the claim leaves out: "he was pleased" for
    "Swanson's goal ..., and we probably could've scored more .... I'm pleased")."""
    near = old[-_HEDGED_WORDS:]
    # (or a prospect's noun: "certain to live" for "with the potential to live"; a plan said
    # done is `polarity`'s)
    hedged = bool((_MODALS | _HEDGES | _PROSPECT_NOUNS).intersection(near))
    return hedged and not _STILL_HEDGED.intersection(new) and bool(_SURE.intersection(new))


_HEDGED_WORDS = 8  # `_certain_instead`: the last words of those replaced read for a hedge


# what gives a deed as only charged or suspected ("was charged with stealing"), and what says
# it proven in its place ("guilty of", "convicted of")
_ACCUSING = frozenset("charged accused suspected alleged".split())
_PROVEN = frozenset("guilty convicted proven proved shown found".split())


def _guilty_instead(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether words put in for an accusation's or a claim's say it proven or done: "guilty
    of" for "accused of", "found to have bugged" for "accused of bugging", "is proven to
    support" for "claims to support", "stole" for "was charged with stealing" (not a present:
    "faces" for "is charged with")."""
    if not (_ACCUSING | _CLAIMING).intersection(old) or _ACCUSING.intersection(new):
        return False
    if _PROVEN.intersection(new):
        return True
    if not _ACCUSING.intersection(old):
        return False
    done = len(new) == 1 and new[0].isalpha() and new[0] not in old and old[-1].endswith("ing")
    return done and not (new[0].endswith("s") or new[0] in _CERTAIN or new[0] in _TO_COME)


def _proven_instead(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """In a looser copy (_NEAR_COPY of the claim's words), a charge said proven in a few words
    (`_guilty_instead`): "sanchez 's classmate ... has been convicted of murder" against "a
    classmate ... has been charged with murder". (Not a modal said for certain, which a
    looser copy may report: "says he was told he was as important" for "he was told that he
    could be as vital".)"""
    for op, i1, i2, j1, j2 in _copy_changes(c, u, _NEAR_COPY) or ():
        old, new = u[i1:i2], c[j1:j2]
        if op != "replace" or max(len(old), len(new)) > _CHARGE_WORDS:
            continue
        if not _hedges_near(c, j1, j2) and _guilty_instead(old, new):
            return Conflict("word", " ".join(new), " ".join(old))
    return None


_CHARGE_WORDS = 4  # `_proven_instead`: the most words of a charge or a verdict ("charged with")


def _unconditioned(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether the words put in say without a condition what the unit's say with one: "by
    beating Burnley" for "if they beat Burnley"."""
    return bool(_CONDITIONS.intersection(old)) and not _HEDGING.intersection(new)


def unconditional(claim: str, unit: str) -> Conflict | None:
    """`_unconditional` for a claim the unit says word for word, and more; or the unit's
    impersonal hedge before it left out (`_hoped`: "The shift in policy will lead ..." of "The
    hope will be that the shift in policy will lead ..."), or its believer (`_belief_left_out`:
    "The man fled" of "Police believe that the man fled"), or the negator it opens with
    ("Arrests have been made" of "No arrests have been made")."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    changes = _copy_changes(c, u, _COPY) or ()
    head = next((o for o in changes if o[0] == "delete" and o[1] == 0), None)
    believed = head and _belief_left_out("delete", u[: head[2]], (), 0, u, c, 0)
    if head and (_hoped(u[: head[2]]) or believed):
        return Conflict("word", " ".join(c[:1]), " ".join(u[: head[2] + 1]))
    if head and u[head[2] - 1] in _NEGATORS:
        return Conflict("negation", "source", "claim")
    return _unconditional(changes, c, u)


def _unconditional(
    changes: tuple[tuple[str, int, int, int, int], ...], c: tuple[str, ...], u: tuple[str, ...]
) -> Conflict | None:
    """The copy leaves out only words (or says the condition's "would be" as "is", or its
    speaker its own way: `_stated`), among them a condition the claim has none of: one that
    opens the sentence or what it says ("I can promise you nobody has been dreaming more than
    me" against "If everyone has gone to bed thinking the dream will happen, I can promise
    you ..."; "... said that if ..."), or an "unless" anywhere. A trailing "if" may only say
    whom it holds for: people call "Half of hospitals are letting patients jump NHS queues for
    cataract surgery" faithful to "... if they pay for it themselves" (CLIFF). Not "even if" or
    "as if", which set no condition, nor "asked if" (whether), nor "If that was not enough, ..."
    (`_RHETORICAL`), which adds to what came before."""
    if not changes or _CONDITIONS & set(c):
        return None
    if not all(op == "delete" or _stated(u[i1:i2], c[j1:j2]) for op, i1, i2, j1, j2 in changes):
        return None
    for op, i1, i2, _, _ in changes:
        old = u[i1:i2]
        if op != "delete":
            continue
        opens = i1 == 0 or u[i1 - 1] == "that"
        if old[0] == "that":  # "he said that if ..." for "he said ..."
            old, opens = old[1:], True
        if (
            not old
            or old[0] not in _CONDITIONS
            or len(old) < _PART
            or not (opens or old[0] == "unless")
            or _RHETORICAL.match(" ".join(old))
        ):
            continue
        if not _ASKING.intersection(u[max(i1 - 3, 0) : i1]):
            said = " ".join(old[:8]) + (" ..." if len(old) > 8 else "")
            return Conflict("word", "(no condition)", said)
    return None


def _stated(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether words a copy puts in for others keep what it says, its condition aside: "is"
    for the condition's "would be", or a speaker's words of its own ("the Dallas Observer
    reports" for "the report adds")."""
    if "would" in old and set(new) <= _CERTAIN:
        return True
    return any(_SAY.fullmatch(w) for w in old) and any(_SAY.fullmatch(w) for w in new)


_CONDITIONS = frozenset("if unless provided providing".split())
# "If that was not enough, ...": no condition but a link to what came before
_RHETORICAL = re.compile(r"if (?:that|this|it) (?:was|were|is) not enough\b")
# what makes "if" a "whether": "asked the club if he could leave", "unclear if"
_ASKING = frozenset(
    """ask asks asked asking wonder wonders wondered wondering know knows knew see sees saw
    check checks checked tell told decide decided unclear sure doubt question""".split()
)


def _said_certain(old: tuple[str, ...], new: str) -> bool:
    """Whether a copy's one word in place of the unit's says as certain what they give as a
    prospect ("will" for "is expected to") or as done what they give as to come ("went" for
    "will go"; "would remain closed" for "was expected to remain closed")."""
    certain = new in _CERTAIN or new == "would"
    return (certain and (_prospect(old) or _seeming(old))) or _done_instead(old, new)


# What makes the verb after it one to come: "will go", "would take", "intends to go"
_TO_COME = _PROSPECTS | frozenset(
    "will would shall intends wants wanted aims looking seeking trying hoping bidding".split()
)


def _done_instead(old: tuple[str, ...], new: str) -> bool:
    """Whether one word of a copy says as done, in the past, what the unit's words give as to
    come: "went" for "will go", "took" for "would take", "banned" for "wanted to ban", "spoke"
    for "were due to speak" (not a present: "goes" for "will go" may tell a plan). Without a
    word before the verb (or without a verb) nothing is to come."""
    if len(old) < 2:
        return False
    *before, verb = old
    if not _TO_COME.intersection(before) or not set(before) <= _TO_COME | _BE_TO:
        return False
    present = new in ("is", "are", "am") or (new.endswith("s") and new != "was")
    return new != verb and new.isalpha() and not present and new not in _TO_COME


# prospect words that hedge without a "to" after them
_MODALS = frozenset("may might could should".split())
# words that hedge, make a prospect or set a condition: a copy's other words put in for words
# with one of them, or put in with one, may hedge the claim its own way (`_hedged`)
_HEDGING = _HEDGES | _TO_COME | _SEEMING | _CONDITIONS
# `_certain_instead`: the words put in that still hedge (`_HEDGING` less the words `_TO_COME`
# adds to the prospects: "will", "would", "intends" ...), and those that say for sure
_STILL_HEDGED = _HEDGES | _PROSPECTS | _SEEMING | _CONDITIONS
_SURE = _CERTAIN | frozenset("would definitely certainly surely undoubtedly certain sure".split())


def _hedges_near(c: tuple[str, ...], j1: int, j2: int) -> bool:
    """Whether the claim hedges the words near c[j1:j2] itself: a modal within _NEAR words, or
    another prospect word with "to" after it ("is due to", "plans to"; not "her due date" or
    "the plan led to")."""
    for j in range(max(j1 - _NEAR, 0), min(j2 + _NEAR, len(c))):
        if c[j] in _MODALS or (c[j] in _PROSPECTS and c[j + 1 : j + 2] == ("to",)):
            return True
    return False


def _seeming(words: tuple[str, ...]) -> bool:
    """Whether the words end by giving the verb after them as only seeming or said so: "seemed
    to be", "is said to have", "pictured above in las vegas in 2012 , was said to have" (an
    aside before it)."""
    k = len(words)
    # (past an adverb: "is currently thought to be")
    while k and (words[k - 1] in _SEEMING_WORDS or words[k - 1].endswith("ly")):
        k -= 1
    tail = words[k:]
    # after other words, only a passive or a seeming verb: not "I said to the team"
    if k and not (tail[:1] and (tail[0] in _PASSIVE or tail[0] in SEEMS)):
        return False
    return bool(_SEEMING.intersection(tail)) and "to" in tail


def _reformed(word: str, old: tuple[str, ...]) -> bool:
    """Whether `word` is one of the words it replaces in another form ("handled" for "appeared
    to handle", "suffered" for "- who was ... - suffering what was feared to be"), and no
    seeming verb."""
    return word not in _SEEMING and word not in old and stem(word) in {stem(w) for w in old}


# what makes a word of all or none less than that: "at almost every level"
_ALMOST = frozenset("almost nearly virtually practically".split())
_UNIVERSAL = frozenset(
    """every all always everyone everybody everything entirely completely totally never nothing
    none nobody no""".split()
)


def _almost(words: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether the words left out are "almost" (or its like) before a word of all or none, or
    "almost certainly" ("has changed" for "has almost certainly changed")."""
    if len(words) == 2 and words[0] in _ALMOST and words[1] in _CERTAINLY:
        return True
    return bool(words) and set(words) <= _ALMOST and bool(after) and after[0] in _UNIVERSAL


_CERTAINLY = frozenset("certainly surely definitely".split())
# a prospect named by a noun, left out before what it is of: "has set up a four-day finish" for
# "has set up the possibility of a four-day finish" (`_prospect_named`)
_PROSPECT_NOUNS = frozenset(
    "possibility prospect prospects likelihood chance chances risk threat danger potential".split()
)


def _prospect_named(words: tuple[str, ...]) -> bool:
    """Whether the words left out are a prospect's noun and "of" ("the possibility of")."""
    return len(words) <= 3 and words[-1:] == ("of",) and bool(_PROSPECT_NOUNS.intersection(words))


def _modal(words: tuple[str, ...]) -> bool:
    """Whether the words are a modal and nothing else: "may", "could have", "might be"."""
    return bool(_MODALS.intersection(words)) and set(words) <= _MODALS | {"have", "be"}


def _prospect(words: tuple[str, ...]) -> bool:
    """Whether the words make a verb a prospect and nothing else: "is expected to", "may"."""
    return bool(_PROSPECTS.intersection(words)) and set(words) <= _PROSPECT_WORDS


def _exchanged(old: str, new: str) -> Literal["word", "number"] | None:
    """What a copy's one word in place of another is, where it is a change of fact: a pronoun
    of the other sex, a unit of measure or a month or weekday for another ("word"), or another
    number ("number": an age, "Smith, 10," against "Smith, 43,", which has no counted word for
    `_figure` to compare)."""
    if new in _GENDERED.get(old, ()):
        return "word"
    if _BARE_NUMBER.fullmatch(old) and _BARE_NUMBER.fullmatch(new):
        return "number"
    mine, theirs = _UNITS.get(new), _UNITS.get(old)
    if mine and theirs and mine[0] == theirs[0] and mine != theirs:
        return "word"  # "574 seconds" for "574 minutes", "5 miles" for "5 km"
    if {old, new} <= WEEKDAYS or ({old, new} <= MONTHS and full_month(old) != full_month(new)):
        return "word"  # "to April levels" for "to March levels", which `dates` cannot tell
    if any(_YEAR.fullmatch(a) and b in MONTHS for a, b in ((old, new), (new, old))):
        return "word"  # "since October" for "since 2013"
    return None


# Units of measure by kind, each unit in its forms: a copy that puts one for another of its
# kind changes the amount ("574 seconds" for "574 minutes"), as a scale does ("bn" for "m").
_UNIT_KINDS = (
    "second seconds | minute minutes | hour hours | day days | week weeks | month months"
    " | year years | decade decades",
    "mm millimetre millimetres | cm centimetre centimetres | metre metres meter meters"
    " | km kilometre kilometres kilometer kilometers | mile miles",
    "gram grams | kg kilogram kilograms | ounce ounces | lb lbs pound pounds | tonne tonnes",
    "thousand thousands | m million millions | bn billion billions | trillion trillions",
)
_UNITS = {
    form: (kind, unit)
    for kind, units in enumerate(_UNIT_KINDS)
    for unit, forms in enumerate(units.split("|"))
    for form in forms.split()
}


# Words a predicate starts with, for `spliced` (and any "-ed" word): a spliced claim joins one
# sentence's subject to another's predicate.
_AUXILIARIES = frozenset(
    "is was are were has have had will would can could should may might must did does do".split()
)
_PREDICATE = _AUXILIARIES | frozenset(
    "said says told tells added adds "
    # past tenses that end in no "-ed"
    "won beat took made gave got went came saw lost led held became began fell rose spent built "
    "sold bought brought found kept met sent paid ran struck shot wrote".split()
)
_RELATIVES = frozenset({"who", "which"})  # "Bradley Cooper, who won ...": said of Cooper
_PART = 2  # `spliced`: the fewest words of each part
_SAME_SUBJECT = 0.5  # `spliced`: the share of the start's content words a subject of it keeps


def spliced(claim: str, sentences: tuple[str, ...]) -> tuple[Conflict, int] | None:
    """The claim is the start of one sentence and the rest of another (each at least _PART
    words, word for word; the start may be one word that is a name, `_a_name`, from anywhere in
    the sources, the rest's sentence too), where the rest begins a predicate and the other
    sentence says it of a subject that shares under _SAME_SUBJECT of the start's content words
    (none of "The Red Cross", one of four of "The South Korean Unification Ministry") and is no
    pronoun (which may stand for it): "The Red Cross" + "are being transferred to rebel-held
    areas", said of the wounded. A claim said word for word by a sentence or two neighbouring
    ones is not spliced, nor one whose start and rest one sentence says in that order (a
    clause left out between), nor "X said ..." where the rest's sentence has "said X".
    Or, after "and" that follows a source's words, such a clause ("..., and Sanchez" + "had
    lost back-to-back league games", said of Arsenal), or another sentence's predicate said
    of a subject that names someone the words before never name ("Mr Hahn added that ... and"
    + "has been releasing a steady stream of recordings", said of Mr Zaev).
    Returns the conflict and the index of the sentence whose predicate the claim took."""
    c = _agreed(tokens(claim))
    if len(c) < 2 * _PART:
        return None
    texts, everything, pairs, lines = _spliceable(sentences)
    if not _content(c) <= everything or _padded(c) in texts or _padded(c) in pairs:
        return None
    found = _splice(c, claim, texts, lines)
    for at in range(_PART, len(c) - _PART):
        if found or c[at] != "and" or _padded(c[:at]) not in texts:
            continue
        listed = {c[at - 1], c[at + 1]} <= names(claim)
        if listed and re.search(rf"\b{c[at - 1]} and {c[at + 1]}\b", claim, re.IGNORECASE):
            continue  # "Herm and Sark" lists names, where "..., and Sanchez" joins a clause
        head, tail = c[:at], c[at + 1 :]
        found = _splice(tail, claim, texts, lines) or _joined(head, tail, texts, lines, sentences)
    return found


def _splice(
    c: tuple[str, ...], claim: str, texts: str, lines: Sequence[str]
) -> tuple[Conflict, int] | None:
    """`spliced` for the claim's words `c`, read from its start (`lines`: `texts`' lines)."""
    quoted = [_padded(tokens(q)) for q in quotations(claim)]
    head = _content(tokens(claim.split(",", 1)[0]))  # its subject, before an apposition
    for k in range(1 if _a_name(c[0], claim) else _PART, len(c) - _PART + 1):
        start, rest = _padded(c[:k]), _padded(c[k:])
        if start not in texts:
            return None  # a longer start is not in any sentence either
        if rest not in texts or not _predicate(c[k]) or _after_auxiliary(c[:k]):
            continue
        if any(_padded(c[k : k + _PART]) in q for q in quoted):
            continue  # 'her son "couldn't have been ..."': a quote, not the start's predicate
        own = _content(c[:k])
        # (one described by age and more: "the 31-year-old sister of ..."; not "a 12-year-old
        # girl", who is someone)
        if not own or not _content(c[k:]) or _description(c[:k], claim) or _the_aged(c[:k]):
            continue
        if c[:k] in _BODIES | _THINGS:  # "The company has raised ..." of "MyHeritage has ..."
            continue
        firsts = {i for i, line in enumerate(lines) if start in line}
        if any(lines[i].find(rest, lines[i].index(start) + len(start) - 1) >= 0 for i in firsts):
            return None  # one sentence says it all, with words between left out
        # (a sentence says the rest of the name the claim's "who" follows: "someone calling
        # himself 'Hunter Anderson', who would never agree to meet up" of "Anderson would ...")
        before_who = c[max(k - 1 - _NAME_LENGTH, 0) : k - 1] if c[k - 1] in _RELATIVES else ()
        told_of = (line[: line.index(rest)].split() for line in lines if rest in line)
        if before_who and any(words and words[-1] in before_who for words in told_of):
            return None
        for i, line in enumerate(lines):
            if rest not in line:
                continue
            subject = tuple(line[: line.index(rest)].split())
            # "Bradley Cooper, who won ...": said of Cooper, where the claim's start has a
            # clause of its own ("Kevin Hart, who was the target of ..., won ..."); not a bare
            # name, which may be another name of the same ("Ipswich" for "The Tractor Boys")
            if subject[-1:] and subject[-1] in _RELATIVES:
                named = _named_before(subject[:-1])
                if _RELATIVES & set(c[:k]):
                    subject = subject[:-1]
                elif named and name_words(" ".join(c[:k])):
                    subject = named  # "Mike Babcock" + "has played ..." of "Miller, who has"
            if _plural_for_list(c[:k], claim, subject):
                continue
            # "Cooper said ..." from "The 40-year-old actor said: "...," said Cooper"
            if c[k] in _SAID and any(f" {said}{start}" in line for said in _SAID):
                continue
            # "'I think it must have been ironed,' said Mrs Dunican" where the quote goes on
            # from hers: "'..., ' said Mrs Dunican. 'I think it must have been ironed ...'"
            if c[k] in _SAID and start in "".join(lines[i + 1 : i + 2]):
                continue
            # "The 29-year-old made 37 appearances ..." of Reid, whom the next line names
            # (`_resolved`; a name, or a word given an age: "Browning, 22,"; not where the claim
            # says what its person is: "Lee Merritt, a lawyer," for "the policeman", below)
            described_first = i == 0 and _A_AN_THE.intersection(subject[:1])
            opens_described = described_first or (
                subject[:1] == ("the",) and len(subject) <= _DESCRIPTION_WORDS
            )
            if opens_described and not _a_person(c[:k]):
                a_name = name_words(" ".join(c[:k])) or names(claim) & own or c[k - 1].isdigit()
                if a_name and _resolved(own, subject, lines, i):
                    continue
            # "He was recalled", "The 36-year-old had been ...": whom? Not one named only later,
            # nor, for a description, one the claim describes as someone else ("Lee Merritt, a
            # lawyer" for "The policeman": the rule below)
            stands_in = subject[-1:] and subject[-1] in _PRONOUNS
            described = not stands_in and (
                _description(subject, " ".join(subject)) or subject in _THINGS
            )
            # a longer description ("the former ... player") may be one the claim names, not
            # what it calls otherwise ("The road" for "The 32-year-old man")
            if described and len(subject) > 2:
                # (a name the lexicon knows, or a word it does not know: "bedene" for "the
                # world number 101")
                described = bool(name_words(" ".join(c[:k])) or unknown_words(" ".join(c[:k])))
            if stands_in or (described and not _a_person(c[:k])):
                # (not a "he" or "she" of an article cut before its first line named them)
                if stands_in and i == 0 and _opens_unnamed(lines[0]):
                    continue
                if _named_later(c[:k], lines[:i]):
                    return Conflict("splice", " ".join(c[:k][-8:]), " ".join(subject[-8:])), i
                continue
            if abbreviates(c[:k], subject) or abbreviates(subject[-1:], c[:k]):
                continue  # "QPR" + "beat Chelsea", said of "Queens Park Rangers"
            if _called(c[:k], subject, lines):
                continue  # "UVA" + "is a public university", said of "The university"
            if _surnamed(c[:k], subject):
                continue  # "Finance Minister Arun Jaitley" + "said ...", said of "Mr Jaitley"
            if _content(subject) == head or _opens_with(c[:k], _content(subject)):
                # "Berman, a crime writer, was shot ...": the subject, described; "Michael
                # Pulman, 33, ... has spent" of "Michael"
                continue
            # "Referee Anthony Taylor" + "sprinted ..." of "The official", where the line
            # before names the referee last (not "the policeman" for "Lee Merritt, a lawyer")
            described_last = subject[:1] == ("the",) and len(subject) == 2
            if described_last and not _a_person(subject) and _named_last(start, own, lines, i):
                continue
            if _content(subject) and len(_content(subject) & own) < _SAME_SUBJECT * len(own):
                return Conflict("splice", " ".join(c[:k][-8:]), " ".join(subject[-8:])), i
    return None


def _named_last(start: str, own: set[str], lines: Sequence[str], i: int) -> bool:
    """Whether the line before line i says the start (padded) and names no one else after it:
    whom a description with "the" that opens line i refers back to."""
    before = lines[i - 1] if i else ""
    at = before.rfind(start)
    return at >= 0 and not name_words(before[at + len(start) :]) - own


def _joined(
    head: tuple[str, ...],
    rest: tuple[str, ...],
    texts: str,
    lines: Sequence[str],
    sentences: tuple[str, ...],
) -> tuple[Conflict, int] | None:
    """`spliced`'s "<a source's words> and <another sentence's predicate>", where each sentence
    that says the predicate says it of a subject with a name the head does not have, and the
    head's subject is no description."""
    said = _padded(rest)
    if not _predicate(rest[0]) or said not in texts:
        return None
    # the head's subject: its words before a predicate starts; a description ("The
    # 22-year-old fractured her neck ..., and spent four weeks in hospital") may be whom the
    # other sentence names
    mine = next((head[:k] for k in range(1, len(head)) if _predicate(head[k])), head)
    if _description(mine, " ".join(mine)):
        return None
    found = None
    for i, line in enumerate(lines):
        if said not in line:
            continue
        subject = line[: line.index(said)].split()
        named = set(subject) & (names(sentences[i]) | name_words(" ".join(subject)))
        if not named or _content(tuple(subject)) & set(head) or subject[-1] in _PRONOUNS:
            return None  # said of the head's subject, or of someone it may be
        found = found or (Conflict("splice", " ".join(mine[-8:]), " ".join(subject[-8:])), i)
    return found


def _description(start: tuple[str, ...], claim: str) -> bool:
    """Whether the start describes a person who may be the other sentence's: "the" and a role
    (`names._PEOPLE`: "the striker"), a word for a person ("the frenchman", "the chairman"), a
    word written with a capital ("The Argentine" for Messi), an age ("the 28-year-old"), a
    rank ("the world number 101") or a parent's children ("the father-of-four"), or
    such a word for a person or a body after a few others ("The former Paris Saint-Germain and
    Tottenham player" for Ginola); not "The Red Cross", "The road"."""
    if start[:1] != ("the",):
        return False
    if start[-2:] == ("year", "old") or start[-2:-1] == ("number",):
        return True  # "the 28-year-old", "the world number 101"
    if len(start) == 4 and start[1] in _PARENTS and start[2] == "of":
        return True  # "the father-of-four"
    written = claim.split()
    capital = len(written) > 1 and written[1][:1].isupper() and written[0].lower() == "the"
    person = start[-1] in _PEOPLE_WORDS | _DESCRIBED_AS or start[-1].endswith(_PERSON_ENDS)
    return (len(start) == 2 and capital) or (person and len(start) <= _DESCRIPTION_WORDS)


# `_description`: words for a person or a body that end a longer description ("the Islamist
# extremist group" for al-Shabaab), and its most words
_DESCRIBED_AS = frozenset(
    "player star actor actress singer group organisation organization team side club band".split()
)
_DESCRIPTION_WORDS = 8
_PARENTS = frozenset("father mother dad mum grandfather grandmother".split())


def _opens_with(start: tuple[str, ...], words: set[str]) -> bool:
    """Whether the start's first content words are the words, whose subject it is: "Michael
    Pulman, 33," opens with "Michael" (not "Bulgaria's most popular resort")."""
    at = [i for i, w in enumerate(start) if is_content(w) and not w.isdigit()][: len(words)]
    if not words or len(at) < len(words) or {start[i] for i in at} != words:
        return False
    return start[at[-1] + 1 : at[-1] + 2] != ("s",)


def _the_aged(start: tuple[str, ...]) -> bool:
    """Whether the start describes someone by their age after "the": "the 31 year old sister
    of the duchess"."""
    return start[:1] == ("the",) and aged(start)


def _plural_for_list(start: tuple[str, ...], claim: str, subject: tuple[str, ...]) -> bool:
    """Whether the start lists names ("Guernsey, Alderney, Jersey, Herm and Sark") that a plural
    the subject ends in may stand for ("Fiercely individual, the islands")."""
    listed = "and" in start and len(names(claim) & set(start)) >= 2
    return listed and subject[-2:-1] == ("the",) and subject[-1].endswith("s")


_PERSON_ENDS = ("man", "men")  # "frenchman", "chairwoman", "spokesmen"
# a claim's description of a body that may be the name the source gives: "The company has
# raised $49 million" for "MyHeritage has raised $49 million" (not the other way round: "ESPN
# showed magnanimity" where the source says it of "the firm" names a body the source may not)
_BODIES = frozenset(
    ("the", body) for body in "company firm club team group band charity bank airline".split()
)
# a work or an animal by what it is, either side: "The film has been made ..." of "Turning
# Points has been made ...", "Leo caused a fire" of "The dog caused a fire" (not a body on the
# source's side: "ESPN showed magnanimity" of "the firm" is the eighth probe's splice)
_THINGS = frozenset(
    ("the", thing)
    for thing in """film movie show series book novel album song play programme documentary dog
    cat horse""".split()
)


_INSTITUTIONS = frozenset("university college school hospital council party union".split())
_CALLED = 4  # `_called`: the most words between a body's name and the word for what it is


def _called(start: tuple[str, ...], subject: tuple[str, ...], lines: Sequence[str]) -> bool:
    """Whether the subject is a body by what it is ("the university") and a source names the
    start beside that word: "the University of Virginia (UVA)" makes "UVA" the university."""
    if len(subject) != 2 or subject[0] != "the":
        return False
    if subject[1] not in _INSTITUTIONS and ("the", subject[1]) not in _BODIES:
        return False
    name = re.escape(" ".join(start))
    gap = rf"(?: \S+){{0,{_CALLED}}} "
    near = rf"\b{subject[1]}{gap}{name}\b|\b{name}{gap}{subject[1]}\b"
    return any(re.search(near, line) for line in lines)


def _surnamed(start: tuple[str, ...], subject: tuple[str, ...]) -> bool:
    """Whether the subject opens with the start's last word, a title or honorific before it
    aside, and no word the start does not have: one person named in full and by surname
    ("Mr Jaitley" for "Finance Minister Arun Jaitley", "Pound, who chaired ..." for
    "Commission chairman Dick Pound"; not "Bill Clinton" for "Hillary Clinton")."""
    head = []
    for word in subject:
        if word not in _PERSON_TITLES and (not is_content(word) or word in _RELATIVES):
            break
        head.append(word)
    return start[-1] in head and not set(head) - set(start) - _PERSON_TITLES


def _resolved(own: set[str], subject: tuple[str, ...], lines: Sequence[str], i: int) -> bool:
    """Whether the description `subject` that line i opens with is the start (its content words
    `own`) by where the two stand: an article's first line describes one person whom the next
    line names as it opens ("The 29-year-old made 37 appearances ..." / "Reid, who has ...", an
    article cut before its first line; "A morbidly obese man who ... has lost 19st ..." /
    "David Rush, 33, from Lisburn, ...", a lead; not "The wounded civilians are ..." / "The
    Red Cross said ..."), or a line that names the start and no one else goes just before a
    description with "the" ("The 4-3 win meant Golden State became ..." / "The defending
    champions will now face ...")."""
    if i == 0:
        head = next((subject[:k] for k, w in enumerate(subject) if w in _RELATIVES), subject)
        opening = lines[1].split()[: len(own) + _OPENING] if len(lines) > 1 else []
        named = bool(opening) and (opening[0] in own or bool(name_words(opening[0])))
        return named and not head[-1].endswith("s") and own <= set(opening)
    return own <= set(lines[i - 1].split()) and not name_words(lines[i - 1]) - own


_OPENING = 3  # `_resolved`: the most words besides the start's that open the naming line


def _a_person(words: tuple[str, ...]) -> bool:
    """Whether the words say what someone is: a role or a word for a person ("lawyer",
    "policeman")."""
    return any(w in _PEOPLE_WORDS or w.endswith(_PERSON_ENDS) for w in _content(words))


def _after_auxiliary(start: tuple[str, ...]) -> bool:
    """Whether the start ends in an auxiliary (and adverbs), whose verb the rest opens: "Ipswich
    have now" + "lost four ..." splits one predicate."""
    words = list(start)
    while words and words[-1] in _ADVERBS_BETWEEN:
        words.pop()
    return bool(words) and words[-1] in _AUXILIARIES


_ADVERBS_BETWEEN = frozenset("now also just already still recently never not".split())


def _predicate(word: str) -> bool:
    """Whether a predicate may start at the word."""
    return word in _PREDICATE or (word.endswith("ed") and len(word) > 4)


# a relative clause or a description between commas, after the word it is said of: "Gibbs,
# who was the last defender," / "John Green, the author of the book ...,"
_CLAUSE_OF = re.compile(
    r"(?P<head>[\w'’-]+)\s?,\s+(?P<clause>(?:who|whose|which|the|a|an)\s[^,;:\"“”]*?)\s?,"
)
_CLAUSE_WORDS = 3  # `reattached`: the fewest words of the clause


def reattached(claim: str, sentences: tuple[str, ...]) -> tuple[Conflict, int] | None:
    """A clause between commas ("who was the last defender", "the author of the book ...")
    the claim says of one person where the sources say it, word for word, only of another,
    the rest of the claim a source's words (with or without the clause): "Clattenburg, who
    was the last defender, spotted the incident" where a source has "barged down by Gibbs,
    who was the last defender," and "Clattenburg spotted the incident". Returns the conflict
    and the index of the sentence that says the clause."""
    texts, _, _, lines = _spliceable(sentences)
    for m in _CLAUSE_OF.finditer(claim):
        clause = tokens(m["clause"])
        head = tokens(m["head"])[-1:]
        if len(clause) < _CLAUSE_WORDS or not head or not is_content(head[0]):
            continue
        after = tokens(claim[m.end() :])
        if after[:1] == ("and",) and after[1:2] == clause[:1]:
            after = after[1:]  # "..., who was looking to ..., and who had a ..."
        words = _agreed(tokens(claim[: m.start("clause")]) + after)
        # (past a pronoun that opens the claim, for the name the source has: "he wants to
        # follow the lead of ..." of "rose wants to follow the lead of ...")
        rest = _padded(words[1:] if words[:1] and words[0] in _PRONOUNS else words)
        said = _padded(_agreed(clause))
        # the rest is a source's words, where the clause may have stood ("Woodley gave a
        # speech dedicated to John Green, the author of the book ..., saying ...")
        if rest not in texts and rest not in texts.replace(said, " "):
            continue
        if _padded(head + clause) in texts:
            continue  # a source says the clause of the same one
        for i, line in enumerate(lines):
            at = line.find(said)
            other = line[:at].split()[-1:] if at > 0 else []
            if other and is_content(other[0]) and other[0] != head[0]:
                mine, theirs = f"{head[0]}, {' '.join(clause)}", f"{other[0]}, {' '.join(clause)}"
                return Conflict("moved", mine, theirs), i
    return None


# `relinked`: words that open a phrase of time, place, means or cause, and the most words of
# the phrase the claim puts in
_LINKS = frozenset(
    """in on at after before during since until last when while because as to for from by
    through over against""".split()
)
# time or place ("against" opens a party: "against Wales")
_WHEN_WHERE = _LINKS - frozenset("because as to for from by against".split())
_LINK_WORDS = 10
_LINKED_ALONE = 3  # `relinked`: the fewest words of a phrase found elsewhere without its link word
_SAME_EVENT = 0.5  # the share of the claim's other content words that make a sentence its event's


def relinked(
    claim: str, sentences: tuple[str, ...], near: Sequence[int]
) -> tuple[Conflict, int] | None:
    """The claim copies a sentence (one of those at `near`: the closest by meaning) but for one
    phrase of time, place, means or cause put in place of the sentence's (the claim's other
    words all the sentence's, in order), taken word for word from another sentence that tells
    another event (it shares under _SAME_EVENT of the claim's other content words): "went to
    live in a trailer park after winning a year's rent-free accommodation in the lottery"
    where the sentence has "in a church raffle" and "in the lottery" is another win's; "as he
    proved last weekend at the Emirates" for "as he proved in August". The claim may leave out
    words elsewhere. Returns the conflict and the index of the sentence it copies."""
    c = _agreed(_uncontracted(tokens(claim)))
    if not _LINKED_BY.intersection(c):
        return None
    *_, lines = _spliceable(sentences)
    # each close sentence's words as the claim's are read ("has not" for "hasn t")
    units = {k: _agreed(_uncontracted(tuple(lines[k].split()))) for k in sorted(near)}
    for k, u in units.items():
        line = lines[k]
        # the claim's other words all copied: one replacement, words left out
        changes = _copy_changes(c, u, _NEAR_COPY)
        if not changes or any(op == "insert" for op, *_ in changes):
            continue
        replaced = _one_replacement(changes, c, u)
        if replaced is None:
            continue
        i1, i2, j1, j2 = replaced
        # "in" kept: "in the lottery"; "at a" kept: "at a news conference" for "at a forum"
        held = 0  # the words kept before the phrase
        for kept in (1, 2):
            if i1 >= kept and j1 >= kept and u[i1 - kept] == c[j1 - kept] in _LINKS:
                if kept == 1 or u[i1 - 1] == c[j1 - 1] in _DETERMINERS:
                    i1, j1, held = i1 - kept, j1 - kept, kept
                    break
        old, new = u[i1:i2], c[j1:j2]
        if i2 == len(u) and any(w != u[-1] and w.startswith(u[-1]) for w in new):
            continue  # a source cut short mid-word: "... the first film in the se"
        cut_short = len(old) > 2 * len(new) + 2
        if cut_short and i2 == len(u) and j2 == len(c) and {old[0], new[0]} <= _WHEN_WHERE:
            # the claim ends the sentence with its own time or place: "in the sixth minute."
            # for "on the half hour and tipped away ..." (not "at Ewood Park." for "for
            # Liverpool, drilling ...")
            old = old[: len(new)]
        if not (2 <= len(new) <= _LINK_WORDS and old[0] in _LINKS and new[0] in _LINKED_BY):
            continue
        if len(old) > 2 * len(new) + 2:  # a long clause cut short, a phrase of its own added
            continue
        mine, theirs = _said(new), _said(old)  # figures too: "in 2012" for "in february"
        if not mine or not theirs or mine & theirs:
            continue
        put = _padded(new)
        if put in line or _refers_back(old, (put,), lines, k):
            continue
        # the phrase after the words both keep and its article, where another sentence has it
        # so ("due to the attack at nairobi's westgate mall" from "despite the 2013 attack at
        # nairobi's westgate mall")
        # (or after its own link word: "following the GTC Scotland hearing" from "A GTC
        # Scotland hearing was told ...")
        skip = held or 1
        bare = new[skip + bool(_A_AN_THE.intersection(new[skip : skip + 1])) :]
        after = _padded(bare) if len(bare) >= _LINKED_ALONE else put
        if _of_another_event((put, after), _content(c[:j1] + c[j2:]), lines):
            return Conflict("word", " ".join(new), " ".join(old)), k
    # or a phrase after a link word that opens a copy's head, in place of the rest of it
    for k, u in units.items():
        linked = _linked_otherwise(claim, c, u, lines, k) or _cause_put_in(claim, c, u, lines, k)
        linked = linked or _put_in(c, u, lines, k)
        if linked:
            return linked, k
    return None


# `_linked_otherwise`: the words that link a phrase of time, place, means or cause, and how
# many words both keep after one before the phrase put in ("after arguing that he")
_LINKED_BY = _LINKS | frozenset("with following despite".split())
_LINK_BEFORE = 4
_PUT_WORDS = (2, 10)  # the fewest and most words of the phrase put in


def _linked_otherwise(
    claim: str, c: tuple[str, ...], u: tuple[str, ...], lines: tuple[str, ...], k: int
) -> Conflict | None:
    """The claim copies the unit but for one run of words put in place of the unit's (its
    tail, where the claim ends there), a few words after a link word both keep, the run's
    content words none of those it replaces, and word for word (but its opening function
    words) in another sentence that tells another event: "began piling on the pounds ...
    after his mother Margaret began suffering from heart problems" for "... after moving out
    of his parents' home", "acquitted after arguing that he was mildly autistic" for "...
    that he acted in self-defense", "following a five-week absence with a stomach muscle tear"
    for "... with an ankle injury while Schweinsteiger has had a virus"."""
    match = difflib.SequenceMatcher(None, u, c, autojunk=False)
    blocks = [b for b in match.get_matching_blocks() if b.size]
    copied = sum(b.size for b in blocks)
    if not blocks or copied < _NEAR_COPY * len(c):
        return None
    # the claim's words no block copies, as one run: its start and end, and the unit's
    covered = {j for b in blocks for j in range(b.b, b.b + b.size)}
    gaps = [j for j in range(len(c)) if j not in covered]
    if not gaps:
        return None
    x1, x2 = gaps[0], gaps[-1] + 1
    before = [b for b in blocks if b.b + b.size <= x1]
    after = [b for b in blocks if b.b >= x2]
    if len(before) + len(after) < len(blocks) - _INSIDE_BLOCKS or not before:
        return None
    y1 = before[-1].a + before[-1].size
    y2 = after[0].a if after else len(u)
    if after and (sum(b.size for b in after) != len(c) - x2 or y2 <= y1):
        return None  # the claim's tail copied, in order, after the unit's replaced words
    if sum(b.size for b in before) != x1:
        return None  # the head copied whole
    new, old = c[x1:x2], u[y1:y2]
    if not (_PUT_WORDS[0] <= len(new) <= _PUT_WORDS[1]) or not _content(old):
        return None
    if not any(w in _LINKED_BY for w in c[max(x1 - 1 - _LINK_BEFORE, 0) : x1]):
        return None
    if {stem(w) for w in _content(new)} & {stem(w) for w in _content(old)}:
        return None
    start = 0
    while start < len(new) and not is_content(new[start]):
        start += 1
    put = new[start:]
    if len(put) < _PUT_WORDS[0] or _padded(put) in lines[k]:
        return None
    # (not a name set beside what the unit says: "in a new film, A Royal Night Out" for "in a
    # new film, showing the young Princesses ...")
    if re.search(rf",\s+(?:\w+\s+)?{re.escape(put[0])}\b", claim, re.I):
        return None
    described = u[y1 - 1 : y2] if y1 and u[y1 - 1] == "the" else old  # "the" both keep
    if _refers_back(described, (_padded(put),), lines, k):
        return None
    if _of_another_event((_padded(put),), _content(c[:x1] + c[x2:]), lines):
        return Conflict("word", " ".join(new), " ".join(old))
    return None


def _refers_back(
    old: tuple[str, ...], phrases: tuple[str, ...], lines: tuple[str, ...], k: int
) -> bool:
    """Whether the unit's words a claim replaces are a description after "the" (past a link
    word: "the site", "the men") and a sentence before the unit's (`k`) says one of the
    phrases put in: the claim names what the description refers back to ("at the National
    Memorial Arboretum" for "at the site", "12 Christians" for "the men")."""
    words = old[1:] if old[:1] and old[0] in _LINKS else old
    if not (2 <= len(words) <= _REFERRING_WORDS and words[0] == "the"):
        return False
    return any(p in lines[m] for m in range(k) for p in phrases)


_REFERRING_WORDS = 3  # `_refers_back`: the most words of a description, "the" included


def _put_in(
    c: tuple[str, ...], u: tuple[str, ...], lines: tuple[str, ...], k: int
) -> Conflict | None:
    """The claim copies the unit (words left out aside) but for a phrase of time or place put
    in before words of the unit it goes on with, which every other sentence that says it says
    of another event (`_SAME_EVENT`); not one that ends the claim, which a summary often adds
    from the article's account of the whole event ("Liverpool beat Blackburn 1-0 in the FA Cup
    quarter-final replay at Ewood Park" against a caption without the place): "Claire
    Sugden confirmed last month that a motion will go before the assembly" where "last month"
    is when plans elsewhere were announced; "The woman told the trial at the High Court in
    Edinburgh ..." where the High Court only sentenced him."""
    changes = _copy_changes(c, u, _NEAR_COPY)
    put_in = [o for o in changes or () if o[0] != "delete"]
    if len(put_in) != 1 or put_in[0][0] != "insert":
        return None
    _, _, _, j1, j2 = put_in[0]
    if not _content(c[j2:]):
        return None  # a time or place that ends the claim may be its whole event's
    new = c[j1:j2]
    while len(new) > _PUT_WORDS[0] and not is_content(new[-1]):
        new = new[:-1]  # "last month that": the phrase, not the clause's "that"
    if not (_PUT_WORDS[0] <= len(new) <= _LINK_WORDS and new[0] in _WHEN_WHERE and _said(new)):
        return None
    # (or its words after the link word and an article: "the High Court in Edinburgh" of
    # "remitted the case to the High Court in Edinburgh")
    bare = new[1 + (new[1] in _A_AN_THE) :]
    phrases = (_padded(new), _padded(bare)) if len(bare) >= _LINKED_ALONE else (_padded(new),)
    rest = _content(c[:j1] + c[j2:])
    others = [line for m, line in enumerate(lines) if m != k and any(p in line for p in phrases)]
    if not rest or not others or any(p in lines[k] for p in phrases):
        return None
    if all(_tells_another_event(other, rest) for other in others):
        return Conflict("word", " ".join(new), _ANOTHER_EVENT)
    return None


_ANOTHER_EVENT = "what another sentence says of another event"  # `_put_in`'s reason


def _of_another_event(phrases: tuple[str, ...], rest: set[str], lines: tuple[str, ...]) -> bool:
    """Whether a sentence says one of the phrases (padded) and under _SAME_EVENT of the claim's
    other content words (`rest`): it tells another event."""
    return any(
        any(p in other for p in phrases) and _tells_another_event(other, rest) for other in lines
    )


def _tells_another_event(line: str, rest: set[str]) -> bool:
    """Whether a sentence shares under _SAME_EVENT of the claim's other content words."""
    return len(rest & set(line.split())) < _SAME_EVENT * len(rest)


_INSIDE_BLOCKS = 1  # `_linked_otherwise`: copied words inside the run put in ("his")

# `_cause_put_in`: what gives one thing as the cause of another ("as" only where it opens the
# claim or follows a comma: `_AS_CAUSE`), and what a unit may link two things by that a claim
# may read as a cause ("after")
_CAUSES = (
    ("because",),
    ("as", "a", "result"),
    ("which", "led"),
    ("led", "to"),
    ("so", "that"),
    ("due", "to"),
    ("thanks", "to"),
    # ("which is why", as `_agreed` writes it)
    ("which", "are", "why"),
    ("that", "are", "why"),
)
_CAUSAL = frozenset(
    """because as so since due thanks result led leading lead caused causing owing reason
    therefore after following meant prompted forced""".split()
)
# the words after "as" where it gives no cause ("as well", "as part of", "as long as"); the
# cause rule and `_links_cause` add their own
_AS_UNCAUSED = frozenset("well part of soon long far much many if though for to".split())
_AS_CAUSE = re.compile(
    rf"(?:^|,\s+)(as)\s+(?!(?:{'|'.join(sorted(_AS_UNCAUSED))}"
    r"|such|a\s+result|in|at|the\s+\w+\s+of)\b)"
    # (nor "as" of manner: "as they have done against the big sides", "as he did in 2015")
    r"(?!(?:[\w'’]+\s+){1,2}(?:did|do|does|done)\b(?!\s+not|n['’]t))",
    re.I,
)
_COORDINATED = frozenset("and so then".split())  # what joins a clause to the one before it
# `_cause_put_in`: what opens a claim to give it as the consequence of what came before
_CONSEQUENCES = (
    ("as", "a", "result"),
    ("as", "a", "consequence"),
    ("consequently",),
    ("therefore",),
)
_UNLINKED = "two statements it does not link"  # `_cause_put_in`'s reason
_CAUSE_WORDS = 3  # the fewest content words of a cause, of them its own, and words of the rest
_CAUSE_COPY = 0.8  # the share of the rest's words the unit has, in order
_CAUSE_SAID = 0.75  # the share of the cause's content words that one other sentence has


def _cause_put_in(
    claim: str, c: tuple[str, ...], u: tuple[str, ...], lines: tuple[str, ...], k: int
) -> Conflict | None:
    """The claim copies the unit, one that links nothing as a cause (`_CAUSAL`), and gives
    another sentence's words as its cause or effect ("because", "as a result", "which led"):
    "Something like a fifth of freight activity moved out of the busiest times, because the
    movement of HGVs is restricted between 21:00 and 07:00" where that restriction is told
    apart; "As only limited parking is available, the charity has advised volunteers to wear
    welly boots". Or a consequence that opens the claim alone, where neither the unit nor
    a sentence beside it links anything as a cause ("As a result, it houses more than 500
    inmates" for "... a category D prison housing more than 500 inmates"), or ends it ("...
    is blocked in Russia as a result.")."""
    consequence = _consequence(claim)
    if consequence:
        opening, opens = consequence
        rest = c[len(opening) :] if opens else c[: -len(opening)]
        near = " ".join(lines[max(k - 1, 0) : k + 2]).split()
        changes = _copy_changes(rest, u, _CAUSE_COPY)
        # (not a copy the unit joins to what goes before it by "and": "rumors swirled that
        # he'd become too distracted ... and the British tabloids dubbed him ...")
        head = next((o[2] for o in changes or () if o[0] == "delete" and o[1] == 0), 0)
        joined = head > 0 and u[head - 1] in _COORDINATED
        copied = changes is not None and not joined
        if copied and len(_content(rest)) >= _CAUSE_WORDS and not _links_cause(tuple(near)):
            return Conflict("word", " ".join(opening), _UNLINKED)
    at = [(i, i + len(w)) for i in range(len(c)) for w in _CAUSES if c[i : i + len(w)] == w]
    for found in _AS_CAUSE.finditer(claim):
        i = len(_agreed(_uncontracted(tokens(claim[: found.start(1)]))))
        at += [(i, i + 1)] if c[i : i + 1] == ("as",) else []
    comma = claim.find(",")
    opened = len(_agreed(_uncontracted(tokens(claim[:comma])))) if comma > 0 else 0
    for i, j in at:
        # a cause that opens the claim, up to its comma: "Because of the foot injury he
        # suffered in September, he turned down offers ..."
        sides: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
            ((c[opened:], c[j:opened]),) if i == 0 and opened >= j else ()
        )
        sides = sides or ((c[:i], c[j:]), (c[j:], c[:i]))
        for rest, cause in sides:
            if len(rest) < _CAUSE_WORDS or _copy_changes(rest, u, _CAUSE_COPY) is None:
                continue
            # (a unit that links a cause of its own, but for words the claim keeps: "were forced
            # to kill", "has not worked since leaving")
            if _CAUSAL.intersection(u) - set(rest):
                continue
            # (the cause's own words, where the claim goes on past it to words the unit has)
            own = {stem(w) for w in _content(cause) if w not in u}
            if len(own) < _CAUSE_WORDS:
                continue
            # (with "as", not a neighbour's: an article often gives a reason in the next
            # sentence, "That statistic is grossly overstated." / "It is a comparison of
            # averages ...", which a summary joins loosely)
            apart = 1 if c[i] == "as" else 0
            for m, other in enumerate(lines):
                if abs(m - k) > apart and len(own & _line_stems(other)) >= _CAUSE_SAID * len(own):
                    return Conflict("word", " ".join(c[i:j]), _UNLINKED)
    return None


# what gives a thing as beside another, or in spite of it, not its cause
# (`circumstance_made_cause`)
_BESIDE = frozenset("amid despite even although though".split())
_BECAUSE = frozenset("because due thanks owing".split())  # a cause the unit links itself


def circumstance_made_cause(claim: str, unit: str) -> Conflict | None:
    """The claim, a copy of the unit, gives as a cause (`_CAUSES`, "because of") what the
    unit has happen beside the thing or in spite of it, the words that say so left out or put
    otherwise: "ousted because of accusations of misuse" for "ousted because of the employee
    complaints and amid accusations of misuse", "unable to find an equaliser because of
    Pienaar's dismissal" for "..., even against 10 men following Pienaar's dismissal"."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    for op, i1, i2, _, j2 in _copy_changes(c, u, _COPY) or ():
        old, before = u[i1:i2], c[:j2]
        if op == "insert" or not _BESIDE.intersection(old) or _BECAUSE.intersection(old):
            continue
        link = next((w for w in _CAUSES if before[-len(w) :] == w), None)
        link = link or (("because", "of") if before[-2:] == ("because", "of") else None)
        if link:
            return Conflict("word", " ".join(link), " ".join(old))
    return None


# `_links_cause`: what "as" links, or comes after, where it gives no cause ("also known as
# Strelkov", "such as", "as well as", "as a child"; not "as a result")
_AS_NAMED = frozenset("known such well same just".split())
_AS_NO_CAUSE = _AS_UNCAUSED | frozenset("a an the".split())


def _links_cause(words: tuple[str, ...]) -> bool:
    """Whether the words link something as a cause (`_CAUSAL`), "as" only where it may."""
    if (_CAUSAL - {"as"}).intersection(words):
        return True
    for i, w in enumerate(words):
        if w != "as":
            continue
        after = words[i + 1 : i + 3]
        if after in (("a", "result"), ("a", "consequence")):
            return True
        named = i > 0 and words[i - 1] in _AS_NAMED
        if not named and not (after and after[0] in _AS_NO_CAUSE):
            return True
    return False


@lru_cache(maxsize=MEMO)
def _consequence(claim: str) -> tuple[tuple[str, ...], bool] | None:
    """The words of `_CONSEQUENCES` that open the claim (and True) or end it (and False), read
    once per claim, not once per sentence `_cause_put_in` reads it against."""
    for words in _CONSEQUENCES:
        if _opens(claim, words):
            return words, True
        if _closes(claim, words):
            return words, False
    return None


def _opens(claim: str, words: tuple[str, ...]) -> bool:
    """Whether the claim opens with the words and a comma (any case; tokenised or not)."""
    return re.match(r"\s+".join(words) + r"\s*,", claim, re.I) is not None


def _closes(claim: str, words: tuple[str, ...]) -> bool:
    """Whether the claim ends with the words, after a word ("... is blocked in Russia as a
    result.")."""
    return re.search(r"\w\s+" + r"\s+".join(words) + r"\s*[.!?]?\s*$", claim, re.I) is not None


def conceded_as_cause(claim: str, unit: str) -> Conflict | None:
    """The claim gives as a cause what the unit concedes: both of the claim's sides, each side
    of its causal link, are the unit's words, and the unit links them by "even though",
    "despite" or the like, and by nothing causal: "Krut said Squint was "quite extraordinary"
    because it was a "difficult painting to look at"" against "..., even though it was ...";
    "elfwick was invited on to the programme because his twitter bio states ..." against
    "despite the fact that mr elfwick 's twitter bio states ... he was still invited ..."."""
    u = _agreed(_uncontracted(tokens(unit)))
    conceded = next((w for w in _CONCEDES if run_at(u, w) and not run_at(u, ("as", *w))), None)
    if conceded is None:
        return None
    c = _agreed(_uncontracted(tokens(claim)))
    if any(run_at(c, w) for w in _CONCEDES):
        return None
    theirs = {stem(w) for w in _content(u)}
    # where the unit links something as a cause too ("have therefore turned to the internet,
    # even though only 1% ... have access"), the claim's cause must be what it concedes
    at = run_at(u, conceded)[0] + len(conceded)
    granted = {stem(w) for w in _content(u[at : at + _CONCEDED_WORDS])}
    linked = bool(_CAUSAL.intersection(u))
    for i in range(1, len(c)):
        link = next((w for w in _CLAIMED_CAUSES if c[i : i + len(w)] == w), None)
        if link is None:
            continue
        sides = (
            {stem(w) for w in _content(c[:i])},
            {stem(w) for w in _content(c[i + len(link) :])},
        )
        if linked and not (
            len(sides[1]) > 2 and len(sides[1] & granted) >= _CAUSE_SAID * len(sides[1])
        ):
            continue
        if all(len(side) >= 2 and len(side & theirs) >= _CAUSE_SAID * len(side) for side in sides):
            return Conflict("word", " ".join(link), " ".join(conceded))
    return None


_CONCEDED_WORDS = 12  # `conceded_as_cause`: the words after "even though" that say what it grants


# `conceded_as_cause`: what concedes one thing despite another, and what a claim gives as a cause
_CONCEDES = tuple(
    tuple(w.split())
    for w in (
        "even though",
        "although",
        "though",
        "despite",
        "in spite of",
        "even so",
        "nevertheless",
        "nonetheless",
        "regardless of",
    )
)
_CLAIMED_CAUSES = (("because",), ("due", "to"), ("thanks", "to"), ("as", "a", "result"))


@lru_cache(maxsize=MEMO)
def _line_stems(line: str) -> frozenset[str]:
    return frozenset(stem(w) for w in line.split())


_DETERMINERS = frozenset("a an the his her their its".split())


def _one_replacement(
    changes: tuple[tuple[str, int, int, int, int], ...], c: tuple[str, ...], u: tuple[str, ...]
) -> tuple[int, int, int, int] | None:
    """The copy's one replacement, as (i1, i2, j1, j2); two read as one where a function word
    both keep is all that stands between them ("in the sixth minute" for "on the half hour").
    None where there are more, or none."""
    replaced = [o[1:] for o in changes if o[0] == "replace"]
    if len(replaced) == 2:
        (i1, i2, j1, j2), (k1, k2, l1, l2) = replaced
        between = u[i2:k1]
        if k1 - i2 == 1 and l1 - j2 == 1 and between == c[j2:l1] and not _content(between):
            return i1, k2, j1, l2
    return replaced[0] if len(replaced) == 1 else None


def _said(words: tuple[str, ...]) -> set[str]:
    """The content words and figures of the words."""
    return {t for t in words if is_content(t)}


def _named_before(words: tuple[str, ...]) -> tuple[str, ...]:
    """The names that end the words, at most _NAME_LENGTH ("rory mcilroy" of "... the lead of
    rory mcilroy"); () where the last word is no name (`lexicon.name_words`: "the tractor
    boys")."""
    run = 0
    while run < min(len(words), _NAME_LENGTH) and name_words(words[len(words) - run - 1]):
        run += 1
    return words[len(words) - run :] if run else ()


def _named_later(start: tuple[str, ...], before: Sequence[str]) -> bool:
    """Whether the start names someone (`lexicon.name_words`) that no line before names: a
    "she" cannot stand for someone not yet named ("Charlotte Mulhall" + "has a job in the jail
    library", said of "she" before Mulhall is named)."""
    mine = name_words(" ".join(start))
    return bool(mine) and not named_in(mine, (line.split() for line in before))


def _a_name(word: str, claim: str) -> bool:
    """Whether the claim's first word is a name: one of its `names`, or a name without its
    capital (`lexicon.name_words`) where capitals cannot tell ("Durrant said", not "Officers
    said")."""
    if word in _PRONOUNS or not is_content(word):
        return False
    return word in names(claim) or bool(name_words(word))


def _padded(words: tuple[str, ...]) -> str:
    return f" {' '.join(words)} "


@lru_cache(maxsize=8)
def _spliceable(
    sentences: tuple[str, ...],
) -> tuple[str, frozenset[str], str, tuple[str, ...]]:
    """The sentences' words, a line each; every word; each two neighbours', a line each; and
    the first's lines, each sentence's words padded."""
    words = [_agreed(tokens(s)) for s in sentences]
    pairs = "\n".join(_padded(a + b) for a, b in zip(words, words[1:], strict=False))
    lines = tuple(_padded(w) for w in words)
    return "\n".join(lines), frozenset(t for w in words for t in w), pairs, lines
