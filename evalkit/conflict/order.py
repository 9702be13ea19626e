"""Order: the text's own words with two of them exchanged ("the court fined the company"
against "the company fined the court"), across "by" only where both sides are passive; or
its two clauses exchanged around a one-way word ("B before A" against "A before B"); or a
relation said from its other side, its two sides in the same order ("Smith beat Jones"
against "Smith was beaten by Jones", "Wigan lost to Warrington" against "Wigan beat
Warrington"); or two phrases traded across the words between them ("Andy Murray beat Novak
Djokovic" against "Novak Djokovic beat Andy Murray")."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from evalkit.conflict.base import (
    _PRONOUNS,
    _SAID,
    _SAY,
    PLURAL_FORMS,
    Conflict,
    _aligned,
    _content,
    _uncontracted,
    run_at,
    without_asides,
)
from evalkit.conflict.edits import _DETERMINERS, _one_verb
from evalkit.conflict.figures import _BARE_NUMBER
from evalkit.conflict.names import _ARTICLES
from evalkit.lexicon import name_words
from evalkit.text import (
    BE,
    CONVERSES,
    MONTHS,
    STOPWORDS,
    WEEKDAYS,
    cased,
    dates,
    is_content,
    names,
    stem,
    tokens,
)

# The order rule (`_order`): a claim whose content words are nearly all (this share) in one
# unit, two of them exchanged at most _REACH words apart.
_CONTAINED = 0.9
_REACH = 6
# words across which two sides may change places: "A and B", "A met B", "A drew with B"
_SYMMETRIC = frozenset(
    "and or nor between vs versus met meet meets meeting married marry drew draw draws faced "
    "face faces played play plays".split()
)
# "missiles supplied by North Korea" is "North Korea supplied missiles": two words exchanged
# across "by" count only where both sides have it ("A was beaten by B" / "B was beaten by A")
_PASSIVE = "by"


def _order(claim: str, unit: str) -> Conflict | None:
    """The claim is the unit's words (nearly all of its content words are in the unit) with
    two of them exchanged: across a word that stays between them ("the company fined the
    court" against "the court fined the company"), or where each stands in the other's
    place ("stranraer incident ... sandyhills con" against "sandyhills incident ... stranraer
    con"). Words joined by "and"/"or" may change places ("Rangers and Hibs"), and so may
    those of a passive ("missiles supplied by North Korea"), unless both are passive ("Smith was
    replaced by Jones" against "Jones was replaced by Smith"). Or the claim drops a passive, or
    makes one, but keeps its order (`_voiced`), or makes active a passive that names no doer
    (`_made_active`). Not a deal said from its other side
    (`text.CONVERSES`: "City signed Sterling from Liverpool" for "Liverpool sold Sterling to
    City"), whose sides change places."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    if any(CONVERSES.get(w, frozenset()) & set(u) for w in set(c) - set(u)):
        return None  # a deal from its other side, its sides exchanged: "City signed ... from"
    found = _reordered(claim, unit, c, u) or _object_named(c, u) or _pronoun_turned(c, u)
    found = found or _object_made_doer(c, u)
    found = found or _name_for_pronoun_traded(c, u) or _traded_cut(c, u) or _made_active(c, u)
    found = found or _bared(claim, unit, c, u)
    # (or the unit's first clauses alone: "He was first-team coach when Ally McCoist succeeded
    # Smith in 2011" of "..., then returned to working with the youths again after McCoist
    # resigned", where the name the claim moves comes again after them)
    first = None if found or _equated(c, u) else _first_clauses(c, unit)
    return found or (_order(claim, first) if first else None)


def _bared(claim: str, unit: str, c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """`_reordered` against the unit without the words the claim leaves out at its ends and the
    asides between commas it leaves out whole ("Sir Nicholas called on ... against Mr Corbyn"
    against "Mr Corbyn called on ... against Sir Nicholas over his comments"; "a woman ...
    stepped out to escort Mrs Blackburn" against "Mrs Blackburn, who was wearing appropriate
    clothing, stepped out to escort a woman ...")."""
    have = set(c)
    bare = _uncontracted(tokens(without_asides(unit, have)))
    start, end = 0, len(bare)
    while start < end and bare[start] not in have:
        start += 1
    while end > start and bare[end - 1] not in have:
        end -= 1
    rest = bare[start:end]
    if rest == u or len(rest) < len(c) / 2:
        return None
    found = _reordered(claim, " ".join(rest), c, rest)
    # only names exchanged: a time, an adverb or an attribution may move once the words
    # around it are left out ("a mystery donor paid for the sign last week" against "Gary
    # said that last week a mystery donor paid for the sign")
    named = names(claim) if cased(claim) else name_words(claim)
    return found if found and named & set(found.mine.replace("...", " ").split()) else None


def _first_clauses(c: tuple[str, ...], unit: str) -> str | None:
    """The unit up to the comma after which it has none of the claim's content words that it
    has not had before; None where that is all of it."""
    have = _content(c) & set(tokens(unit))
    pieces = unit.split(", ")
    for n in range(1, len(pieces)):
        head = ", ".join(pieces[:n])
        if have <= set(tokens(head)):
            return head
    return None


def _traded_cut(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """`_traded_inside` where the claim leaves out the unit's head or tail besides."""
    cn, un = _agreeing_forms(c), _agreeing_forms(u)
    return _traded_inside(c, u, cn, un, cut=True) if cn != un else None


def _reordered(claim: str, unit: str, c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The readings of `_order` before `_object_named`: words or phrases exchanged, a passive
    dropped or made, clauses read alone."""
    words = _content(c)
    found = len(words & set(u))
    if not words or found < _CONTAINED * (len(words) - 1):  # a passive's verb may differ
        return _in_clauses(claim, unit)
    # a given name the unit leaves out is no word of another statement ("Eden Hazard" for the
    # unit's "Hazard")
    whole = found >= _CONTAINED * len(words) or words - set(u) <= names(claim)
    swapped = (_across(c, u) or _crossed(c, u)) if whole else None
    if swapped is None:
        turned = _voiced(c, u) or _reversed(c, u)
        read = turned or (_phrases_traded(c, u) if whole else None) or _moved(c, u, unit)
        read = read or _than_traded(c, u)
        # a clause's own sides, past what opens the sentence ("During the attack ..., the nun
        # was raped ... before money was stolen ..." against "During the attack ..., money was
        # stolen ..., before the nun was raped ...")
        return read or _in_clauses(claim, unit)
    a, b = swapped
    if _equated(c, u):
        return None
    return Conflict("order", f"{a} ... {b}", f"{b} ... {a}")


def _equated(c: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether the claim trades the whole sides of the unit's "be", one a superlative after
    "the": the two sides name one thing, either way round ("the tester kit is the most
    surprising thing in her handbag" against "the most surprising thing in her handbag is the
    tester kit, which ..."; not "the latest is the charge in a litany ..." against "the charge
    is the latest in a litany ...", whose "in a litany" stays where it was)."""
    opening = 0
    while opening < min(len(c), len(u)) and c[opening] == u[opening]:
        opening += 1
    opening -= opening > 0 and c[opening - 1] in _DETERMINERS  # "the" opens both sides
    for b in (k for k in range(opening + 1, len(c) - 1) if c[k] in BE):
        mine, theirs = c[opening:b], c[b + 1 :]
        traded = theirs + (c[b],) + mine
        if u[opening : opening + len(traded)] != traded:
            continue
        return any(
            w == "the" and (n in _SUPERLATIVES or n.endswith("est"))
            for w, n in zip(c, c[1:], strict=False)
        )
    return False


_SUPERLATIVES = frozenset("most least only first last".split())


# `_object_named`: the pronouns a verb's object may be (each with its form as a subject, for
# `_pronoun_turned`), and what may stand between a subject and its verb ("Mulhall, who is
# serving life for murder, regarded her")
_NOMINATIVE = {"him": "he", "her": "she", "them": "they"}
_OBJECTS = frozenset(_NOMINATIVE)
_RELATIVE = frozenset("who which that".split())
_SUBJECT_WORDS = 5  # the most words of the subject (a name: "Scissor Sister Charlotte Mulhall")


_TOLD = frozenset({"told"})  # a verb of speech with a person for its object


def _pronoun_turned(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The unit's object pronoun made the verb's subject, its subject the verb's object: "he
    told a Conservative minister" against "a Conservative minister told him" (not "her" before
    a word it may own: "told her mother")."""
    for i in range(1, len(u) - 1):
        pronoun = u[i + 1]
        if pronoun not in _NOMINATIVE or u[i] in _SYMMETRIC or u[i] in STOPWORDS - _TOLD:
            continue
        if pronoun == "her" and i + 2 < len(u) and is_content(u[i + 2]):
            continue
        for j in range(1, len(c) - 1):
            if c[j] != u[i] or c[j - 1] != _NOMINATIVE[pronoun]:
                continue
            for n in range(min(_SUBJECT_WORDS, i), 0, -1):
                subject = u[i - n : i]
                if subject == c[j + 1 : j + 1 + n] and _content(subject):
                    theirs = f"{' '.join(subject)} {u[i]} {pronoun}"
                    return Conflict("order", f"{c[j - 1]} {c[j]} {' '.join(subject)}", theirs)
    return None


def _object_made_doer(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The unit's object (up to _SUBJECT_WORDS words after its verb) put before the verb as its
    doer, an object pronoun after it: "his mother saving him from drowning" against "saving
    his mother from drowning" (not where the unit has it before the verb too, nor the verb
    with the pronoun: "He called the journalist, who called him back")."""
    for j in range(1, len(c) - 1):
        verb = c[j]
        if c[j + 1] not in _OBJECTS or not is_content(verb) or verb in _SYMMETRIC:
            continue
        if run_at(u, (verb, c[j + 1])):
            continue
        for n in range(min(_SUBJECT_WORDS, j), 0, -1):
            doer = c[j - n : j]
            if not _content(doer) or run_at(c, (verb, *doer)) or run_at(u, (*doer, verb)):
                continue
            if run_at(u, (verb, *doer)):
                mine = f"{' '.join(doer)} {verb} {c[j + 1]}"
                return Conflict("order", mine, f"{verb} {' '.join(doer)}")
    return None


def _name_for_pronoun_traded(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """A name of the unit's put where it has a pronoun, and another name in that name's place:
    "Walcott shaved ... off Bellerin's time" against "Bellerin shaved ... off his time"."""
    changes = [o for o in _aligned(u, c)[1] if o[0] == "replace"]
    for _, i1, i2, j1, j2 in changes:
        if i2 - i1 != 1 or u[i1] not in _PRONOUNS:
            continue
        moved = tuple(w for w in c[j1:j2] if w != "s")
        for _, k1, k2, l1, l2 in changes:
            if u[k1:k2] == moved and c[l1:l2] != moved and _content(c[l1:l2]):
                if not set(c[l1:l2]) & _PRONOUNS:
                    mine = f"{' '.join(c[l1:l2])} ... {' '.join(c[j1:j2])}"
                    return Conflict("order", mine, f"{' '.join(moved)} ... {u[i1]}")
    return None


def _object_named(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The unit's subject of a verb made the verb's object, someone else its subject, where the
    unit's object is a pronoun: "how Nevin regarded Charlotte Mulhall" against "how Charlotte
    Mulhall, who is serving life, regarded her", "Freberg called "Weird Al" Yankovic a major
    influence" against ""Weird Al" Yankovic called him a major influence" (the subject right
    before the verb, or before a "who" clause that ends there); or where the unit's object is
    the claim's subject, the unit's subject anywhere before: "Mr Zaev has accused the
    government" against "The government denies the accusations, and in return has accused Mr
    Zaev"; or where the unit's subject is a pronoun and its object the claim's subject: "The
    journalist called Brand" against "He called the journalist" (not "one", "some": "The
    listings include one for ..." against "They include listings for ..."). A verb phrase both
    have stands between a subject and its verb ("PSG will want to knock Marseille off" against
    "Marseille ... will want to knock PSG off", `_verb_phrase`). Not where the claim's verb is
    passive ("Smith was arrested by police" against "Police arrested him"; "are asking" is
    none), one whose two sides may change places ("met"), or one of speech (""...," said Mr
    Zaev"; but "Tally Evans told a social worker ..." against "A social worker told him ...").
    """
    for i in range(1, len(u) - 1):
        verb = u[i]
        # (a verb of speech only with a pronoun as its object: "A social worker told him ...";
        # not "her", which may be a possessive: "The nurse told her mother ...")
        spoken = bool(_SAY.fullmatch(verb))
        if spoken and u[i + 1] not in _OBJECTS - {"her"}:
            continue
        if (not is_content(verb) and not spoken) or verb in _SYMMETRIC:
            continue
        # the claim's same use of the verb: the first for the first ("can't keep playing ...
        # keep them at bay")
        nth = u[:i].count(verb)
        for j in (j for j in range(1, len(c) - 1) if c[j] == verb and c[:j].count(verb) == nth):
            passive = BE & set(c[max(j - 2, 0) : j]) and not verb.endswith("ing")
            if c[j + 1] in _PRONOUNS or c[j + 1] == _PASSIVE or passive:
                continue
            named = u[i + 1] not in _OBJECTS
            phrase = _verb_phrase(c, j, u, i)
            s = j - phrase  # where the claim's verb phrase starts, and the unit's
            mine_subject = _subject_before(c, s, u, i) if named else c[s - 1 : s]
            if not mine_subject:
                continue
            # the unit's subject a pronoun, its object the claim's subject: "The journalist
            # called Brand" against "He called the journalist"
            theirs_at = i - phrase
            if named and theirs_at > 0 and u[theirs_at - 1] in _SUBJECTS:
                if _content(c[j + 1 : j + 2]) and c[j + 1] not in (*u[i + 1 :], *_SOME):
                    mine = f"{' '.join(mine_subject)} {verb} {c[j + 1]}"
                    theirs = f"{u[theirs_at - 1]} {verb} {' '.join(mine_subject)}"
                    return Conflict("order", mine, theirs)
            # the longest run of words after the claim's verb that the unit has before its own
            run, at = 0, -1
            for k in range(i):
                n = 0
                while k + n < i and j + 1 + n < len(c) and u[k + n] == c[j + 1 + n]:
                    n += 1
                if n > run:
                    run, at = n, k
            said = _content(c[j + 1 : j + 1 + run])
            # the claim copies the unit up to its verb and puts the unit's object there: "The
            # government denies ..., and in return Mr Zaev has accused the government" against
            # "The government denies ..., and in return has accused Mr Zaev"
            head = named and c[: s - len(mine_subject)] == u[: i - phrase]
            if not run or not said or (_content(c[:s]) & set(u[at : i - phrase]) and not head):
                continue
            between = u[at + run : i]
            # a verb phrase both have right after the unit's subject is no gap ("Hodgson did
            # not call him" against "he did not call Hodgson")
            adjoining = phrase > 0 and at + run == i - phrase
            words = u[at : at + run]
            cut = next((n for n, w in enumerate(words) if w in _RELATIVE), run)
            if cut > _SUBJECT_WORDS:
                continue  # no subject, a clause: "... playing forever and when those ..."
            if named and said & set(u[i + 1 :]):
                continue  # the unit says it after the verb too
            if named or adjoining or len(between) <= 1 or between[0] in _RELATIVE:
                subject = " ".join(words[:cut])
                theirs = " ".join(mine_subject) if named else u[i + 1]
                mine = f"{' '.join(mine_subject)} {verb} {subject}"
                gap = " ..." if named and between else ""
                return Conflict("order", mine, f"{subject}{gap} {verb} {theirs}")
    return None


# `_verb_phrase`: words between a subject and its verb ("Mr Zaev has accused")
_AUXILIARIES = frozenset("has have had will would did does do".split())


def _verb_phrase(c: tuple[str, ...], j: int, u: tuple[str, ...], i: int) -> int:
    """How many words before the verb (c[j], u[i]) are part of it: auxiliaries, and words both
    have there ("will want to knock", up to _VERB_WORDS)."""
    n = 0
    while n < min(j, i) and (
        c[j - 1 - n] in _BEFORE_VERB or (n < _VERB_WORDS and c[j - 1 - n] == u[i - 1 - n])
    ):
        n += 1
    return n


_BEFORE_VERB = _AUXILIARIES | BE
_VERB_WORDS = 3
# a pronoun that is a verb's subject (`_object_named`, a passive's side A in `_active`), and
# words for some of a thing that may be the object a subject has ("The listings include one
# for ..." of "They include listings")
_SUBJECTS = frozenset("he she it they we".split())
_SOME = frozenset("one ones some any all both each many several others another".split())


def _subject_before(c: tuple[str, ...], s: int, u: tuple[str, ...], i: int) -> tuple[str, ...]:
    """The claim's subject where the unit has it right after its verb u[i]: the words right
    before the claim's verb phrase, which starts at c[s] (`_verb_phrase`; up to
    _SUBJECT_WORDS, a content word among them); () where the unit has other words there."""
    for m in range(min(_SUBJECT_WORDS, s), 0, -1):
        if c[s - m : s] == u[i + 1 : i + 1 + m] and _content(c[s - m : s]):
            return c[s - m : s]
    return ()


# `_in_clauses`: what parts a claim's clauses, and the fewest content words of one read alone
_CLAUSE = re.compile(r"[,;:]|\bsaying\b")
_CLAUSE_WORDS = 4


def _in_clauses(claim: str, unit: str) -> Conflict | None:
    """`_order` for each clause of a claim, of _CLAUSE_WORDS content words or more: where the
    claim says more than the unit ("Eddie Howe is full of praise for the job Redknapp has done
    at Bournemouth, saying it is second to none" against "Redknapp is full of praise for the
    job Eddie Howe has done at the club"), or where the whole claim is read in no other
    order."""
    parts = _CLAUSE.split(claim)
    if len(parts) < 2:
        return None
    for part in parts:
        if len(_content(tokens(part))) >= _CLAUSE_WORDS:
            found = _order(part, unit)
            if found:
                return found
    return None


# words whose two sides may not change places: "A before B" is not "B before A" (though it
# is "B after A": another word, which `_reversed` leaves alone)
_MOVED = 3  # `_moved`: the most words moved (a title, an age: "11 year old"; not a clause)
_WHEN = frozenset("yesterday today tomorrow tonight now then later earlier recently".split())
# verbs that give a statement to whoever believes it, as a speaker's do: "Officers believe the
# man fell" / "The man fell, officers believe"
_BELIEF = frozenset(
    "believe believes believed think thinks suspect suspects fear fears understand".split()
)
_ONE_WAY = frozenset("before after because until when once unless if".split())
_SIDE = 2  # the fewest content words of a side
_MOSTLY = 0.8  # the share of a side's content words the other text has on its other side


def _reversed(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The claim has the unit's two sides of a one-way word the other way round: "Wilson
    helped the Irish ... before Thompson and Porterfield steadied the innings" against
    "Thompson and Porterfield steadied the innings before Wilson helped the Irish ...". A side
    opening the sentence ("After B, A") is left alone. Or the two phrases right beside it
    exchanged, the rest word for word: "a barman who serves you before a newly arrived regular
    customer" against "a barman who serves a newly arrived regular customer before you"."""
    found = _exchanged_around(c, u)
    if found:
        return found
    for j, word in enumerate(c):
        if word not in _ONE_WAY:
            continue
        left, right = _content(c[:j]), _content(c[j + 1 :])
        if len(left) < _SIDE or len(right) < _SIDE:
            continue
        for i in (i for i, w in enumerate(u) if w == word):
            first, then = _content(u[:i]), _content(u[i + 1 :])
            if _mostly(left, then) and _mostly(right, first):
                if not (_mostly(left, first) or _mostly(right, then)):
                    return Conflict("order", _sides(c, j), _sides(u, i))
    return None


_EXCHANGED = 6  # `_exchanged_around`: the most words of each phrase


def _exchanged_around(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The claim is the unit but for the phrases on the two sides of a one-way word (or
    "than") exchanged: "A before B" for "B before A", the rest word for word."""
    if len(c) != len(u) or c == u:
        return None
    start = next(k for k in range(len(c)) if c[k] != u[k])
    end = len(c) - next(k for k in range(len(c)) if c[-1 - k] != u[-1 - k])
    mine, theirs = c[start:end], u[start:end]
    for k, word in enumerate(mine):
        if word not in _EXCHANGING or not 0 < k < len(mine) - 1:
            continue
        a, b = mine[:k], mine[k + 1 :]
        if max(len(a), len(b)) <= _EXCHANGED and theirs == (*b, word, *a):
            return Conflict("order", " ".join(mine), " ".join(theirs))
    return None


_EXCHANGING = _ONE_WAY | {"than"}  # `_exchanged_around`: the words it reads the sides of


def _than_traded(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The two sides of a comparison traded: the claim's side after "than" is the one the unit
    compares, the unit's after "than" the claim's ("kitchen roll is far more absorbent than
    coffee filters" against "a coffee filter, which are far more absorbent than kitchen
    roll")."""
    for i in (k for k, w in enumerate(u) if w == "than" and k):
        theirs = _compared_side(u, i)
        for j in (k for k, w in enumerate(c) if w == "than" and k and c[k - 1] == u[i - 1]):
            mine = _compared_side(c, j)
            if not theirs or not mine or theirs & mine:
                continue
            before_c = {stem(w) for w in c[max(j - _SIDE_BEFORE, 0) : j - 1]}
            before_u = {stem(w) for w in u[max(i - _SIDE_BEFORE, 0) : i - 1]}
            if theirs <= before_c and mine <= before_u:
                return Conflict(
                    "order",
                    " ".join(c[j - 1 : j + 1 + len(mine)]),
                    " ".join(u[i - 1 : i + 1 + len(theirs)]),
                )
    return None


def _compared_side(words: tuple[str, ...], than: int) -> set[str]:
    """The stems of the content words right after "than" (past an article), up to three."""
    at = than + 1 + bool(_ARTICLES.intersection(words[than + 1 : than + 2]))
    side: list[str] = []
    while at < len(words) and len(side) < _SIDE_WORDS and is_content(words[at]):
        side.append(stem(words[at]))
        at += 1
    return set(side)


_SIDE_WORDS = 3  # `_than_traded`: the most words of a side after "than"
_SIDE_BEFORE = 7  # and how far before the comparison the other side stands


def _moved(c: tuple[str, ...], u: tuple[str, ...], unit: str) -> Conflict | None:
    """The unit's words with one of them, or a few side by side, moved elsewhere and nothing
    else changed: a title, an age or a description put on another person ("Opener captain
    Stuart Thompson hit 56 while ... William Porterfield (39) added ..." against "... and
    captain William Porterfield (39) added ..."). Not more than _MOVED words (a clause put
    first: "After struggling ..., Thomas finished 14th"), nor a phrase that opens with a word
    of no content, an adverb or a time, which may stand in more than one place ("he also said"
    / "he said also", "On Monday, X ..." / "X ... on Monday"), nor a speaker ("Pochettino
    said" / "said Pochettino", "Officers believe X" / "X, officers believe"), nor a day moved
    past its month ("29 July" for "July 29"). A longer run moved from inside one clause to
    inside another is one too (`_moved_across`)."""
    if u[:1] and _BARE_NUMBER.fullmatch(u[0]) and u[0] not in c:
        u = u[1:]  # a list's number before the sentence ("7. James Ward-Prowse ...")
    changes = _aligned(u, c)[1]
    if len(changes) != 2 or {changes[0][0], changes[1][0]} != {"delete", "insert"}:
        return None
    (_, i1, i2, _, _), (_, k1, k2, l1, l2) = sorted(changes, key=lambda o: o[0])
    word = u[i1:i2]
    if word != c[l1:l2]:
        return None
    if len(word) > _MOVED or not is_content(word[0]):
        return _moved_across(c, u, (i1, i2, k1, l1, l2), unit)
    # a speaker on either side of "said" ("Pochettino said" / "said Pochettino"); an age is
    # no speaker ("Steve Dumyahn, 18, said" against "... with Tramond Peet, 18,")
    near = u[max(i1 - 1, 0) : i2 + 1] + c[max(l1 - 1, 0) : l2 + 1]
    if not _BARE_NUMBER.fullmatch(" ".join(word)) and any(
        w.endswith("ly") or _SAY.fullmatch(w) or w in _BELIEF for w in near
    ):
        return None
    if dates(" ".join(word)) or word[0] in _WHEN:  # "on Monday", "later": when, said anywhere
        return None
    # a day moved past its month, or a month past its day: "29 July" for "July 29"
    passed = {u[i1 - 1]} if i1 and l2 < len(c) and u[i1 - 1] == c[l2] else set()
    passed |= {u[i2]} if i2 < len(u) and l1 and u[i2] == c[l1 - 1] else set()
    if len(word) == 1 and any(_day_and_month(word[0], w) for w in passed):
        return None
    mine, theirs = c[l2 : l2 + 2], u[i2 : i2 + 2]  # whom it is said of, here and there
    return Conflict("order", " ".join((*word, *mine)), " ".join((*word, *theirs)))


# `_moved_across`: the most words of a run moved; the words that join two clauses, and those
# that link them, across which it moved
_MOVED_FAR = 10
_COORDINATORS = frozenset("and but while whereas".split())
_CLAUSE_LINKS = _COORDINATORS | frozenset("before after".split())


def _moved_across(
    c: tuple[str, ...],
    u: tuple[str, ...],
    at: tuple[int, int, int, int, int],
    unit: str,
) -> Conflict | None:
    """A run of words (up to _MOVED_FAR, two content words or more; `at`: `_moved`'s i1, i2,
    k1, l1, l2) moved from inside one clause to inside another, across a word that links the
    two and the other clause's own name or figure: "Sakho slotted in from Sam Byram's pass,
    before Ayew tucked his first goal since November into ..." for "Sakho slotted in his
    first goal since November from Sam Byram's pass, before Ayew tucked into ...", "..., and
    60 the year before that when a key unit was closed" for "150 the year before when a key
    unit was closed ..., and 60 the year before that" (the runs moved past each other: either
    may be read as the one moved). Not a whole clause, which opens the sentence or follows
    "and" or "but" on either side ("His team won, and he scored twice" for "He scored twice,
    and his team won")."""
    i1, i2, k1, _, _ = at

    def before(k: int) -> str:
        return u[k - 1] if k > 0 else ""

    if k1 >= i2:  # P A B S read as P B A S
        a, b = u[i1:i2], u[i2:k1]
        runs = ((a, b, before(i1), before(k1)), (b, a, before(i2), before(i1)))
    else:  # P B A S read as P A B S
        a, b = u[i1:i2], u[k1:i1]
        runs = ((a, b, before(i1), before(k1)), (b, a, before(k1), before(i2)))
    for run, crossed, here, there in runs:
        if len(run) > _MOVED_FAR or len(_content(run)) < 2 or run[0] in _COORDINATORS:
            continue
        if not (here and there) or here in _COORDINATORS or there in _COORDINATORS:
            continue  # a whole clause
        if not _CLAUSE_LINKS.intersection(crossed):
            continue
        # (the unit's names, read only here: most claims never get this far)
        named = names(unit) if cased(unit) else frozenset(w for w in u if name_words(w))
        if any(w in named or _BARE_NUMBER.fullmatch(w) for w in crossed):
            return Conflict("order", f"{there} {' '.join(run)}", f"{here} {' '.join(run)}")
    return None


def _day_and_month(a: str, b: str) -> bool:
    """Whether one is a month and the other a bare number (its day)."""
    return any(x in MONTHS and _BARE_NUMBER.fullmatch(y) is not None for x, y in ((a, b), (b, a)))


def _sides(words: tuple[str, ...], at: int) -> str:
    """The opening words of the two sides of words[at]: "members voted ... after the
    committee ..."."""
    return f"{' '.join(words[:2])} ... {words[at]} {' '.join(words[at + 1 : at + 3])} ..."


def _mostly(side: set[str], words: set[str]) -> bool:
    return len(side & words) >= _MOSTLY * len(side)


# participles that end in neither -ed nor -en
_PARTICIPLES = frozenset(
    "beat won lost hit shot held led sold bought caught struck left sent paid told made kept met "
    "sued hurt cut put set run".split()
)


def _voiced(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The claim keeps the order of the two sides of a passive of the unit's but drops the
    passive ("Smith beat Jones" against "Smith was beaten by Jones", "Wigan lost to Warrington"
    against "Wigan beat Warrington"), or makes passive what the unit says actively in that
    order ("Roldan was visited by Castro" against "Roldan visited Castro"): the roles
    reversed (`_active`)."""
    found = _active(c, u)
    if found:
        return found
    found = _active(u, c)
    return Conflict("order", found.theirs, found.mine) if found else _agent_was_done_to(c, u)


def _made_active(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The unit's subject of a passive that names no doer made the doer of the same verb, in
    another form than the participle, with an object after it: "The Tenants Association gave
    samples to the council" against "The Tenants Association were given samples" (not "The shop
    opened on Monday" against "The shop was opened on Monday": no object)."""
    for k in range(2, len(u)):
        if not _made(u, k) or _PASSIVE in u[k + 1 : k + _BEFORE_BY]:
            continue
        be = k - 1 if u[k - 1] in BE else k - 2
        if be < 1 or not _side(u[be - 1]):
            continue
        for j in range(1, len(c) - 1):
            at = j - 1 - (c[j - 1] in _AUXILIARIES)  # the subject, past "has", "had"
            # (the object's article read past: "gave the council samples")
            obj = j + 1 + (c[j + 1] in _DETERMINERS and j + 2 < len(c))
            if at < 0 or c[at] != u[be - 1] or BE & set(c[at:j]) or not is_content(c[obj]):
                continue
            # (another form than the participle: "Godfrey Elfwick recruited via Twitter" is a
            # key fact's passive without its "was")
            if c[j + 1] != _PASSIVE and _one_verb((u[k],), (c[j],)):
                return Conflict("order", " ".join(c[at : obj + 1]), " ".join(u[be - 1 : k + 1]))
    return None


_AGENT_WORDS = 4  # `_agent_was_done_to`: the most words of the side after "by" it reads


def _agent_was_done_to(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The claim's "A was <participle> by B" where the unit has B itself done to, with no "by"
    after: "Saracens were crushed 46-6 by Vern Cotter's men" against "... as Vern Cotter's men
    were crushed 46-6 at Twickenham"."""
    for i, w in enumerate(c):
        if w != _PASSIVE:
            continue
        at = next((k for k in range(i - 1, max(i - _BEFORE_BY, 0), -1) if _made(c, k)), None)
        side = c[i + 1 : i + 1 + _AGENT_WORDS]
        if at is None or not _content(side):
            continue
        for k, x in enumerate(u):
            if x != c[at] or not _made(u, k) or _PASSIVE in u[k + 1 : k + _BEFORE_BY]:
                continue
            be = k - 1 if u[k - 1] in BE else k - 2
            before = u[max(be - _AGENT_WORDS, 0) : be]
            # B's last content word right before the unit's "were", B's first among its words
            head = [t for t in side if is_content(t)]
            if before and head and before[-1] in side and head[0] in before:
                return Conflict(
                    "order", " ".join(c[at : i + 1 + len(side)]), " ".join(u[be - 1 : k + 1])
                )
    return None


# "lost to" says "was beaten by": "Wigan lost to Warrington" against "Wigan beat Warrington"
_LOST = frozenset("lost lose loses losing fell".split())
_BEATEN = frozenset("beat beats beating beaten defeat defeats defeated thrashed edged".split())


_BEFORE_BY = 5  # `_active`: a passive's participle stands fewer words than this before "by"


def _made(words: tuple[str, ...], k: int) -> bool:
    """Whether words[k] is a participle after a form of "be" ("was beaten")."""
    verb = words[k]
    participle = verb.endswith(("ed", "en")) or verb in _PARTICIPLES
    return participle and any(j >= 0 and words[j] in BE for j in (k - 1, k - 2))


def _active(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """Where the unit has "A was <verb participle> by B" (the participle up to _BEFORE_BY - 1
    words before "by": "was demolished 4-0 by", "was beaten to the leadership by"; or "A lost
    to B") and the claim has A, then a form of the verb (its first three letters; for "lost
    to", a word that says "beat"), then B, within _REACH words, with no "by", no "was" and no
    "lost" between them."""
    for i, w in enumerate(u):
        if i < 2:
            continue
        if w == _PASSIVE:
            # the participle, a few words before "by" ("demolished 4-0 by", "was beaten to
            # the leadership by")
            at = next((k for k in range(i - 1, max(i - _BEFORE_BY, 0), -1) if _made(u, k)), None)
            if at is None:
                continue
            verb = u[at]
            be = next((k for k in (at - 1, at - 2) if k >= 0 and u[k] in BE), None)
        elif w == "to" and u[i - 1] in _LOST:
            verb, be = u[i - 1], i - 1
        else:
            continue
        if be is None:
            continue
        # (a pronoun for side A too: "after it had been rear-ended by another vehicle")
        ka = next((k for k in range(be - 1, max(-1, be - 4), -1) if _side(u[k])), None)
        kb = next((k for k in range(i + 1, min(len(u), i + 4)) if is_content(u[k])), None)
        if ka is None or kb is None:
            continue
        # each place the other side has B after A (a caption may name B first: "Barcelona 2
        # Manchester United 0 ... had beaten Barcelona")
        for ib in (k for k, x in enumerate(c) if x == u[kb] and u[ka] in c[:k]):
            ia = max(k for k in range(ib) if c[k] == u[ka])
            between = c[ia + 1 : ib]
            if not 0 < ib - ia <= _REACH or _PASSIVE in between or (BE | _LOST) & set(between):
                continue
            if (verb in _LOST and _BEATEN.intersection(between)) or any(
                t[:3] == verb[:3] for t in between
            ):
                return Conflict("order", " ".join(c[ia : ib + 1]), " ".join(u[ka : kb + 1]))
    return None


def _side(word: str) -> bool:
    """Whether the word may be a passive's side A: a content word or a subject pronoun."""
    return is_content(word) or word in _SUBJECTS


# verbs whose passive may take either object for its subject: "X was granted an order" and
# "an order was granted to X"
_GIVEN = frozenset("granted given awarded offered sent handed shown lent paid promised".split())


def _dative(between: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether the claim's words between two exchanged words have a passive of giving with
    "to" after it (before the one it is given to), which the unit says without the "to", with
    that one for its subject."""
    verbs = {w for k, w in enumerate(between) if w in _GIVEN and between[k + 1 : k + 2] == ("to",)}
    if not verbs or verbs.isdisjoint(u):
        return False
    return not any(w in verbs and u[k + 1 : k + 2] == ("to",) for k, w in enumerate(u))


_RESPECTIVE = frozenset({"and"})  # `_across`: what "respectively" keeps in order


def _across(c: tuple[str, ...], u: tuple[str, ...]) -> tuple[str, str] | None:
    """Content words a before b in the claim (at most _REACH words apart) that stand b before
    a in the unit, with a word p between them in both: a p b against b p a. Each of a and b
    once on both sides: a word the unit says twice may stand on either side ("you might not
    get ... but you might get" against "... but you may get"). Words joined by "and" may not
    change places where both say "respectively" ("play Gilly and Gendry respectively")."""
    symmetric = _SYMMETRIC - _RESPECTIVE if {"respectively"} <= {*c} & {*u} else _SYMMETRIC
    once = Counter(c)
    at: dict[str, list[int]] = {}
    for i, t in enumerate(u):
        at.setdefault(t, []).append(i)
    pos = {t: i for i, t in enumerate(c) if once[t] == 1 and len(at.get(t, ())) == 1}
    for a, ia in pos.items():
        for b, ib in pos.items():
            if not (ia < ib <= ia + _REACH and is_content(a) and is_content(b)):
                continue
            if a.isdigit() != b.isdigit():  # a figure moved beside a word: "the 2016 Olympics"
                continue
            if _timed({a}, {b}):
                continue
            if symmetric & set(c[ia:ib]):
                continue
            if _dative(c[ia:ib], u):
                continue  # "a restraining order was granted to X" for "X was granted a ..."
            passive = _passive(c, ia, ib)
            for ip in range(ia + 1, ib):
                p = c[ip]
                # "Cooper said "Chris ..."" is ""... Chris ...," said Cooper"
                if p not in at or p in symmetric or p in _SAID:
                    continue
                # a word the claim says elsewhere too ("on", "the") counts only as what joins
                # the two: beside one of them on both sides ("at Houghton Road on Fruehauf"
                # against "at Fruehauf on Houghton Road")
                joins = once[p] == 1 or ip in (ia + 1, ib - 1)
                for ub in at[b]:
                    for up in at[p]:
                        for ua in at[a]:
                            if not ub < up < ua <= ub + _REACH:
                                continue
                            if not (joins and (once[p] == 1 or up in (ub + 1, ua - 1))):
                                continue
                            if symmetric & set(u[ub:ua]) or _passive(u, ub, ua) != passive:
                                continue
                            return a, b
    return None


# `_phrases_traded`: words that agree with their subject or stand for it, read as one ("HMRC
# has been criticised by MPs" / "MPs have been criticised by HMRC"; "they beat Burnley" /
# "Burnley beat them")
_AGREEING = {
    **dict.fromkeys("he she it him her them".split(), "they"),
    **dict.fromkeys("his its".split(), "their"),
    **PLURAL_FORMS,
}
# words at either end of the words between two traded phrases that make them a pair, not an
# agent and its patient ("A and B", "A or B", "A vs B", "worked with B"), or join two clauses
# that may come in either order ("A while B"; a one-way word is `_reversed`'s)
_PAIRED = (
    frozenset("and or nor vs versus with between while whereas as but although though yet".split())
    | _ONE_WAY
)


def _phrases_traded(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """Two phrases of the unit traded across the words between them, the rest as the unit
    has it (but for a verb or pronoun that agrees with the phrase it now follows): "Milos
    Raonic beat Rafael Nadal" against "Rafael Nadal beat Milos Raonic", "HMRC has been
    criticised by MPs" against "MPs have been criticised by HMRC". Phrases side by side
    ("in London on Monday" / "on Monday in London"), a pair ("A and B", "A met B") and a quote
    and its speaker may trade places. Elsewhere the claim may make a few small edits of its
    own ("Google had provided ... by Google to the PTA" against "Google has provided ... by
    the PTA to Google", `_traded_inside`)."""
    cn, un = _agreeing_forms(c), _agreeing_forms(u)
    if cn == un:
        return None
    if len(cn) != len(un) or Counter(cn) != Counter(un):
        return _traded_inside(c, u, cn, un)
    # what differs: the words between the first and the last that are not the same
    start = next(i for i, (x, y) in enumerate(zip(cn, un, strict=True)) if x != y)
    end = len(cn) - next(
        i for i, (x, y) in enumerate(zip(cn[::-1], un[::-1], strict=True)) if x != y
    )
    # a quote and its speaker, the whole sentence, either way round: "'I'm a dreamer,' said
    # McCoy, who ..." / "McCoy, who ..., said: 'I'm a dreamer.'"
    whole = start == 0 and end == len(cn)
    return _traded_across(c[start:end], u[start:end], cn[start:end], un[start:end], whole)


_WINDOW = 12  # `_traded_inside`: the most words of the stretch two phrases trade across
_OWN_EDITS = 3  # `_traded_inside`: the most words the claim changes outside that stretch


def _agreeing_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with each verb or pronoun that agrees with its subject in one form
    (`_AGREEING`)."""
    return tuple(_AGREEING.get(w, w) for w in words)


def _traded_inside(
    c: tuple[str, ...],
    u: tuple[str, ...],
    cn: tuple[str, ...],
    un: tuple[str, ...],
    cut: bool = False,
) -> Conflict | None:
    """`_phrases_traded` in a stretch of the unit that the claim holds in another order, with
    no more than _OWN_EDITS words changed outside it on either side (a tense, a word dropped).
    Where `cut`, the unit's head or tail left out is no change of the claim's (`_order` reads
    that last). A stretch with a verb of speech in its middle is not read: a quote and its
    speaker."""
    ops = SequenceMatcher(None, cn, un, autojunk=False).get_opcodes()
    changed = [k for k, op in enumerate(ops) if op[0] != "equal"]
    for x, s in enumerate(changed):
        for e in changed[x:]:
            i1, i2, j1, j2 = ops[s][1], ops[e][2], ops[s][3], ops[e][4]
            if max(i2 - i1, j2 - j1) > _WINDOW:
                break
            mine, theirs = cn[i1:i2], un[j1:j2]
            if len(mine) != len(theirs) or Counter(mine) != Counter(theirs):
                continue
            # (`cut`: the unit's head or tail left out is no edit: "The singer had contacted
            # bridesmaids Kirsty Miles and Becky Young three months ago." against "Bridesmaids
            # Kirsty Miles and Becky Young had contacted the singer three months ago to ask ...")
            outside = [
                op
                for k, op in enumerate(ops)
                if op[0] != "equal"
                and not s <= k <= e
                and not (cut and _cut_off(op, len(cn), len(un)))
            ]
            if (
                sum(op[2] - op[1] for op in outside) > _OWN_EDITS
                or sum(op[4] - op[3] for op in outside) > _OWN_EDITS
            ):
                continue
            found = _traded_across(c[i1:i2], u[j1:j2], mine, theirs, spoken=True)
            if found:
                return found
    return None


def _cut_off(op: tuple[str, int, int, int, int], mine: int, theirs: int) -> bool:
    """Whether a difference of the claim's (`mine` words) from the unit's (`theirs`) is the
    unit's head or tail left out."""
    tag, i1, i2, j1, j2 = op
    return tag == "insert" and (i1 == j1 == 0 or (i2 == mine and j2 == theirs))


def _traded_across(
    c: tuple[str, ...],
    u: tuple[str, ...],
    mine: tuple[str, ...],
    theirs: tuple[str, ...],
    spoken: bool,
) -> Conflict | None:
    """Whether mine is theirs with two phrases traded across the words between them: theirs is
    A, middle, B and mine is B, middle, A (c and u are the words as written). Where the two
    may be a quote and its speaker (`spoken`), a middle with a verb of speech is no trade; nor
    is a phrase of speech traded with what is said, shorter than it (an attribution moved)."""
    size = len(mine)
    # two phrases side by side, traded with nothing between ("His 1957 spoof, "Wun'erful
    # Wun'erful,"" for ""Wun'erful Wun'erful," his 1957 spoof"), whatever a word they repeat
    # makes of them
    if any(theirs == mine[k:] + mine[:k] for k in range(1, size)):
        return None
    for la in range(1, size - 1):
        if theirs[:la] != mine[size - la :]:
            continue
        for lb in range(1, size - la):
            middle = theirs[la : size - lb]
            if theirs[size - lb :] != mine[:lb] or middle != mine[lb : size - la]:
                continue
            a, b = theirs[:la], theirs[size - lb :]
            if a == b or not (_content(a) or _content(b)):
                continue
            if {middle[0], middle[-1]} & _PAIRED or (_SYMMETRIC - _PAIRED) & set(middle):
                continue
            if spoken and any(_SAY.fullmatch(w) for w in middle):
                continue
            # an attribution moved: "..., it has previously said" for "... has previously said
            # it will ..."
            if any(_SAY.fullmatch(w) for w in (a if len(a) < len(b) else b)):
                continue
            said = f"{' '.join(c[:lb])} ... {' '.join(c[size - la :])}"
            told = f"{' '.join(u[:la])} ... {' '.join(u[size - lb :])}"
            return Conflict("order", said, told)
    return None


def _passive(words: tuple[str, ...], i: int, j: int) -> bool:
    """Whether the words from i to j read as a passive: a "by" between them, or right after the
    last ("Smith's signing was confirmed by the club" against "the club confirmed the signing
    of Smith")."""
    return _PASSIVE in words[i:j] or words[j + 1 : j + 2] == (_PASSIVE,)


# words of when, which a sentence may put anywhere ("In June 2011 he was arrested in London"
# is "He was arrested in London in June 2011"); not "may", more often a verb
_TIMES = (
    (MONTHS - {"may"})
    | WEEKDAYS
    | _WHEN
    | frozenset("morning afternoon evening night overnight weekend".split())
)


def _timed(mine: set[str], theirs: set[str]) -> bool:
    """Whether one side of an exchange is words of when and the other is not: a time moved
    to the other end of the sentence, no two things traded ("US border agents encountered
    ... on Tuesday morning" against "On Tuesday morning border agents encountered ... in the
    US"). Two times traded ("Monday ... Friday") stay an exchange."""
    return (mine <= _TIMES) != (theirs <= _TIMES)


def _crossed(c: tuple[str, ...], u: tuple[str, ...]) -> tuple[str, str] | None:
    """Two changed places of the word alignment that trade content words: each puts a word
    the other took out. Not where "said" moves with them (the speaker put at the other end)."""
    changed = _aligned(u, c)[1]
    for x, (_, i1, i2, j1, j2) in enumerate(changed):
        for _, k1, k2, l1, l2 in changed[x + 1 :]:
            # a pronoun put for a name, or a name for one, may be the same person ("he" for
            # "Smith"); pronouns on both sides ("who she" for "whom he") change no one
            theirs_said = (set(u[i1:i2]) | set(u[k1:k2])) & _PRONOUNS
            if theirs_said and not (set(c[j1:j2]) | set(c[l1:l2])) & _PRONOUNS:
                continue
            if _SAID & {*c[j1:j2], *c[l1:l2]} and _SAID & {*u[i1:i2], *u[k1:k2]}:
                continue  # the attribution moved: "..., police said" for "Police said ..."
            there = _content(c[j1:j2]) & set(u[k1:k2])
            back = _content(c[l1:l2]) & set(u[i1:i2])
            between = c[j2:l1]
            if (_PASSIVE in between) != (_PASSIVE in u[i2:k1]) or _dative(between, u):
                continue
            # a "by" that comes or goes with the traded words turns the voice, not the roles
            # ("the parole board ... approved her release" for "her release ... approved by
            # the parole board")
            if (_PASSIVE in {*u[i1:i2], *u[k1:k2]}) != (_PASSIVE in {*c[j1:j2], *c[l1:l2]}):
                continue
            if there and back and not (between and set(between) <= _SYMMETRIC):
                if not _timed(there, back):
                    return min(there), min(back)
    return None
