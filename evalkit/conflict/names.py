"""Names: a name no source knows where the text has another (`_name`), an office held by another
(`_role`), and a copy of a sentence with one name in place of another (`_swapped`)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain
from typing import Literal

from evalkit.conflict.base import (
    _COPY,
    _NEAR_COPY,
    _PRONOUNS,
    _ROLES,
    _SPEECH,
    _WHO,
    Conflict,
    _aligned,
    _content,
    _copy_changes,
    _one_apart,
    _replaced,
    _uncontracted,
    inner_changes,
    past_asides,
    run_at,
    speaks_after,
)
from evalkit.lexicon import name_words, unknown_words, vocabulary_words
from evalkit.text import (
    NUMBER_WORDS,
    STOPWORDS,
    cased,
    content_stems,
    fold,
    full_month,
    is_content,
    names,
    openers,
    other_forms,
    roots,
    same_country,
    scale_step,
    seat_words,
    stem,
    tokens,
)

# someone and the office between commas beside them: "Peter John, the leader of Southwark
# Council, ..." and "The leader of Southwark Council, Peter John, ..."
_ROLE = re.compile(
    rf"(?P<who>{_WHO}),\s+(?:the|a|an)\s+(?P<role>[a-z][^,.;:]{{3,60}}?)\s*,"
    rf"|\b(?:[Tt]he|[Aa]n?)\s+(?P<office>[a-z][^,.;:]{{3,60}}?),\s+(?P<holder>{_WHO})\s*,"
)


def _role(claim: str, unit: str) -> Conflict | None:
    """An office both sides give between commas beside someone, a different one: "Catherine
    West, the leader of Southwark Council, has called ..." against "The leader of Southwark
    Council, Peter John, has called ..." (the claim's name is in the article, elsewhere)."""
    theirs = dict(_offices(unit))
    for role, who in _offices(claim):
        holder = theirs.get(role)
        if holder and not set(tokens(who)) & set(tokens(holder)):
            return Conflict("name", fold(who), fold(holder))
    return None


def _offices(text: str) -> Iterator[tuple[frozenset[str], str]]:
    """Each office (its content stems, two or more) the text gives between commas beside
    someone, and who holds it."""
    for m in _ROLE.finditer(text):
        role, who = (m["role"], m["who"]) if m["who"] else (m["office"], m["holder"])
        stems = content_stems(role)
        if len(stems) >= 2 and names(who):
            yield stems, who


def _name(claim: str, unit: str, novel: frozenset[str]) -> Conflict | None:
    invented = novel & names(claim)
    others = names(unit) - names(claim)
    if invented and others and not one_kingdom(invented, others & (_KINGDOM | _NATIONS)):
        return Conflict("name", ", ".join(sorted(invented)), ", ".join(sorted(others)))
    return None


# Words that say how a name relates to the name before it ("Leyhill in North Somerset", "the
# Mayor of Doncaster"): `placed` needs the same ones, and the same marks, on both sides
_RELATION = frozenset("in at from near of for to by with on".split())
_MARKED = re.compile(r"[^\W_]+|[^\w\s]")  # words (a possessive's "s" apart) and marks
# the United Kingdom's names, and its nations': `one_kingdom`
_KINGDOM = frozenset("uk britain great united kingdom british".split())
_NATIONS = frozenset("england scotland wales northern ireland english scottish welsh".split())
_GAP = 3  # `placed`: the most words and marks between the two names
_QUOTED = frozenset('"“”')  # `placed`: marks that end a quote, never between a place and a name


def placed(fact: str, unit: str) -> Conflict | None:
    """A statement's name that the other sentence puts another in place of, beside a name both
    have, related to it alike: "The event was in Nottwil, Switzerland" against "... in
    Nottwil, Austria, ...", "HMP Leyhill is in South Gloucestershire" against "... from HMP
    Leyhill in North Somerset on Saturday", "at Thornton, near Horncastle" against "at
    Thornton, near Woodhall Spa", and the other way round, "arrived in Trapani, Sicily" against
    "arrival in Palermo, Sicily" (not "the Mayor of Doncaster" against "Doncaster's mayor Ros
    Jones"). The other name must end a phrase (a mark, the end or a function word after it, or
    before it the other way round: not "In Nottwil, Storey won ..."), nor be a short form of the
    name or name the same country ("Leeds, Britain" against "Leeds, England")."""
    # a key fact is often all names ("HMP Leyhill is in South Gloucestershire"), which `names`
    # would take for a headline: its capitalised words are its names
    written = _MARKED.findall(fact)
    f = [fold(w) for w in written]
    mine = frozenset(fold(w) for w in written if w[0].isupper()) - STOPWORDS
    u = [fold(w) for w in _MARKED.findall(unit)]
    others = names(unit) - mine
    return _placed_after(f, u, mine, others, 1) or _placed_after(f[::-1], u[::-1], mine, others, -1)


def _placed_after(
    f: list[str], u: list[str], mine: frozenset[str], others: frozenset[str], way: int
) -> Conflict | None:
    """`placed` in the order the words are given: the statement's name after the name both
    have. `way`: -1 where the words were given last first, to name each name as written."""
    for i, word in enumerate(f):
        if word not in mine or (i and f[i - 1] in mine):
            continue
        end = i
        while end < len(f) and f[end] in mine:
            end += 1
        run = set(f[i:end])
        held = next((j for j in range(i - 1, max(i - _GAP - 2, -1), -1) if f[j] in mine), None)
        if run & set(u) or held is None:
            continue  # part of the name is there ("Garissa University" against "University")
        link = _link(f[held + 1 : i])
        if _QUOTED & set(link or ()):
            continue  # a quote's end and its speaker: '... the Premier League," Pochettino'
        if not link or (way < 0 and (link != [","] or f[held - 1 : held] in (["'"], ["’"]))):
            # "ESPN suspended McHenry", "CNN Hero": no place or part of a name; the other way
            # round only a comma links a place, and not to a possessive ("Jones, of Leeds,",
            # "Genevieve Kelley, Mary's mother,")
            continue
        for k in (k for k, w in enumerate(u) if w == f[held]):
            start = next((j for j in range(k + 1, min(k + _GAP + 2, len(u))) if u[j] in others), 0)
            stop = start
            while start and stop < len(u) and u[stop] in others:
                stop += 1
            put = set(u[start:stop])
            ends = stop == len(u) or not u[stop].isalnum() or u[stop] in STOPWORDS
            ends = ends and u[stop : stop + 2] not in (["'", "s"], ["’", "s"])  # "Baron's Court"
            if not put or not ends or _link(u[k + 1 : start]) != link:
                continue
            mine_words, their_words = tuple(f[i:end])[::way], tuple(u[start:stop])[::way]
            if _short_form(mine_words, their_words) or same_country(run, put):
                continue  # "QPR" for "Queens Park Rangers"
            if one_kingdom(run, put):
                continue  # "Britain" for "England"
            return Conflict("name", " ".join(mine_words), " ".join(their_words))
    return None


def one_kingdom(name: AbstractSet[str], other: AbstractSet[str]) -> bool:
    """Whether one name is the United Kingdom's and the other its own or one of its nations'
    ("uk" and "england", "britain" and "scottish")."""
    whole = name <= _KINGDOM or other <= _KINGDOM
    return bool(name and other and whole) and name | other <= _KINGDOM | _NATIONS


def _link(gap: list[str]) -> list[str] | None:
    """The words and marks between two names that say how they relate (`_RELATION`); None
    where a content word comes between ("Vargas fired Queens Park Rangers")."""
    if any(w.isalnum() and w not in STOPWORDS and w not in _RELATION for w in gap):
        return None
    return [w for w in gap if w in _RELATION or not w.isalnum()]


# Speakers that may stand for a named one: an office or institution ("the Prime Minister",
# "the White House" for its press secretary) or a seat of government ("Seoul said":
# `text.seat_words`). An office may also stand for the person a swap puts it for ("the Prime
# Minister" for "Mr Cameron"), and a seat for its own country ("Seoul" for "South Korea", not
# for "North Korea": `text.same_country`).
_OFFICES = frozenset(
    """spokesman spokeswoman spokesperson minister prime president secretary chancellor premier
    chief executive""".split()
)
_STANDS_IN = (
    _OFFICES
    | seat_words()
    | frozenset(
        """downing street whitehall government ministry department office police council
        committee commission agency court officials official authorities military army navy
        embassy party club company firm board union federation association league un nato
        eu""".split()
    )
)


# who may speak for any group or person ("a spokesman said" for "police said"; "officials"
# are a group: two independent probes call "police said" for "officials said" a change of
# speaker), and one force however named ("officers" for "police")
_VOICES = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokespeople representative representatives
    statement""".split()
)
_POLICE = frozenset("police officers officer detectives detective force constabulary".split())


def same_voice(gone: set[str], put: set[str]) -> bool:
    """Whether words put for others may name the same speaker: the police by another name, or
    a voice with at most words of the other side ("a police spokesman" for "police"; not
    "Ukrainian officials" for "John Kirby")."""
    return gone | put <= _POLICE or put - _VOICES <= gone or gone - _VOICES <= put


def _swapped(
    claim: str,
    unit: str,
    unsourced: frozenset[str] = frozenset(),
    source_names: frozenset[str] = frozenset(),
) -> Conflict | None:
    """`_swapped_in` the unit, or past the asides the claim leaves out (`past_asides`)."""
    return past_asides(_swapped_in, claim, unit, unsourced, source_names)


def _swapped_in(
    claim: str, unit: str, unsourced: frozenset[str], source_names: frozenset[str]
) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words but the new ones, in order) but for a
    few words in place of others: names of each (up to _NAME_WORDS words a side; not a title for
    a given name both keep a surname with, `_TITLES`; not a short form: "Hibs" for "Hibernian",
    "QPR" for "Queens Park Rangers"; not an office for a name, `_OFFICES`, nor a seat of
    government for its country, `text.same_country`; kin and roles, `_other_person`, count as
    names), or, in lower-cased text, up to five words where that is the claim's only
    change (and the rest at least _NEAR_COPY of its words; where the claim also leaves out the
    unit's head or tail, only names the lexicon knows), or kin or a role beside other changes.
    A word that opens a sentence or quote counts as a name where it is one without its capital
    (`_named`) or where the sources write it as one inside a sentence (`source_names`); a
    description for a name ("the Frenchman" for "Ribery") is none (`_described`).
    In cased text a name put for a name with the words after it in other words is one too
    ("Luke Varney headed in ..." for "James Vaughan rose well to head in ...": `_named_run`).
    So is a body put for a person (`_unpersoned`: "the newspaper's" for "his"), and a name put
    for a pronoun its own sentence gives that name after (`_bound`); a speaker moved from after
    "said" is none (`speaks_after`).
    Lower-cased, not where a word put in is one of the claim's that no source has
    (`unsourced`, stems): a summary's own word for the source's is a paraphrase ("cautioned"
    for "warned", "rapidly" for "quickly"), where a swap recombines the sources' words; an
    opposite is the copy rules' (`edits`)."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    lower = not cased(unit)
    changes = _copy_changes(c, u, _NEAR_COPY)
    if changes is None:
        return None
    found = _from_left_out_clause(changes, c, u, names(unit) if cased(unit) else None)
    if found:
        return found
    # lower-cased, the claim's light edits undone, so another change may be its only one: then
    # only names the lexicon knows for others, or kin, are read as a swap
    restored, light = _restored(changes, c, u, unit) if lower else (c, False)
    if restored != c:
        c, changes = restored, _aligned(u, restored)[1]
    # more than one change (the unit's head or tail left out aside): then only kin, since
    # other words may be a paraphrase
    inner = inner_changes(changes, len(u))
    several = lower and len(inner) > 1 and not _traded(inner, c, u)
    # in cased text, two changes one word apart are read as one too: "Kim Jong Un" for "Kim
    # Yo Jong" (lower-cased, too often a paraphrase)
    spans = changes + (() if lower else _one_apart(changes))
    # the claim's last words in place of the first of the unit's longer tail, the rest left
    # out: "... to attack Tokyo." for "... to attack Seoul, the South Korean capital."
    # (not initials of the tail's first words: "... by the IOC." for "... by the International
    # Olympic Committee, who ...")
    spans += tuple(
        ("replace", i1, i1 + j2 - j1, j1, j2)
        for op, i1, i2, j1, j2 in changes
        if op == "replace"
        and j2 == len(c)
        and i2 - i1 > j2 - j1
        and not abbreviates(c[j1:j2], u[i1 : i1 + _NAME_WORDS])
        # (the same role: "at ewood park" is no name for "for liverpool, drilling ...")
        and _roles(c[j1:j2]) == _roles(u[i1 : i1 + j2 - j1])
    )
    # where the claim leaves out words of the unit's head or tail, only names the lexicon
    # knows, or kin (not function words alone: "and ..." for "And barcelona's second ...")
    cut = lower and any(_content(u[o[1] : o[2]]) for o in changes if o not in inner)
    left_out = "".join(f" {' '.join(u[o[1] : o[2]])} " for o in changes if o not in inner)
    # in cased text, a name and a few words after it put for a name and a few words after it,
    # before what both copy: the names are the change, the words a paraphrase ("Luke Varney
    # headed in ..." for "James Vaughan rose well to head in ..."); `outer` keeps the block
    outer: dict[tuple[int, int, int, int], int] = {}
    capitalised: frozenset[str] = frozenset()  # the names capitals show, in cased text
    if not lower:
        # (a word that opens a sentence is a name where the sources write it so inside one:
        # `source_names`; not one in capitals, "CCTV footage shows ...", a thing more than a
        # doer; nor for the runs of names below, which a claim's opening name would make of
        # most claims: "Tevez joined Juventus in 2013" for "... with United in 2008 before
        # joining ...")
        runs_theirs, runs_mine = names(unit), names(claim)
        theirs = runs_theirs | (source_names & openers(unit)) - _acronyms(unit)
        mine = runs_mine | (source_names & openers(claim)) - _acronyms(claim)
        capitalised = theirs | mine
        dateline = _DATELINE.match(unit)  # "SEOUL, South Korea (AP) —" names no subject
        after = len(_uncontracted(tokens(dateline.group()))) if dateline else 0
        for op, i1, i2, j1, j2 in changes:
            if op != "replace":
                continue
            if i2 - i1 > j2 - j1 and _content(c[j1:j2]) <= runs_mine:
                # a name for a name that opens the unit's longer words: "carried out by South
                # Wales Police after" for "... by the Royal Logistics Corps bomb disposal unit
                # after"; past a role before the name ("Storer did well" for "keeper Jonathan
                # Flatt did well")
                start = i1 + (u[i1] == "the")
                # (a role in lower case: "Coach Joe Prunty's team" is a name's run, "the
                # Premier League side" no role)
                roled = start < i2 - 1 and u[start] in _PEOPLE_WORDS - runs_theirs
                start += roled
                end = start
                while end < i2 and end - start < _NAME_WORDS and u[end] in runs_theirs:
                    end += 1
                # (not the initials of the unit's words: "the IAAF" for "the International
                # Association of Athletics' Federations")
                rest = _content(u[end:i2])
                if end > start and (rest or roled) and not abbreviates(c[j1:j2], u[i1:i2]):
                    spans += (("replace", start if roled else i1, end, j1, j2),)
            a = _named_run(u, max(i1, after), i2, runs_theirs)
            b = _named_run(c, j1, j2, runs_mine)
            if a and b and _content(u[a[1] : i2]) and _content(c[b[1] : j2]):
                outer[(a[0], a[1], b[0], b[1])] = j2 - j1
                spans += (("replace", a[0], a[1], b[0], b[1]),)
    # a body for a person, or a name for a pronoun its own sentence names later
    for op, i1, i2, j1, j2 in changes:
        if op == "replace" and (
            _unpersoned(u[i1:i2], c[j1:j2]) or _bound(u, i1, i2, c, j1, j2, capitalised)
        ):
            return Conflict("word", " ".join(c[j1:j2]), " ".join(u[i1:i2]))
    for i1, i2, j1, j2 in _replaced(spans, c, u):
        old, new = u[i1:i2], c[j1:j2]
        # up to five words a side, cased or not: "striker charlie austin" for "former west ham
        # boss redknapp", "lloyds" for "royal bank of scotland (rbs)"
        if max(len(old), len(new)) > _NAME_WORDS:
            continue
        # "Scott Kelley was arrested" for "Scott and Mary were taken into custody": one of two
        listed = u[i1 - 1 : i1] != c[j1 - 1 : j1] and _LIST & {*u[i1 - 1 : i1]}
        if listed or _LIST & {*old, *new}:
            continue
        gone, put = _content(old), _content(new)
        if speaks_after(u, i2, new):
            continue  # "..., police said" for "... and investigations continue, said police"
        if _described(u, i1, c, j1, gone, put, capitalised):
            continue
        if old in _REFERRING and _after_the(u, i1) and set(new) <= set(u[:i1]):
            continue  # "killed the christians" for "... from christians and killed the latter"
        if _alike(old, new) or _same_figure(old, new):  # "frequently" for "often"
            continue
        kin = _other_person(gone, put)  # "wife" for "sister", "victim" for "defendant"
        # among several changes, names the lexicon knows for others it knows are a swap still
        # ("guildford" for "brighton", "australia" for "south africa"), in the same role ("of
        # asda" is no "in canterbury") and not before a name both keep ("alexander kristoff"
        # for "norway's kristoff")
        named = _all_named(gone) and _all_named(put) and _roles(old) == _roles(new)
        named = named and not _kept_name(c[j2 : j2 + 1], u[i2 : i2 + 1])
        if (several and not kin and not named) or (lower and same_voice(gone, put)):
            continue
        # lower-cased, a title for a given name before the surname both keep, as cased text
        # reads it below ("theodora hawksley said" for "miss hawksley said")
        if lower and (gone | put) & _PERSON_TITLES and _surname(c[j2 : j2 + 1], u[i2 : i2 + 1]):
            continue
        named_old, named_new = name_words(" ".join(old)), name_words(" ".join(new))
        # (or words the claim moves whole from the unit's head or tail it leaves out: "unveiled by
        # mark hamill" for "unveiled by jj abrams ... - with stars ..., mark hamill, ...
        # looking on")
        # (for a name the lexicon knows: not "suspended" for "sports reporter britt")
        moved = bool(put) and f" {' '.join(new)} " in left_out and not gone & set(c)
        moved = moved and bool(gone) and gone <= named_old
        if cut and not kin and not (named_old and named_new) and not moved:
            continue
        if light and not kin and not (named_old or named_new):
            continue  # "important" for "vital" with "that" left out: a paraphrase
        if not lower:
            # the rest copied: _COPY of the claim's words but the new name's; where the name is
            # what keeps the copy under _COPY, with its role ("of Asda" is no "in Canterbury")
            copied = _aligned(u, c)[0]
            if copied < _COPY * (len(c) - outer.get((i1, i2, j1, j2), len(new))):
                continue
            if copied < _COPY * len(c) and _roles(old) != _roles(new):
                continue
            if i1 == 0 and dateline:
                continue
            # (a body's word beside a name is part of it: "a BIS committee investigation" for
            # "a BBC investigation")
            # (and a body's word after a name both keep: "the Scottish SPCA" for "the Scottish
            # government")
            bodied = gone <= _BODY_WORDS and i1 > 0 and j1 > 0 and c[j1 - 1] == u[i1 - 1]
            bodied = bodied and u[i1 - 1] in theirs
            named_both = (bodied or _named(_unbodied(gone), unit, theirs)) and _named(
                _unbodied(put), claim, mine
            )
            # the unit's own description of someone before put for a name ("the guard" for
            # "Jia" after "The security guard said no")
            reused = _after_the(c, j1) and bool(put) and put <= set(u[:i1])
            reused = reused and _named(gone, unit, theirs) and _described_in(put, unit)
            if not kin and not named_both and not reused:
                # a body of people put for another or for a name, from the sources' words
                if not _group_for(old, new, unit, claim, len(inner)):
                    continue
                if {stem(w) for w in put} & unsourced:
                    continue
            if (gone <= _OFFICES) != (put <= _OFFICES) or same_country(gone, put):
                continue
            if one_kingdom(gone, put):  # "London, England" for "London, UK"
                continue
            # part of a name both keep beside it, with no punctuation between ("South Korea"
            # kept beside "North"; not "Russia, South Korea"), is the same name only after a
            # title or a possessive ("Norway's"): (the kept word, the two side by side)
            sides = [(c[j1 - 1], c[j1 - 1], c[j1])] if j1 > 0 else []
            sides += [(c[j2], c[j2 - 1], c[j2])] if j2 < len(c) else []
            kept = any(w in mine and w in u and _adjacent(claim, a, b) for w, a, b in sides)
            titled = bool((gone | put) & _TITLES) or "s" in (old[-1], new[-1])
            if kept and titled:
                continue
        if not kin and _short_form(old, new):  # "employee" is no short form of "employer"
            continue
        if abbreviates(new, u[max(i1 - _NAME_WORDS, 0) : i2]):
            continue  # "the MoJ" for "the Ministry of Justice", its other words left out
        if lower and not kin and {stem(w) for w in put} & unsourced:
            continue
        kind: Literal["name", "word"] = "word" if lower or kin else "name"
        return Conflict(kind, " ".join(new), " ".join(old))
    return None


def _from_left_out_clause(
    changes: Sequence[tuple[str, int, int, int, int]],
    c: tuple[str, ...],
    u: tuple[str, ...],
    capitalised: frozenset[str] | None,
) -> Conflict | None:
    """A clause left out whose name opens the next one's copy, in place of that clause's own
    name: "Headley was sentenced ..., while Maycock was sentenced in 2001" for "Headley was
    sentenced ..., Maycock was jailed ... for GBH, while Bromwich was sentenced in 2001". The
    copy aligns the claim's name with the left-out clause's, puts its link word ("while") in
    before it and leaves out the rest of that clause up to the same link word and the next
    clause's name (names by capitals, `capitalised`, or lower-cased by the lexicon)."""

    def named(words: tuple[str, ...]) -> bool:
        if not 0 < len(words) <= _NAME_LENGTH:
            return False
        if capitalised is None:
            return bool(name_words(" ".join(words)))
        return set(words) <= capitalised

    for (op, _, i2, j1, j2), (op2, d1, d2, _, _) in zip(changes, changes[1:], strict=False):
        link = c[j1:j2]
        if op != "insert" or op2 != "delete" or not link or _content(link):
            continue
        name = u[i2:d1]
        if c[j2 : j2 + len(name)] != name or not named(name):
            continue
        left_out = u[d1:d2]
        ends = run_at(left_out, link)
        at = ends[-1] if ends else -1
        other = left_out[at + len(link) :] if ends else ()
        if named(other) and other != name and len(_content(left_out[:at])) >= _LEFT_OUT_WORDS:
            return Conflict("name", " ".join(name), " ".join(other))
    return None


_LEFT_OUT_WORDS = 2  # `_from_left_out_clause`: the fewest content words the left-out clause says


# a photo's place in a caption, bracketed in CNN/DailyMail's text: "jacques burger (centre)"
_CAPTION_PLACE = re.compile(
    r"(?:\(|-lrb-)\s*(?:(?:far|second|top|bottom)\s+)?(?:left|right|centre|center|pictured|"
    r"above|below|top|bottom|inset)\s*(?:\)|-rrb-)",
    re.I,
)
_RESOLVED = 4  # the most words a pronoun may be put in place of, as its name ("he" -> "bueno")
_STANDS_FOR = frozenset("he she they it his her their its him them".split())
_SLIGHT = frozenset({"the", "a", "an", "of", "that"})  # one put in or left out: "because (of) its"


def _restored(
    changes: Sequence[tuple[str, int, int, int, int]],
    c: tuple[str, ...],
    u: tuple[str, ...],
    unit: str,
) -> tuple[tuple[str, ...], bool]:
    """The claim with an extractive summary's light edits of the unit undone: a pronoun put
    back as the name it stands for ("bueno hit four" for "he hit four", "redknapp's decision"
    for "his decision"), a caption's bracketed place left out ("(centre)"), an article, "of" or
    "that" put in or left out. What is left is the claim's own change, if any (`_swapped`);
    and whether a function word was among them (then the change left may be a paraphrase's)."""
    captions = {w for m in _CAPTION_PLACE.finditer(unit) for w in tokens(m.group())}
    words, light = list(c), False
    for op, i1, i2, j1, j2 in reversed(changes):
        resolved = (
            op == "replace"
            and i2 - i1 == 1
            and u[i1] in _STANDS_FOR
            and 0 < j2 - j1 <= _RESOLVED
            and not set(c[j1:j2]) & _PRONOUNS
        )
        resolved = resolved or (op == "delete" and set(u[i1:i2]) <= captions)
        slight = op in ("insert", "delete") and {*u[i1:i2], *c[j1:j2]} <= _SLIGHT
        # (a source's word one letter off, mended: "a fan event" for "a fan even")
        mended = op == "replace" and i2 - i1 == j2 - j1 == 1 and _one_letter_off(u[i1], c[j1])
        if resolved or slight or mended:
            words[j1:j2] = u[i1:i2]
            light = light or slight
    return tuple(words), light


def _one_letter_off(old: str, new: str) -> bool:
    """Whether two words of four letters or more differ by one letter put in or left out, a
    slip of the source's ("even" for "event"), not an ending."""
    if min(len(old), len(new)) < _MENDED_LETTERS or abs(len(old) - len(new)) != 1:
        return False
    short, long = sorted((old, new), key=len)
    if long in (short + "s", short + "d"):
        return False  # a plural or a past, the claim's own form ("cameras" for "camera")
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


_MENDED_LETTERS = 4


# words that make a name a body's: "the BIS committee", "Leeds City Council"
_BODY_WORDS = frozenset(
    """committee council commission ministry department agency office court board union party
    club company firm government association federation authority institute organisation
    organization service society""".split()
)


# a person's pronoun, which no body's name stands for: "ruled in the newspaper's favour" for
# "ruled in his favour" (`_unpersoned`)
_PERSONAL = frozenset("he she him his her hers himself herself".split())
_NOT_PEOPLE = _BODY_WORDS | frozenset("newspaper paper magazine channel broadcaster".split())
_SOMEONE = frozenset("a an one another".split())  # what opens a description of someone new


def _unpersoned(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether a copy puts a body for a person's pronoun or for someone it describes: "the
    newspaper's" for "his", "the Labour party" for "she", "The Ministry of Justice said" for
    "One former inmate said"."""
    put = set(new)
    if not put & _NOT_PEOPLE or put & (_PERSONS | _PERSONAL):
        return False
    if len(old) == 1:
        return old[0] in _PERSONAL
    gone = [w for w in old if is_content(w)][-1:]
    return old[0] in _SOMEONE and bool(gone) and gone[0] in _PERSONS


_SUBJECTS = frozenset("he she they it".split())


# verbs that make what follows only seeming: "it appears Ashya is" (`_bound`; `edits._seeming`)
SEEMS = frozenset("seem seems seemed appear appears appeared looks looked".split())


def _bound(
    unit: tuple[str, ...],
    i1: int,
    i2: int,
    claim: tuple[str, ...],
    j1: int,
    j2: int,
    capitalised: frozenset[str],
) -> bool:
    """Whether a copy puts for a "he", "she", "they" or "it" a name (`capitalised`, in cased text)
    the unit gives later in the same sentence, which the claim leaves out there: a pronoun is
    never the name its own sentence gives after it ("BBC Sport's Nick Hope initially
    experienced racial abuse, but explains how ..." for "He initially experienced racial abuse,
    but explains to BBC Sport's Nick Hope how ..."; "The listings include one ..." for "They
    include listings ..." names no one). Not an "it" that only opens a seeming ("although it
    appears Ashya is in remission" for "although Ashya appears to be in remission")."""
    if i2 - i1 != 1 or unit[i1] not in _SUBJECTS:
        return False
    if unit[i1] == "it" and unit[i2 : i2 + 1] and unit[i2] in SEEMS:
        return False
    put = _content(claim[j1:j2])
    if not put or not put <= capitalised or not put <= set(unit[i2:]) or put <= set(claim[j2:]):
        return False
    # (not where the claim puts a pronoun for the name there: two traded, `order`'s)
    return not (set(claim[j2:]) - set(unit[i2:])) & _STANDS_FOR


def _unbodied(words: set[str]) -> set[str]:
    """The words without a body's word beside a name (`_BODY_WORDS`), all of them where that
    leaves none."""
    return (words - _BODY_WORDS) or words


def _group_for(
    old: tuple[str, ...], new: tuple[str, ...], unit: str, claim: str, changes: int
) -> bool:
    """Whether, cased, a copy's one change puts a body of people for another, or for a name, or
    a name for one: "Italian police" for "aid agencies", "Prosecutors" for "FBI agents", "Michael
    Ellis" for "legal experts" (each the last word's; not one role: "officers" for "police")."""
    if changes != 1:
        return False
    heads = [[w for w in side if is_content(w)][-1:] for side in (old, new)]
    if not all(heads):
        return False
    (gone,), (put,) = heads
    grouped = [h in _GROUPS for h in (gone, put)]
    alike = any({gone, put} <= group for group in _ALIKE_GROUPS)
    if not any(grouped) or gone == put or alike or _one_role({gone, put}):
        return False
    if same_voice({gone}, {put}):
        return False
    if all(grouped):
        return True
    # a name and a body: neither one that may stand for the other ("The Kremlin" for "Russian
    # officials")
    if {gone, put} & _STANDS_IN or _content(old + new) & _STANDS_IN:
        return False
    theirs, mine = names(unit), names(claim)
    return (grouped[0] or _named({gone}, unit, theirs)) and (
        grouped[1] or _named({put}, claim, mine)
    )


def _same_figure(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether the two sides write the same number otherwise: "one per" for "1per"."""

    def figures(words: tuple[str, ...]) -> set[str]:
        found = {n for w in words for n in re.findall(r"\d+", w)}
        return found | {_FIGURE_WORDS[w] for w in words if w in _FIGURE_WORDS}

    mine = figures(new)
    return bool(mine) and mine == figures(old)


_FIGURE_WORDS = {**NUMBER_WORDS, "one": "1"}


def _described_in(words: set[str], text: str) -> bool:
    """Whether the cased text writes each of the words lower-case: a description of someone
    ("The security guard"), not part of a name ("the Channel Islands")."""
    return all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _all_named(words: set[str]) -> bool:
    """Whether every one of the words is a name the lexicon knows (`lexicon.name_words`)."""
    return bool(words) and name_words(" ".join(sorted(words))) >= words


def _kept_name(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    return bool(mine) and mine == theirs and bool(name_words(mine[0]))


def _surname(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether the word after a change on both sides is the same and may be a surname: a
    name without its capital (`lexicon.name_words`), or no whole word of the vocabulary
    ("hawksley", which the lexicon reads as "hawks" + "ley"; not a verb's "phoned")."""
    word = " ".join(mine)
    unlisted = word not in vocabulary_words() and not word.endswith(_VERB_ENDINGS)
    return bool(mine) and mine == theirs and (unlisted or bool(name_words(word)))


_VERB_ENDINGS = ("ed", "ing")


def _named_run(
    words: tuple[str, ...], start: int, end: int, found: frozenset[str]
) -> tuple[int, int] | None:
    """The last run of names in words[start:end] that at most _PARAPHRASE words follow, as
    (start, end); None if there is none."""
    at = end
    while at > start and at > end - _PARAPHRASE and words[at - 1] not in found:
        at -= 1
    first = at
    while first > start and words[first - 1] in found:
        first -= 1
    return (first, at) if first < at else None


def _traded(
    changes: list[tuple[str, int, int, int, int]], claim: tuple[str, ...], unit: tuple[str, ...]
) -> bool:
    """Whether two changes trade places: each puts in what the other takes out, demonyms
    aside ("russia had received ... north korean containers" for "north korea had received ...
    russian containers"): one exchange, not two rewordings."""
    if len(changes) != 2:
        return False

    def rooted(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset().union(*(roots(w) for w in _content(words)))

    (_, a1, a2, b1, b2), (_, c1, c2, d1, d2) = changes
    first_old, first_new = rooted(unit[a1:a2]), rooted(claim[b1:b2])
    second_old, second_new = rooted(unit[c1:c2]), rooted(claim[d1:d2])
    return bool(first_new & second_old) and bool(second_new & first_old)


def _adjacent(text: str, first: str, second: str) -> bool:
    """Whether the text has the two words side by side, no punctuation between."""
    return re.search(rf"\b{re.escape(first)}[\s-]+{re.escape(second)}\b", fold(text)) is not None


_NAME_WORDS = 5  # `_swapped`: the most words put in place of others (a name, or lower-cased any)
_NAME_LENGTH = 3  # the most words of a name read before a "who" or with an age (`edits`, `figures`)
_LIST = frozenset({"and", "or"})
_PARAPHRASE = 4  # `_swapped`: the most words after a swapped name that may say its verb otherwise
# Titles that may stand for a given name both keep a surname with ("Lord Coe" for "Sebastian
# Coe", as may a possessive: "Norway's Kristoff" for "Alexander Kristoff"); any other word
# beside a name both keep makes another name ("Manchester United" for "Manchester City", "Bill
# Clinton" for "Hillary Clinton", "North Korea" for "South Korea")
_TITLES = frozenset(
    """lord lady sir dame prince princess king queen duke duchess earl baron baroness count
    general gen colonel col major captain capt lieutenant lt sergeant sgt corporal private
    officer detective det constable pc inspector superintendent chief judge justice bishop
    archbishop cardinal pope father rev reverend professor prof senator sen rep congressman
    congresswoman governor gov mayor councillor coach manager boss chairman president
    minister secretary chancellor premier speaker commissioner ambassador sheikh""".split()
)
_HONORIFICS = frozenset("mr mrs ms miss dr".split())
# what marks a person before a surname: a title or an honorific
_PERSON_TITLES = _TITLES | _HONORIFICS
# Kin: one put in place of another says someone else ("his wife" for "his sister").
_KIN = frozenset(
    """wife husband sister brother son daughter mother father uncle aunt nephew niece cousin
    grandson granddaughter grandfather grandmother girlfriend boyfriend fiancee fiance
    widow widower stepson stepdaughter stepfather stepmother""".split()
)
# People by role: one put in place of a role of another group says someone else ("the victim"
# for "the defendant", "the keeper" for "the defender"); words of one group may name one person.
_PEOPLE = tuple(
    frozenset(w + end for w in group.split() for end in ("", "es" if w.endswith("s") else "s"))
    for group in """keeper goalkeeper goalie | defender | striker forward | midfielder | winger |
    referee | manager boss | coach | defendant accused suspect | victim | prosecutor | judge |
    witness | lawyer attorney solicitor barrister | juror | doctor physician surgeon | patient |
    teacher | pupil student | driver | passenger | pilot | gunman attacker assailant |
    motorcyclist biker | cyclist | pedestrian |
    landlord | tenant | buyer | seller | employer | employee | police officer detective constable |
    firefighter fireman firemen | paramedic | soldier troop | nurse | neighbour neighbor |
    resident | flatmate roommate housemate | friend | colleague | bodyguard""".split("|")
)
_PEOPLE_WORDS = frozenset().union(*_PEOPLE)
# who a description with "a" or "one" may be (`_unpersoned`)
_PERSONS = _PEOPLE_WORDS | frozenset(
    "man woman boy girl person inmate inmates prisoner prisoners worker".split()
)

# bodies of people a copy may put for one another or for a name, as a sentence's doer or
# speaker: "Italian police reported" for "aid agencies reported" (`_group_for`)
_GROUPS = _PEOPLE_WORDS | frozenset(
    """officials experts agents agencies authorities investigators prosecutors officers
    researchers scientists analysts monitors campaigners activists protesters critics
    residents ministers fan fans supporters viewers readers users customers shoppers friends
    relatives family crew staff workers colleagues rebels militants volunteers parents
    guests""".split()
)
# bodies one may call by another's word ("officials" for "authorities")
_ALIKE_GROUPS = tuple(
    frozenset(group.split())
    for group in """officials authorities | experts analysts researchers scientists |
    campaigners activists protesters | relatives family parents | staff workers colleagues
    employees | rebels militants""".split("|")
)


def _alike(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether words put for others may say the same: one step of a scale of how often, how
    much or how likely (`text.SCALES`: "frequently" for "often", "might" for "may"), one
    month ("Dec" for "December"), one role ("goalkeeper" for "keeper")."""
    step = scale_step(old)
    if step is not None and step == scale_step(new):
        return True
    if len(old) == len(new) == 1 and full_month(old[0]) == full_month(new[0]):
        return True
    return _one_role(_content(old) | _content(new))


def _other_person(gone: set[str], put: set[str]) -> bool:
    """Whether the words put for others name another person by kin or role: "his wife" for
    "his sister", "the victim" for "the defendant" (not "the goalkeeper" for "the keeper")."""
    gone, put = gone - _AS_TOLD, put - _AS_TOLD  # "the alleged victim" for "the flatmate"
    if not gone or not put:
        return False
    if gone | put <= _KIN:
        return True
    return gone | put <= _PEOPLE_WORDS and not _one_role(gone | put)


# what a role may be called before it, as the account has it: "the alleged victim"
_AS_TOLD = frozenset("alleged suspected former convicted".split())


def _one_role(words: set[str]) -> bool:
    """Whether the words all name one role (`_PEOPLE`): "goalkeeper" and "keeper"."""
    return bool(words) and any(words <= group for group in _PEOPLE)


_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]+,[^—–]{0,40}[—–]")


def _named(words: set[str], text: str, found: frozenset[str]) -> bool:
    """Whether the words are names of the text (`names`), or open a sentence or quote
    (`openers`) with a word of them a name without its capital (`lexicon.name_words`: no
    English word, or one cased text writes with a capital) or written in capitals: "Durrant
    held ...", "Rangers held ...", "RTÉ released ...", not "Police said ..."."""
    if words <= found:
        return True
    opening = words <= found | openers(text)
    return opening and bool(name_words(" ".join(sorted(words))) or words <= _acronyms(text))


def _acronyms(text: str) -> frozenset[str]:
    """The text's words written in capitals, folded: names where they open it ("RTÉ released
    the footage")."""
    return frozenset(fold(w) for w in re.findall(r"\b[^\W\d_a-z]{2,}\b", text) if w.isupper())


def _described(
    unit: tuple[str, ...],
    i: int,
    claim: tuple[str, ...],
    j: int,
    gone: set[str],
    put: set[str],
    capitalised: frozenset[str] = frozenset(),
) -> bool:
    """Whether one side is a description after "the" (or, the claim's, after "a" and without a
    name: "a church official said" for "father christopher jamison, director of ..., said"),
    all English words, where the other has a bare name: "the Frenchman" for "Ribery", "the
    Swiss" for "Wawrinka" (not "the French government" for "the British government", nor "a
    man" for "the suspect": both described; nor, in cased text, two capitalised words with a
    name the lexicon knows, a name of its own, "the Baltimore Sun" for "NPR", unless a seat or
    body that may speak for the other, "the White House" for "Mr Earnest": `_STANDS_IN`; "The
    Little Girl's" for "Chloe's", a system's capitals, stays a description; a newspaper's name,
    "the Sun", is none: `_PRESS`; nor the claim's description where the unit gives it to
    someone before: "the guard" for "Jia" in "The security guard said no, and Jia ...")."""
    mine, theirs = _after_the(claim, j, _ARTICLES), _after_the(unit, i, _ARTICLES)
    if mine == theirs or (theirs and not _after_the(unit, i)):
        return False  # both described ("an employee" for "an employer"), or neither
    described, bare = (put, gone) if mine else (gone, put)
    if bare and bare <= _GROUPS:
        return False  # no name but a body of people: "Passengers" for "The crew"
    if mine and not _after_the(claim, j) and name_words(" ".join(sorted(described))):
        return False  # "a london fire brigade spokesperson" speaks for a body the unit lacks
    # (not a speaker named after "said", whom a description before may be: "The 40-year-old
    # actor said: "...," said Cooper.")
    if mine and described <= set(unit[:i]) and not (i and re.fullmatch(_SPEECH, unit[i - 1])):
        return False  # the unit describes someone else so: "the guard" for "Jia" beside "The
        # security guard said no"
    # (a body's name is a name of its own: "the International Olympic Committee")
    own = name_words(" ".join(sorted(described))) or described & _BODY_WORDS
    named = len(described & capitalised) > 1 and own
    # (a newspaper by its name: "the Sun", "the Daily Mirror", "the Financial Times")
    newspaper = bool(described & _PRESS) and len(described) <= _PAPER_WORDS
    if described <= _THE_NAMES or newspaper or (named and not described & _STANDS_IN):
        return False
    return not unknown_words(" ".join(sorted(described)))


# countries written after "the": no description ("Russia" for "the U.S." or "China" for "the
# United States" is a swap)
_THE_COUNTRIES = frozenset(
    "usa uk uae netherlands philippines united states kingdom arab emirates".split()
)
# names written after "the" that are no description: countries and bodies known by their
# initials ("Norway" for "the EU" is a swap)
_THE_NAMES = _THE_COUNTRIES | frozenset("eu un nhs fbi cia bbc imf".split())

# newspapers' names that are English words after "the": no description ("Channel 4 News" or
# "mailonline" for "the Sun" is a swap; "the tabloid" for "the Sun" still describes it)
_PAPER_WORDS = 3  # the most words of a newspaper's name after "the": "the New York Times"
_PRESS = frozenset(
    """sun times guardian telegraph mirror independent observer spectator express star herald
    post standard economist journal tribune chronicle mail gazette""".split()
)

_THE = frozenset({"the"})
# words after "the" that point back, as a pronoun does, at what the unit named before them
_REFERRING = frozenset({("latter",), ("former",)})
_ARTICLES = frozenset({"the", "a", "an"})  # the claim's: "a spokesman" may be whom the unit names


def _after_the(words: tuple[str, ...], at: int, articles: frozenset[str] = _THE) -> bool:
    """Whether the words at `at` open with one of the articles, or follow one."""
    return bool(articles.intersection(words[max(at - 1, 0) : at + 1]))


def _short_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one may be a form of the other: the same first three letters ("Hibs",
    "Hibernian"), two for longer single words ("the Irish", "Ireland"; not "Oliver Banks",
    "Oldham Athletic", nor two words no English word has, "Shenwari", "Shahzad"), initials
    ("QPR"), or names of one country ("UK", "British":
    `text.same_country`). Titles before more words are read past ("Prince Charles" is no
    form of "Princess Margaret"). A side with no content word ("N" of "N'Golo", split at its
    apostrophe) is read as written."""
    a, b = tuple(w for w in a if is_content(w)) or a, tuple(w for w in b if is_content(w)) or b
    if a[0] in _PERSON_TITLES and b[0] in _PERSON_TITLES and len(a) > 1 and len(b) > 1:
        a, b = a[1:], b[1:]
    same = len(os.path.commonprefix((a[0], b[0])))
    return (
        same_country(set(a), set(b))
        or same >= 3
        or (
            same == 2
            and len(a) == len(b) == 1
            and min(len(a[0]), len(b[0])) >= 5
            # (not two names no English word has: "Shenwari" for "Shahzad")
            and not (unknown_words(a[0]) and unknown_words(b[0]))
        )
        or abbreviates(b, a)
        or abbreviates(a, b)
        or (len(a) == len(b) == 1 and b[0] in other_forms(a[0]))  # "Tories", "Conservatives"
    )


def abbreviates(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short` is one word that the initials of neighbouring content words of `long`
    spell: "qpr" for "queens park rangers", "bbc" for "the british broadcasting corporation",
    "moj" for "ministry of justice"."""
    if len(short) != 1 or len(short[0]) < 2:
        return False
    if short[0] in "".join(w[0] for w in long if is_content(w)):
        return True
    # (or of every word, "of" too, for three letters or more: "moj" for "ministry of justice")
    return len(short[0]) > 2 and short[0] in "".join(w[0] for w in long)


def _roles(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in words if t in _ROLES)


# the pronouns a name may be put for
_HE_OR_SHE = frozenset({"he", "she"})
_STEM = 4  # `misnamed`: the fewest letters of a word that names someone by its start ("Josh")


def misnamed(claim: str, unit: str, before: Iterable[str]) -> Conflict | None:
    """The claim copies the unit but for a name put for its "he" or "she" (a name: capitalised,
    or lower-cased one the lexicon knows) that neither the unit nor its article before it
    names: the pronoun cannot stand for someone not yet named ("Basnet has offered to take in
    200 girls" for "She has offered ..." where Basnet comes later). One named before is
    taken for whom the pronoun stands for, near or far (an article about one man says "he"
    for a page), so a name put for a pronoun that stands for another person named before is
    missed; nor one the article may have named in a lead it was cut from (its first sentence
    has "he" or "she" before any name: "As a teenager he tried ..."). `before`: the sentences of
    the unit's article before it, read only where the claim is such a copy. A name whose title
    or given name says the other sex than the pronoun's is read so wherever it was named
    ("Margaret joined Slimming World" for "he joined ...", `sex_named`)."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    changes = _copy_changes(c, u, _NEAR_COPY)  # one change: the rest word for word
    if not changes or len(changes) != 1:
        return None
    op, i1, i2, j1, j2 = changes[0]
    if op != "replace" or j2 - j1 > _NAME_WORDS:
        return None
    described = _a_description(u[i1:i2], unit)
    if not described and (i2 - i1 != 1 or u[i1] not in _HE_OR_SHE):
        return None
    put = c[j1:j2]
    mine = _content(put)
    named = (
        mine <= names(claim) | openers(claim) if cased(claim) else bool(name_words(" ".join(put)))
    )
    if not mine or not named:
        return None
    if described:
        return _far_named(mine, u, i1, i2, list(before), put)
    sex = sex_named(put)
    if sex is not None and sex != _HIS[u[i1]]:  # "Margaret joined ..." for "he joined ..."
        return Conflict("name", " ".join(put), u[i1])
    who = (mine - _PEOPLE_WORDS - _TITLES) or mine  # not a role or title ("Passenger")
    earlier = list(before)
    if named_in(who, (tokens(text) for text in chain((unit,), earlier))):
        return None
    if _opens_unnamed(earlier[0] if earlier else unit):
        return None  # an article cut before its first line named whom "he" is
    return Conflict("name", " ".join(put), u[i1])


_HIS_OR_HERS = frozenset("he she his her him".split())
# `misnamed`: a description a name may be put for ("the 24-year-old", "a spokeswoman", "the
# panel"), and how many sentences back its article may have last named whom it stands for
_DESCRIPTION_WORDS = 4
_FAR = 4


def _a_description(words: tuple[str, ...], unit: str) -> bool:
    """Whether the words are a description of someone: an article and up to _DESCRIPTION_WORDS
    words after it, no name among them ("the 24 year old", "a spokeswoman")."""
    if words[:1] not in (("the",), ("a",), ("an",)) or not 2 <= len(words) <= _DESCRIPTION_WORDS:
        return False
    named = names(unit) if cased(unit) else name_words(" ".join(words))
    return not named.intersection(words)


def _far_named(
    who: AbstractSet[str],
    u: tuple[str, ...],
    i1: int,
    i2: int,
    earlier: list[str],
    put: tuple[str, ...],
) -> Conflict | None:
    """A name put for a description (`_a_description`) that its article last named _FAR
    sentences or more before the unit, nor in the unit before it: a description speaks of whom
    the article has just told of ("The 24-year-old also picked up the Rising Star Award" after
    Jack O'Connell's sentence, not of Dev Patel, named five sentences before). None where the
    article never names them before (a description may come first), or gives the description's
    words beside the name, as what they are ("The minister said ..." of "Justice Minister
    Claire Sugden", `_beside`)."""
    if named_in(who, (u[:i1],)):
        return None
    texts = [tokens(text) for text in earlier]
    last = next((k for k in range(len(texts) - 1, -1, -1) if named_in(who, (texts[k],))), None)
    if last is None or len(earlier) - last < _FAR:
        return None
    if any(_beside(_content(u[i1:i2]), who, words) for words in texts):
        return None
    return Conflict("name", " ".join(put), " ".join(u[i1:i2]))


_BESIDE = 3  # `_beside`: the most words between a name and what the article says they are


def _beside(described: AbstractSet[str], who: AbstractSet[str], words: tuple[str, ...]) -> bool:
    """Whether a word of the description stands within _BESIDE words of a word of the name."""
    at = [k for k, w in enumerate(words) if w in described]
    return any(abs(k - j) <= _BESIDE for j, w in enumerate(words) if w in who for k in at)


def _opens_unnamed(first: str) -> bool:
    """Whether an article's first sentence speaks of "he" or "she" before it names anyone: its
    lead, which named them, was cut ("As a teenager he tried three times to defect from Cuba",
    a BBC article without its summary line)."""
    words = tokens(first)
    at = next((k for k, w in enumerate(words) if w in _HIS_OR_HERS), None)
    if at is None:
        return False
    named = names(first) if cased(first) else name_words(first)
    return not named.intersection(words[:at])


def named_in(words: Iterable[str], texts: Iterable[Iterable[str]]) -> bool:
    """Whether a text (its words, folded) names one of the words, by the word or its start
    (`_names_alike`): whom a pronoun may stand for is named before it."""
    mine = tuple(words)
    return any(_names_alike(w, t) for text in texts for t in text for w in mine)


def _names_alike(a: str, b: str) -> bool:
    """The same word, or one the start of the other of at least _STEM letters ("Josh",
    "Joshua")."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= _STEM and long.startswith(short))


# `repointed`: a claim that opens with "he" or "she" and the words after it, the adverbs a
# paraphrase adds or drops between them ("He also explains how ..." for "Tally Evans explains
# how ..."), what may stand between a name and its verb (", 42,", ", of Leeds,"), and the run
# of capitalised words that ends before the verb
_OPENING_PRONOUN = re.compile(r"[\"'“‘]?(?P<pronoun>[Hh]e|[Ss]he)\s+(?![\"'’])")
_ADVERBS = frozenset("also later then still now subsequently previously since too once".split())
_AFTER_PRONOUN = 3  # how many of the words after the pronoun the unit must say in order
_APPOSITION = re.compile(r",\s[^,]{1,40},$")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+)*[A-Z][\w'’-]+$")
_BEFORE_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|[Ii]t)$")
_HIS = {"he": "m", "she": "f"}
_MALE = frozenset({"mr", "sir", "lord"})
_FEMALE = frozenset({"mrs", "ms", "miss", "lady", "dame"})
_TITLED = "|".join(sorted(_PERSON_TITLES))  # `_person`: a title or honorific before a name
_SEXED = "|".join(sorted(_MALE | _FEMALE))  # `_sex`: an honorific that says which


def repointed(
    claim: str, previous: str, units: Iterable[str], sources: Sequence[str]
) -> tuple[int, Conflict] | None:
    """The claim opens with "he" or "she", the first of the `units` (best first) that says
    what follows says it of someone the claim before it does not name, and that claim names
    someone the pronoun may stand for: the summary's pronoun points at the wrong person ("Prof
    Clive Ruggles said none of them had realised ... | He had become obsessed with the
    24-year-old" against "The trial ... heard Dhillon had become obsessed with the
    24-year-old"). Returns that unit's index and the conflict. Cased text only. People are the
    names the sources give a title ("Mr Fatchett"), an age ("Gustafsson, 42,") or words
    ("Dhillon said"). The pronoun may stand for someone named earlier where everyone the claim
    before it names is known by an honorific to be of the other sex. `sources`: the sources'
    sentences, read only where a unit says what follows the pronoun."""
    opening = _OPENING_PRONOUN.match(claim)
    if not opening or not cased(claim):
        return None
    after = re.findall(r"[\w'’-]+", claim[opening.end() :])
    words = [w for w in after if w.lower() not in _ADVERBS][:_AFTER_PRONOUN]
    if len(words) < 2 or not any(is_content(w.lower()) for w in words):
        return None
    between = r"\W+(?:(?:" + "|".join(sorted(_ADVERBS)) + r")\W+)?"
    said = re.compile(r"\b" + between.join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    for at, unit in enumerate(units):
        found = said.search(unit) if cased(unit) else None
        if found:
            pronoun = opening.group("pronoun").lower()
            text = " ".join(sources)
            conflict = _pointed(claim, pronoun, previous, unit[: found.start()], text)
            return (at, conflict) if conflict else None
    return None


def _pointed(claim: str, pronoun: str, previous: str, before: str, sources: str) -> Conflict | None:
    """`repointed`, where a unit says what follows the pronoun after `before`."""
    before = _APPOSITION.sub("", before.rstrip()).rstrip()
    run = _NAME_BEFORE.search(before)
    if not run or _BEFORE_PRONOUN.search(before):
        return None
    theirs = _name_words(run.group())
    if not theirs or not any(_person(w, sources) for w in theirs):
        return None
    mine = {w for w in _name_words(previous) if _person(w, sources)}
    if not mine or theirs & mine or theirs & set(tokens(claim)):
        return None
    sex = _HIS[pronoun]
    other = {_sex(w, sources) for w in theirs} - {None}
    if not (other and sex not in other) and all(_sex(w, sources) not in (None, sex) for w in mine):
        return None  # the pronoun stands for someone named earlier
    return Conflict("name", pronoun, fold(run.group()))


def _name_words(text: str) -> frozenset[str]:
    """The text's names, those that open it too where the lexicon knows them for names
    ("Leheup met ...", not "Police said ..."), without titles."""
    return (names(text) | (openers(text) & name_words(text))) - _PERSON_TITLES


def _person(word: str, sources: str) -> bool:
    """Whether the sources write the name as a person's: after a title or an honorific, before
    an age, or with words of speech."""
    w = re.escape(word)
    return bool(
        re.search(rf"\b(?i:{_TITLED})\.?\s+(?:[A-Z][\w'’-]+\s+)?(?i:{w})\b", sources)
        or re.search(rf"\b{w},? (?:aged )?\d{{1,2}},", sources, re.IGNORECASE)
        or re.search(rf"\b{w} {_SPEECH}\b|\b(?:said|says|told) {w}\b", sources, re.IGNORECASE)
    )


# Given names common in English news that say the sex of whom they name (names given to
# either sex, or to one in English and the other elsewhere, left out: "Alex", "Jo", "Jean",
# "Nicola"), and titles that do ("Sir", "Queen")
_GIVEN = {
    **dict.fromkeys(
        """john james david michael robert william richard thomas mark paul peter andrew steven
        stephen george edward charles joseph daniel matthew anthony kevin brian gary simon
        ian neil colin graham martin philip keith stuart craig wayne darren jason ryan
        adam ben benjamin luke jack harry oliver henry alexander nicholas jonathan patrick
        sean kieran liam callum connor aaron nathan jake josh joshua samuel tom tony mike
        steve dave bob jim joe fred alan barry derek trevor nigel roger gordon
        hugh ken kenneth ronald donald douglas raymond dennis carl eric roy harold arthur
        walter albert ernest frederick francis gerald howard vincent victor justin tim
        timothy dan danny billy bobby jimmy johnny tommy gareth rhys owen dafydd ewan
        hamish angus fergus rory declan""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mary elizabeth sarah susan margaret patricia jennifer linda barbara karen lisa
        helen anne ann jane julie claire emma emily charlotte sophie lucy hannah rachel
        rebecca laura amy katie kate catherine katherine victoria alice olivia jessica
        chloe grace ellie megan lauren natalie michelle angela amanda deborah
        jacqueline christine janet joanne louise caroline diane pauline sandra tracey
        wendy maria anna ruth alison alyson gillian heather fiona kirsty shona eilidh
        siobhan niamh aisling ciara sinead bethan sian cerys rhian nia carys gwen theresa
        teresa denise doris dorothy joan judith julia kathleen nancy rose
        sharon shirley sylvia vera yvonne zoe jenny sue liz beth meg maggie molly
        isabelle isabella sophia ella mia ava amelia lily ruby""".split(),
        "f",
    ),
    **dict.fromkeys(_MALE | frozenset("king prince duke earl baron".split()), "m"),
    **dict.fromkeys(_FEMALE | frozenset("queen princess duchess baroness".split()), "f"),
}


def sex_named(words: Sequence[str]) -> str | None:
    """ "m" or "f" where a name's words say which: a title or honorific, or a given name that
    opens it (`_GIVEN`); None where they do not, or say both."""
    found = {_GIVEN[w] for w in words[:3] if w in _GIVEN}
    return found.pop() if len(found) == 1 else None


def _sex(word: str, sources: str) -> str | None:
    """ "m" or "f" where the sources give the name an honorific that says which ("Mr
    Fatchett", "Mrs Pearce"), else None."""
    before = re.findall(
        rf"\b((?i:{_SEXED}))\.?\s+(?:[A-Z][\w'’-]+\s+)?(?i:{re.escape(word)})\b", sources
    )
    found = {t.lower() for t in before}
    male, female = bool(found & _MALE), bool(found & _FEMALE)
    return "m" if male and not female else "f" if female and not male else None


def renamed(claim: str, unit: str, conflict: Conflict, sentences: Sequence[str]) -> str | None:
    """The claim with its name written as the unit writes it, where a name conflict's two names
    are one person's or body's, as a source writes them together: "Wilshaw said" for "Sir
    Michael said" where a source has "Sir Michael Wilshaw"; "Parkinson" for "Ben" ("L/Bdr Ben
    Parkinson"); "The BHA" for "The British Horseracing Authority" (its initials). None where
    they are not, or the claim or unit does not write them as one run."""
    mine, theirs = frozenset(tokens(conflict.mine)), frozenset(tokens(conflict.theirs))
    # (lower-cased, a swap is a "word": one word each, "owens" for "chloe")
    if conflict.kind != "name" and not (conflict.kind == "word" and len(mine) == len(theirs) == 1):
        return None
    if not mine or not theirs or mine & theirs:
        return None
    written_mine, written_theirs = _run_of(mine, claim), _run_of(theirs, unit)
    if written_mine is None or written_theirs is None:
        return None
    initials = "".join(mine) if len(mine) == 1 else ""
    for sentence in sentences:
        whole = _run_of(mine | theirs, sentence, r"\s+")
        spelt = _run_of(theirs, sentence, r"\s+") if initials else None
        if (whole and set(tokens(whole.group())) == mine | theirs) or (
            spelt and "".join(w[0] for w in tokens(spelt.group())) == initials
        ):
            start, end = written_mine.span()
            return claim[:start] + written_theirs.group() + claim[end:]
    return None


def _run_of(words: frozenset[str], text: str, between: str = r"\W+") -> re.Match[str] | None:
    """The words as the text writes them, one after another in any order, `between` each two
    (a space alone: "Windows, Android" names two)."""
    one = "|".join(map(re.escape, sorted(words)))
    run = rf"\b(?:{one})(?:{between}(?:{one})){{{len(words) - 1}}}\b"
    return re.search(run, text, re.IGNORECASE)
