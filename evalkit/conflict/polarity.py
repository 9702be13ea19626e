"""Polarity: the statement and the fewest clauses of the text that say the same thing differ
in negation or use opposite words (`_polarity`); a plan said done (`_done`)."""

from __future__ import annotations

import re
from functools import lru_cache

from evalkit.conflict.base import Conflict, _content
from evalkit.lexicon import name_words
from evalkit.text import (
    DENIALS,
    FORMS,
    IMPLIED,
    KIN,
    MEMO,
    NEGATIONS,
    OPPOSITES,
    STOPWORDS,
    cased,
    content_stems,
    is_content,
    names,
    negated,
    openers,
    plainly_negated,
    related_in,
    stem,
    tokens,
)

# Clause boundaries for the polarity check: punctuation (a sentence's end too: a window, or a
# quote of two sentences kept as one), the conjunctions that join clauses and relative pronouns
# (not "that": "denied that ..." must stay one clause).
_CLAUSE = re.compile(
    r"[,;:()—]|[.!?](?=\s)"
    r"|\b(?:but|while|although|though|whereas|and|as|after|because|since|which|who)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?[\"”’']*\s*$")  # a sentence that asks
_SAYS_IT = 0.5  # `_polarity`: the share of a clause's words the claim says, for its negation


def _polarity(claim: str, unit: str, min_overlap: float) -> Conflict | None:
    """The claim's clauses that the unit says and the fewest neighbouring clauses of the unit
    that say them differ in negation or use opposite words. Both sides are trimmed so that
    a clause only one side has (a source sentence's "..., but it wasn't enough", a claim's
    added "a charge both have rejected") brings no negation of its own. A negation the unit
    has elsewhere keeps the claim's own from conflicting: "dismissed speculation that her
    country is trading arms" against "denied that her country exported weapons, labelling
    speculation on arms dealings as absurd", where the closest clause is the labelling. A
    question says neither ("Can UVA sue for defamation?" against "UVA cannot sue ...")."""
    if _QUESTION.search(unit):
        return None
    told = _gist(unit)
    said = [
        c for c in _CLAUSE.split(claim) if _overlap(c, told) >= min_overlap or _spoken_of(c, unit)
    ]
    if not said:
        return None
    stated = " ".join(said)
    gist = _gist(stated)
    clauses = tuple(c for c in _CLAUSE.split(unit) if content_stems(c))
    # a gist of a name that opens the claim alone ("Chelsea won") finds no clause: it is
    # read as a statement of names and opposite words
    run = _closest_run(gist, clauses) if gist - _opening_name(stated) else clauses
    best = " ".join(run)
    mine = negated(stated)
    # the run's clauses that say mostly the claim's words carry its negation, not "..., but
    # it wasn't enough" or "..., will be without two midfielders" beside them
    said_there = [c for c in run if len(_gist(c) & gist) >= _SAYS_IT * len(_gist(c))]
    if (
        mine != any(negated(c) for c in said_there)
        and not (mine and _negates_elsewhere(unit, claim))
        and not _both_deny(stated, best)
        and _negates_what_is_said(claim, unit, said if mine else said_there, mine)
        and not _turned(said if mine else said_there, best if mine else stated)
        and not _prescribed(said if mine else said_there, best if mine else stated)
        and not _report_denied(said if mine else said_there, best if mine else stated)
    ):
        side = "claim" if mine else "source"
        return Conflict("negation", side, "source" if side == "claim" else "claim")
    theirs = set(tokens(_IDIOM.sub(" ", best)))
    # said of another party: "Manchester City have won" against "United have lost to City"
    # (a party the unit names anywhere is the unit's: its subject may open another clause)
    if _capitalised(stated) - set(tokens(unit)) and _capitalised(best) - set(tokens(stated)):
        return None
    mine_words = set(tokens(_IDIOM.sub(" ", stated)))
    pairs = sorted(_opposites(mine_words))
    # a word a negation reaches says nothing of its opposite ("did not rise" against "fell")
    denied = (
        set().union(*map(_negated_verb, _CLAUSE.split(f"{stated}. {best}"))) if pairs else set()
    )
    for word, other in pairs:
        if _stem(word) in denied or _stem(other) in denied:
            continue
        if other in theirs and word not in theirs and other not in mine_words:
            if not cased(best) and _other_party(stated, word, other, best):
                continue  # lower-cased, where capitals cannot find the parties
            return Conflict("opposite", word, other)
    return _particle(stated, best)


# a verb of an opposite pair that a particle makes another verb: a player "sent off" is
# dismissed, no opposite of one who "received a red card" (the fourteenth probe's)
_IDIOM = re.compile(r"\b(?:send|sends|sending|sent)\s+off\b", re.I)
_PARTICLES = {
    "on": "off",
    "off": "on",
    "up": "down",
    "down": "up",
    "for": "against",
    "against": "for",
}
_AFTER_PARTICLE = 3


def _next_content(words: tuple[str, ...], at: int) -> str | None:
    return next((w for w in words[at : at + _AFTER_PARTICLE] if is_content(w)), None)


def _particle(claim: str, unit: str) -> Conflict | None:
    """A verb both sides have with opposite particles right after it, the same content word
    (or none) following within _AFTER_PARTICLE words: "The lights were switched on at 6pm"
    against "... switched off at 6pm", "shares went up sharply" against "... went down
    sharply", "he voted for the bill" against "he voted against the bill" (not "called on the
    government" against "called off the strike")."""
    c, u = tokens(claim), tokens(unit)
    theirs = {
        (stem(v), p, _next_content(u, i + 2))
        for i, (v, p) in enumerate(zip(u, u[1:], strict=False))
        if p in _PARTICLES
    }
    for i, (verb, p) in enumerate(zip(c, c[1:], strict=False)):
        turned, after = _PARTICLES.get(p), _next_content(c, i + 2)
        if not turned or not is_content(verb) or (stem(verb), p, after) in theirs:
            continue
        if (stem(verb), turned, after) in theirs:
            return Conflict("opposite", f"{verb} {p}", f"{verb} {turned}")
    return None


def _negates_elsewhere(unit: str, claim: str) -> bool:
    """Whether a negation of the unit's may be the claim's, though not in the clauses that say
    it: one whose reach (to the end of the unit, names aside) has a word of the claim, or one
    whose clause says nothing it negates: a denial ("denied that ..., labelling speculation on
    arms dealings as absurd" for "dismissed speculation that ..."), an answer ("asked whether
    Oscar is struggling, ... Mourinho said: 'No, I don't think ...'"), an ellipsis ("but the
    defendant did not"). Not "Yet he had some anger issues and couldn't overcome the demons in
    his life, Tom Osborne said" for "Phillips had no anger issues"."""
    clauses = _CLAUSE.split(unit)
    mine = _stems(claim) - _name_stems(unit)
    for k, clause in enumerate(clauses):
        if negated(clause):
            if not _negated_stems(clause):  # "No, I don't think ...", "but he did not"
                return True
            if _negated_stems(" ".join(clauses[k:])) & mine:
                return True
    return False


def _opening_name(text: str) -> frozenset[str]:
    """The stem of a name that opens the text alone, where the lexicon knows it ("Chelsea won";
    not "Prices fell")."""
    return frozenset(stem(w) for w in openers(text) & name_words(text))


def _name_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in names(text))


def _negates_what_is_said(claim: str, unit: str, negating: list[str], mine: bool) -> bool:
    """Whether the negating clauses (the claim's, `mine`, or the unit's) negate words the other
    side has, or deny, whose reach no word marks: "the ban was no longer necessary" negates
    no word of "Pakistan has lifted its ban", "the ban was not lifted" does. The claim's
    negation that ends its clause answers or refuses something the unit need not have ("...
    asked the cashier for a burger refill, but the cashier said no"); the unit's ("but the
    defendant did not") may be what the claim says otherwise."""
    if mine and all(_bare(c) for c in negating if negated(c)):
        return False
    reach = set().union(*map(_negated_stems, negating))
    said = _stems(unit if mine else claim)
    return not reach or any(related_in(s, said, FORMS) for s in reach)


def _bare(clause: str) -> bool:
    """Whether the clause's plain negation reaches no word: "the cashier said no"."""
    toks = tokens(clause)
    plain = any(t in NEGATIONS or t == "t" or t in IMPLIED for t in toks)
    return plain and not _negated(clause)


def _turned(negating: list[str], other: str) -> bool:
    """Whether a word the negating clauses negate has its opposite on the other side, which does
    not have the word: "prices did not rise" against "prices fell" (or the reverse) is no
    contradiction, though neither says all the other does."""
    theirs = _stems(other)
    for word in set().union(*map(_negated_verb, negating)):
        forms = FORMS.get(word, frozenset({word}))
        if (KIN.get(word, forms) - forms) & theirs and not forms & theirs:
            return True
    return False


# what makes a negation after it a prescription: "must not be marginalised" says nothing of
# whether they are ("are at risk of being marginalised")
_PRESCRIBING = frozenset("must should ought mustn shouldn".split())


def _prescribed(negating: list[str], other: str) -> bool:
    """Whether the negating clauses prescribe (`_PRESCRIBING`) where the other side does not."""
    said = [tokens(c) for c in negating if negated(c)]
    prescribes = any(_PRESCRIBING.intersection(t) for t in said)
    return prescribes and not _PRESCRIBING.intersection(tokens(other))


# what a denial may deny that the other side may speak of as such: "dismissed speculation that
# ..." and "called outside speculation ... 'the most absurd paradox'" speak of one speculation
_REPORTS = frozenset(
    """speculation claim claims allegation allegations report reports rumour rumours rumor
    rumors suggestion suggestions accusation accusations""".split()
)


def _report_denied(negating: list[str], other: str) -> bool:
    """Whether the negating clauses only deny a report (`_REPORTS`) the other side names too:
    both speak of the report, not of what it says."""
    denied = [c for c in negating if negated(c) and not plainly_negated(c)]
    reports = set().union(*(_REPORTS.intersection(tokens(c)) for c in denied)) if denied else set()
    return bool(reports & set(tokens(other))) and len(denied) == sum(map(negated, negating))


_NEGATED_VERB = 2  # `_negated_verb`: the content words after a negation that it turns


def _negated_verb(clause: str) -> set[str]:
    """The first _NEGATED_VERB stems `_negated_stems` finds: the words a negation turns ("did
    not rise", "was not found guilty"; not "the higher" at the end of "will not send in their
    work - the higher the chance")."""
    return set(_negated(clause)[:_NEGATED_VERB])


def _negated_stems(clause: str) -> set[str]:
    """The content stems after the clause's first plain negation ("not", "no", "n't", "failed
    to"): what it negates ("the ban was no longer necessary": longer, necessary)."""
    return set(_negated(clause))


def _negated(clause: str) -> list[str]:
    toks = tokens(clause)
    for i, t in enumerate(toks):
        if t in NEGATIONS or t == "t" or t in IMPLIED:
            rest = toks[i + 1 :]
            if t == "without":  # its object alone: "calling her without warning to check ..."
                rest = rest[
                    : next((k for k in range(1, len(rest)) if not is_content(rest[k])), None)
                ]
            return [_stem(w) for w in rest if is_content(w)]
    return []


# Words before a verb that make it a plan, a prospect or a possibility, not a deed: "will
# close", "plans to close", "is expected to close"
_MODALS = frozenset("will would could might may shall".split())
_PLANS = frozenset(
    """plan plans planned planning propose proposes proposed proposing intend intends intended
    intending want wants wanted wanting hope hopes hoped hoping expected set due likely going aim
    aims aiming threaten threatens threatened threatening vow vows vowed pledge pledges pledged
    promise promises promised""".split()
)
# the done forms of verbs that take no "-ed" ("threatened to go on strike" / "have gone on
# strike")
_IRREGULAR = {
    verb: tuple(done.split(","))
    for verb, done in (
        pair.split(":")
        for pair in """go:went,gone take:took,taken make:made give:gave,given leave:left
        sell:sold buy:bought pay:paid build:built send:sent begin:began,begun win:won
        hold:held meet:met bring:brought spend:spent strike:struck fight:fought
        sing:sang,sung write:wrote,written break:broke,broken get:got,gotten find:found
        tell:told keep:kept know:knew,known see:saw,seen come:came think:thought
        teach:taught catch:caught lose:lost lead:led""".split()
    )
}
# a done form's stem to its verb's: "did not get funding" says what "got funding" does
_BASE_STEMS = {stem(form): stem(verb) for verb, done in _IRREGULAR.items() for form in done}


_SHORT_VERB = r"[^aeiou]*[aeiou][bdgmnprt]"  # one vowel before a last consonant that doubles


def _done(claim: str, unit: str) -> Conflict | None:
    """The claim has done what the unit only plans, expects or may do: "The council has
    closed the bridge" against "The council plans to close the bridge", "He appeared in court"
    against "He will appear in court", "have gone on strike" against "have threatened to go on
    strike". The claim's verb is the unit's with "-ed" or "-d" (or its irregular past:
    `_IRREGULAR`), and the claim says no plan or possibility itself."""
    c, u = tokens(claim), tokens(unit)
    if _MODALS & set(c) or _PLANS & set(c):
        return None
    for i, verb in enumerate(u[1:], 1):
        before = u[i - 1]
        planned = before in _MODALS or (before == "to" and i > 1 and u[i - 2] in _PLANS)
        if not planned or not verb.isalpha() or (len(verb) < 3 and verb not in _IRREGULAR):
            continue
        root = verb.removesuffix("e")
        # (a short verb doubles its last letter: "wrap up" / "wrapped up")
        doubled = (verb + verb[-1] + "ed",) if re.fullmatch(_SHORT_VERB, verb) else ()
        done = _IRREGULAR.get(verb, (root + "ed", verb + "d", *doubled))
        for did in done:
            if did in c and not set(done) & set(u):
                return Conflict("word", did, " ".join(u[i - 1 - (before == "to") : i + 1]))
    return None


def denial_told(claim: str, unit: str) -> bool:
    """Whether the claim negates plainly what the unit has someone deny with a verb and names
    whoever denies it (the last _DENIER content words before the verb, not an adverb), so a
    negation between them is the denial told: "according to kensington palace, she was not
    one of the women" against "kensington palace has previously denied she was one of the
    women" (not "she was not one of the women" alone, which says as fact what the palace only
    says)."""
    u = tokens(unit)
    at = next((i for i, w in enumerate(u) if w in DENIALS), None)
    if at is None or not plainly_negated(claim) or plainly_negated(unit):
        return False
    before = [w for w in u[:at] if is_content(w) and not w.endswith("ly") and w != "however"]
    return bool(before) and set(before[-_DENIER:]) <= set(tokens(claim))


_DENIER = 2


def _both_deny(claim: str, unit: str) -> bool:
    """Whether both sides deny with a verb and neither negates otherwise, so what tells them
    apart is how the denied statement is written, not a polarity: "denies allegations of
    arms exports" and "denied allegations that it exported arms", "denies North Korea has
    supplied weapons" and "refutes claims of North Korea supplying weapons"."""
    return (
        bool(DENIALS.intersection(tokens(claim)))
        and bool(DENIALS.intersection(tokens(unit)))
        and not plainly_negated(claim)
        and not plainly_negated(unit)
    )


# Prefixes that negate a word: "illegal", "unlikely", "irregular", "impossible", "inaccurate".
_NOT_PREFIXES = ("un", "in", "il", "im", "ir")
_PREFIXED_STEM = 5  # the fewest letters of the word a prefix negates ("legal", not "side")


def _opposites(words: set[str]) -> set[tuple[str, str]]:
    """Each word and a word that says its opposite: `OPPOSITES`' ("rose" / "fell"), and the
    word with a negating prefix or without it ("illegal" / "legal")."""
    out = {(w, o) for w in words & OPPOSITES.keys() for o in OPPOSITES[w]}
    for w in words:
        for prefix in _NOT_PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= _PREFIXED_STEM:
                out.add((w, w[len(prefix) :]))
            if len(w) >= _PREFIXED_STEM:
                out.add((w, prefix + w))
    return out


def _other_party(claim: str, word: str, other: str, unit: str) -> bool:
    """Whether the words before the claim's opposite word and those before the unit's each
    hold a content word the other side lacks: "manchester city have won" against "united
    have lost ... to city"."""
    c, u = tokens(claim), tokens(unit)
    before_c = _content(c[: c.index(word)]) - set(u)
    before_u = _content(u[: u.index(other)]) - set(c)
    return bool(before_c and before_u)


def _capitalised(text: str) -> set[str]:
    """The text's capitalised words, a sentence's first too ("United have lost"), folded."""
    return {t for t in tokens(re.sub(r"\b[a-z]\w*", " ", text)) if t not in STOPWORDS}


def _overlap(text: str, stems: frozenset[str]) -> float:
    """The share of the clause's gist that the stems hold, a word counted where they hold it
    with a negating prefix or without one: "and it remains likely" says the clause "but it
    remains unlikely" says, turned."""
    mine = _gist(text)
    if not mine:
        return 0.0
    said = mine & stems
    if said != mine:
        said |= {s for w in tokens(text) for s in _gist(w) if _turned_in(w, stems)}
    return len(said & mine) / len(mine)


def _turned_in(word: str, stems: frozenset[str]) -> bool:
    """Whether the stems hold the word with a negating prefix or without one."""
    return any(_gist(other) & stems for _, other in _opposites({word}))


def _spoken_of(clause: str, unit: str) -> bool:
    """Whether a clause of names and opposite words alone ("The BBC has been criticised", "A
    woman was arrested"), which has no gist to compare, has each word in the unit, in another
    form or as its opposite."""
    stems = content_stems(clause)
    theirs = content_stems(unit)
    return not _gist(clause) and bool(stems) and all(related_in(s, theirs, KIN) for s in stems)


def _closest_run(stems: frozenset[str], clauses: tuple[str, ...]) -> tuple[str, ...]:
    """The fewest neighbouring clauses that hold as many of the stems as all of them do
    (the first such run)."""
    most = len(stems & _gist(" ".join(clauses)))
    for n in range(1, len(clauses) + 1):
        for i in range(len(clauses) - n + 1):
            if len(stems & _gist(" ".join(clauses[i : i + n]))) >= most:
                return clauses[i : i + n]
    return ()


@lru_cache(maxsize=MEMO)
def _gist(text: str) -> frozenset[str]:
    """What a clause says: its content stems without names and opposite words ("rose"), but
    for the words that negate ("refused" is what the negation rule reads)."""
    toks = tokens(text)
    drop = {w for w in toks if w in OPPOSITES and w not in IMPLIED} | names(text)
    dropped = {stem(w) for w in drop}
    # a negative contraction's base ("didn" of "didn't") says nothing of what is said
    contracted = {w for w, t in zip(toks, toks[1:], strict=False) if t == "t"}
    kept = (w for w in toks if is_content(w) and stem(w) not in dropped and w not in contracted)
    return frozenset(_BASE_STEMS.get(s, s) for s in map(_stem, kept))


# regular endings of a verb or a plural, and the fewest letters left: "enjoyed", "enjoys",
# "enjoying" read as "enjoy" (not "news" as "new", nor "races" as "rac")
_ENDINGS = ("ing", "ed", "es", "s")
_BASE = 4


@lru_cache(maxsize=MEMO)
def _stem(word: str) -> str:
    """The stem of a word's regular base (`_ENDINGS`), so that "I enjoyed it" and "I didn't
    enjoy it" say the same words."""
    for ending in _ENDINGS:
        if word.endswith(ending) and not word.endswith("ss") and len(word) - len(ending) >= _BASE:
            return stem(word[: -len(ending)])
    return stem(word)


@lru_cache(maxsize=MEMO)
def _stems(text: str) -> frozenset[str]:
    """`_stem` of each content word of the text."""
    return frozenset(_stem(w) for w in tokens(text) if is_content(w))
