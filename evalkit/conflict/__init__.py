"""The one contradiction rule: a statement and a text that says the same thing with another
value disagree. Claims use it (a claim against its closest evidence: `contradicted`) and
coverage uses it (a key fact against the candidate sentence that matches it: `misstated`).

The rule, in order:
- A dialogue's turn: the statement has someone by name do what a speaker says they do
  themselves ("Jerry baked cookies" against "Amanda: I baked cookies."), however little else
  of it the turn says.
- Comparable: most of the statement's content words, its figures, dates, speakers and
  invented names aside, are in the text (`min_overlap`). Otherwise the two say different
  things: neutral.
- A text that says the statement word for word agrees.
- A figure: the statement has an amount the text lacks where the text has another amount of
  the same thing (the same currency or %; for counts, a counted word in common: "45,000
  vehicles" against "18,000 vehicles"), or the same amount with the opposite bound ("more
  than 9,000" against "fewer than 9,000"); or, where the statement copies the text, another
  number in a number's place, counted word or not (an age: "Smith, 10," against "Smith,
  43,"); or a figure between the words the text has around another of its kind, though the
  statement says the rest otherwise (`_slot`: "were all out for 255" against "they were all
  out for 236", "his first ... goal" against "his second ... goal"). Whether the statement's
  figure appears elsewhere in the sources does not matter.
- A date: a year, month or weekday of the statement's where the text has another of its kind;
  a time of day ("at around 6pm" against "at around 3.30pm").
- A name found in no source where the text has another name (a name the sources know may be
  a second person the text leaves out), or a speaker the text does not name where it has
  another speaker say it ("Kirby said" against "Shin said", "Kim called it" against "Shin
  called it"; lower-cased, by the names the lexicon knows next to "said"; the claims stage
  reads a source's speaking "she" as the speaker named before it, and quotes after "Gareth
  Batty told BBC Radio London:" as his, or a quote's sentences up to the one that closes it and
  names its speaker as that speaker's, `voiced`), or in a copy
  another group as the speaker ("..., the club said" against "..., prosecutors said"), or, in
  cased text, a speaker described by a name and what it is for one with other names
  ("producer Quincy Jones said" against "Jon Platt of Warner/Chappell said").
- A swap: the statement copies the text but for one name put in place of another ("Ireland
  made 165-5" against "Afghanistan made 165-5"; a name of up to five words, one opening the
  sentence where it is no English word, not a description or an office for a name), or a
  relative or a role for another ("his wife" against "his sister", "the victim" against "the
  defendant"); in lower-cased text, where capitals cannot find names, any one to five
  words in place of others, the rest word for word, unless they may say the same (one step
  of how often or how much, one role, one month: "frequently" against "often") or the
  statement's words are its own, found in no source (`unsourced`: "cautioned" against
  "warned" is a paraphrase; a swap recombines the sources' words).
- Polarity: the statement and the fewest clauses of the text that say the same thing differ
  in negation ("denied" against "confirmed", "non-permanent" against "permanent") or use
  opposite words ("rose" against "fell"); or the statement copies the text but for a negation
  added or taken away, or a word in place of its opposite, which the clauses can hide ("it is
  not very hard" against "it is very hard", "before" against "after", "unfair" against
  "fair"), or another step of how often or how much ("always" against "sometimes", "many"
  against "a few", "both of whom were" against "one of whom was"), or a pronoun in place of
  the other sex's ("she was fined" against "he was fined"), or one unit of measure, month or
  weekday for another ("574 seconds" against "574 minutes"), or a hedge left out ("the
  attacks" against "the alleged attacks", "will return" against "is expected to return" or
  "can return", "became" against "was looking to become", "was" against "seemed to be"), or
  a condition that opens the sentence, or an "unless" (not for a `paraphrased` key fact,
  either of them). A number in figures reads as its word where the other side writes the word ("5
  set points" against "five set points").
- Order: the statement is made of the text's own words with two of them exchanged ("the
  court fined the company" against "the company fined the court"). In lower-cased text,
  where the lexicon may not know a speaker's names, a speaker is also found as the words before
  "said" that the statement replaced ("the white house has said" against "mr earnest has said"
  is none; "the club said" against "prosecutors said" is). Or the two
  sides of a one-way word ("before", "because", "if") exchanged ("B before A" against "A
  before B"). Or two phrases traded across the words between them, a verb or pronoun agreeing
  with its new subject ("Andy Murray beat Novak Djokovic" against "Novak Djokovic beat Andy
  Murray", "MPs have been criticised by HMRC" against "HMRC has been criticised by MPs").
  Or a relation said from its other side with its two sides in the same order:
  a passive dropped or made ("Smith beat Jones" against "Smith was beaten by Jones", "Roldan
  was visited by Castro" against "Roldan visited Castro"), "lost to" for "beat" or the
  reverse. Or the text's subject of a verb whose object is a pronoun made its object, someone
  else its subject ("Freberg called Yankovic an influence" against "Yankovic called him an
  influence").
- Last, in cased text: a name between the words the text has around another name, though
  the statement says the rest otherwise (`_slot`: "The film's star Ansel Elgort picked up
  ..." against "The film's star Shailene Woodley also picked up ..."); or a place beside a
  name both have, related to it alike, where the text puts another (`placed`: "at Thornton,
  near Horncastle" against "at Thornton, near Woodhall Spa", "in Trapani, Sicily" against "in
  Palermo, Sicily"); or the statement's speaker named in the text as someone else, where a
  description speaks (`spoken_by_another`: "Eddie Jones said ..." against "The New Zealander
  also said that England under new coach Eddie Jones are ...").
A text of several sentences (a window) never conflicts, since its neighbours bring other
figures, but agrees when it holds every figure and date of the statement; a statement that
joins its sentences (`joins_sentences`) is read against them as one sentence, figures too
("..., and the conversion made it 24-11" against "... . The conversion made it 38-11.").

Five rules read a claim against the sentences of the sources at once: `spliced`, a claim
made of the start of one sentence and the rest of another, whose own subject it drops ("the
Red Cross" + "are being transferred to rebel-held areas"; "Terpstra" + "had to settle for
14th place", said of Geraint Thomas; "Kevin Hart, who ..., won best male performance", said
of the Bradley Cooper before "who"; "Mike Babcock" + "has played in 159 straight games", said
of "Miller, who"; a name + what a "she" does whose sentence comes before that name is first
given), also after "and" ("<a sentence>, and Sanchez had lost back-to-back league games",
said of Arsenal; "<a sentence> and has been releasing recordings", said of someone that
sentence never names); `reattached`, a clause between commas the sources say of someone else
("Clattenburg, who was the last defender, spotted ..."); `relinked`, a copy with a phrase of
time, place or cause put in from another sentence that tells another event ("... accommodation
in the lottery" for "... in a church raffle"; "confirmed last month that a motion will go ..."
where "last month" is another announcement's); `misaged`, an age the sources give
the name only otherwise, or give only another name ("Prince Harry, 43," where they have
"Carrie Reichert, 43,"); `misnamed`, a copy with a name put for its "he" or "she" that
the article has not named before it (the claims stage passes it the sentences before); and
`repointed`, a claim that opens with "he" or "she" where the sources say what follows of
someone the claim before it does not name (the claims stage passes it the claim before).
`renamed` reads a claim that names someone otherwise than a unit does ("Wilshaw" for "Sir
Michael") as the unit names them, where a source writes the two names as one ("Sir Michael
Wilshaw").

Where each kind is read: `figures` (amounts, dates, ages, a figure between the text's words),
`names` (an invented name, an office, a name swapped in a copy), `speakers` (who says what,
a dialogue's turn, the speakers of the sources' sentences: `voiced`), `edits` (a copy with a
negation, an opposite, a number, a unit or a pronoun changed, or a hedge or condition left
out; `spliced`, `reattached`, `relinked`), `order` (two words or two clauses exchanged), `polarity`
(negation and opposite words, a plan said done); `base` holds what they share (`Conflict`, a
statement read as a copy of a text).
This module holds `compare`, the order in which they are asked, and a claim read a clause at
a time (`_part`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from evalkit.conflict.base import (
    _SAY,
    NEUTRAL,
    Conflict,
    Reading,
    copied,
    copied_sentences,
    copied_stretch,
    joins_sentences,
    run_at,
    unattributed,
    unopened,
    verbatim,
)
from evalkit.conflict.edits import (
    _edited,
    _hedged,
    circumstance_made_cause,
    conceded_as_cause,
    fused,
    reattached,
    relinked,
    singled_out,
    spliced,
    unconditional,
)
from evalkit.conflict.figures import (
    _SPANS,
    _aged,
    _figure_words,
    _figured,
    _slot,
    misaged,
    vague,
)
from evalkit.conflict.names import _name, _role, _swapped, misnamed, placed, renamed, repointed
from evalkit.conflict.order import _order
from evalkit.conflict.polarity import _CLAUSE, _done, _polarity, denial_told
from evalkit.conflict.speakers import (
    _speaker,
    _turn,
    names_speaker,
    quote_moved,
    speakers,
    spoken_by_another,
    spoken_of_made_speaker,
    told_apart,
    voiced,
)
from evalkit.lexicon import name_words
from evalkit.text import (
    KIN,
    MEMO,
    NUMBER_WORDS,
    STOPWORDS,
    amounts,
    cased,
    content_stems,
    dates,
    fold,
    is_content,
    names,
    negated,
    numbers,
    related_in,
    stem,
    tokens,
    untokenised,
)

# The United States written as no pronoun can be ("U.S.", "US", "u.s."), and every "us" (and
# "United States") of a claim and unit where one of them writes it so (`compare`)
_US = re.compile(r"(?<![\w.])(?:U\.S\.|u\.s\.|US)(?!\w)")
_US_ANY = re.compile(r"(?<![\w.])(?:U\.S\.|u\.s\.|US|us|United States|united states)(?!\w)")


@lru_cache(maxsize=MEMO)
def compare(
    claim: str,
    unit: str,
    single: bool,
    novel: frozenset[str],
    min_overlap: float,
    paraphrased: bool = False,
    unsourced: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
) -> Reading:
    """Whether `unit` (a single sentence, or a window when not `single`) agrees with
    `claim`, contradicts it, or says something else; `novel` holds the claim's names,
    figures and dates found in no source. Where one side is written without capitals both are
    read lower-cased: capitals on one side only would tell names apart that the other side
    cannot show (a system that writes lower case against cased sources, or the reverse). A
    cased claim that agrees with a lower-cased sentence is read again against the sentence
    with the claim's names capitalised (`_recased`), as cased text reads names: "Thistlecrack
    collapsed after narrowly beating Many Clouds ..." against "the ... horse collapsed after
    narrowly beating thistlecrack ...".
    A `paraphrased` claim (a key fact, written in other words, read against a candidate's
    sentence) that leaves out a hedge says no other fact. `unsourced`: the claim's content
    stems found in no source; lower-cased, a word put for another is read as a swap only where
    the sources have it (`names._swapped`). `named`: the words the sources write as names
    inside a sentence, so one that opens the claim or the unit is read as a name there too
    ("Labour took 56 of the 59 seats" against "The SNP took ..."). Tokenised text is read as
    written (`untokenised`: "`` ... , '' said mr gauke .")."""
    claim, unit = untokenised(claim), untokenised(unit)
    reading = _compare(claim, unit, single, novel, min_overlap, paraphrased, unsourced, named)
    if reading[0] == "conflict" or not single or not cased(claim) or cased(unit):
        return reading
    recased = _recased(unit, claim)
    again = _compare(claim, recased, single, novel, min_overlap, paraphrased, unsourced, named)
    return again if again[0] == "conflict" else reading


_WORD = re.compile(r"[^\W_]+")


def _recased(unit: str, claim: str) -> str:
    """A lower-cased unit with the words the claim writes as names capitalised, and its first
    letter: what cased text would show of them."""
    found = names(claim)
    text = _WORD.sub(lambda m: m.group().capitalize() if m.group() in found else m.group(), unit)
    return text[:1].upper() + text[1:]


def _compare(
    claim: str,
    unit: str,
    single: bool,
    novel: frozenset[str],
    min_overlap: float,
    paraphrased: bool,
    unsourced: frozenset[str],
    named: frozenset[str],
) -> Reading:
    """`compare`, the unit as it is written."""
    country = _US.search(claim) or _US.search(unit)  # then "us" is the country, no pronoun
    lower = not (cased(claim) and cased(unit))
    if lower:
        claim, unit = claim.lower(), unit.lower()
    if country:
        usa = "usa" if lower else "USA"
        claim, unit = _US_ANY.sub(usa, claim), _US_ANY.sub(usa, unit)
        novel = frozenset("usa" if w == "us" else w for w in novel)
    claim, unit = _figures_as_words(claim, unit)
    turn = _turn(claim, unit)
    if turn:
        return "conflict", turn
    claim, unit = _uncaptioned(claim), _uncaptioned(unit)
    values = {stem(t) for a in amounts(claim) for t in tokens(a.text)} | dates(claim) | novel
    values |= speakers(claim)
    # what the claim says, not who says it to whom ("..., fognini told the bbc.")
    said_alone = unattributed(claim)
    stems = content_stems(said_alone) - {stem(t) for t in values}
    theirs = content_stems(unit)
    # a key fact's few words: one said in another form or turned to its opposite still
    # speaks of the same thing ("He did not win the race" against "Shinn won the race")
    kin = KIN if paraphrased else {}
    said = [s for s in stems if related_in(s, theirs, kin)]
    if not stems or len(said) / len(stems) < min_overlap:
        if not single:
            return NEUTRAL
        # a swap is read even where the swapped words are most of what the statement says, and
        # one clause alone: the claim may join two statements
        found = _swapped(claim, unit, unsourced, named) or _part(
            claim, unit, novel, min_overlap, unsourced
        )
        found = found or placed(claim, unit)
        # (or a short copy with one word turned: "The cashier said yes." for "... said no.")
        found = found or _edited(claim, unit)
        return ("conflict", found) if found else NEUTRAL
    if verbatim(claim, unit):
        found = None if paraphrased else unconditional(claim, unit)  # a condition left out
        if found:
            return "conflict", found
        return NEUTRAL if novel else ("agree", None)
    if not single:
        if not dates(claim) <= dates(unit):
            return NEUTRAL  # a window's years may date other things ("In 2014 she returned"
            # against a list of exhibitions and their years)
        # a claim that joins the window's sentences is read against them as one: "..., £159
        # black pumps by Tabitha Webb" against "... in a tweedy skirt ... . The brunette writer
        # accessorised her look with ..., £159 black pumps by Jemima Vine ..." (not a claim
        # that copies one of them, whose neighbour may name others; nor a name the window
        # gives, which a claim that joins two sentences may move into the other: "Fled after
        # Genevieve Kelley, Mary's mother, refused to ..." of "The Kelleys fled after Mark
        # Nunes, ... . Genevieve (pictured) refused to ...")
        if joins_sentences(claim, unit):
            whole = _compare(claim, unit, True, novel, min_overlap, paraphrased, unsourced, named)
            conflict = whole[1]
            if conflict is not None and (
                conflict.kind != "name" or not content_stems(conflict.mine) <= content_stems(unit)
            ):
                return whole  # (its figure too: "..., and the conversion made it 24-11" against
                # "... . The conversion made it 38-11.")
        same = numbers(claim) <= numbers(unit) and not novel and negated(claim) == negated(unit)
        return ("agree", None) if same else NEUTRAL
    found = _figured(claim, unit, claim, True) or vague(claim, unit)
    found = found or _aged(claim, unit) or _role(claim, unit)
    found = found or _name(claim, unit, novel) or _speaker(claim, unit)
    found = found or placed(claim, unit)
    if not found:
        part = copied_sentences(claim, unit)  # the copy rules read the sentences it copies
        part_alone = unattributed(part)
        found = _swapped(claim, part, unsourced, named) or _polarity(claim, unit, min_overlap)
        # a claim without a speaker against what the unit's speaker says: "... treated by
        # officers" against "... treated by paramedics, officers said"
        if not found and part_alone != part and said_alone == claim:
            if not any(_SAY.fullmatch(t) for t in tokens(claim)):
                found = _swapped(claim, part_alone, unsourced, named)
        # the copy as written, then what each says, whoever says it ("..., Mr Bartram said"
        # against a quote alone)
        # (and a speaker that opens the claim, where the unit's comes after: "Officials have
        # said gross domestic product will shrink" against "... may actually shrink ...,
        # Kazakh officials have said")
        pairs: tuple[tuple[str, str], ...] = (
            (claim, part),
            (said_alone, part_alone),
            (unopened(said_alone, part), part_alone),
        )
        # (and each statement a claim joins to another: "Kazakh growth is forecast to slow
        # ..., and officials have said gross domestic product will shrink ...")
        joined = _JOINED.split(said_alone)
        if len(joined) > 1:
            pieces = (unopened(piece, part) for piece in joined)
            pairs += tuple((piece, copied_stretch(piece, part_alone)) for piece in pieces)
        for stated, copied_from in dict.fromkeys(pairs):
            found = found or _edited(stated, copied_from)
            opens = tokens(stated)[:2] == tokens(claim)[:2]  # not past an opening speaker
            found = found or (None if paraphrased else _hedged(stated, copied_from, opens))
            found = found or (None if paraphrased else fused(stated, copied_from))
        # ("according to the palace, she was not ..." for "the palace denied she was ...")
        if found is not None and found.kind == "negation" and denial_told(claim, unit):
            found = None
    found = (
        found or _done(claim, unit) or singled_out(claim, unit) or conceded_as_cause(claim, unit)
    )
    found = found or circumstance_made_cause(claim, unit)
    bare = _unbracketed(claim, unit)
    found = found or _order(claim, unit) or (_order(claim, bare) if bare != unit else None)
    # (or the stretch of the claim that copies the unit, where the claim opens or ends with
    # words of another sentence: "mr elfwick said the film was anti-women , referring to
    # princess leia , who captured jabba the hutt" against "princess leia , who was captured
    # by jabba the hutt")
    if not found:
        stretch = copied_stretch(unit, claim)
        if len(tokens(stretch)) < len(tokens(claim)):
            found = _order(stretch, unit)
    found = found or _slot(claim, unit, True)
    found = found or spoken_by_another(claim, unit) or told_apart(claim, unit)
    found = found or spoken_of_made_speaker(claim, unit)
    if found:
        return "conflict", found
    return NEUTRAL if novel else ("agree", None)


_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)")


def _unbracketed(claim: str, unit: str) -> str:
    """The unit without the brackets whose words the claim has none of: "students at the
    Massachusetts Institute of Technology that ..." of "... Technology (MIT) that ..."; and
    without an aside between dashes whose content words it has none of ("... select committee
    - which Mr Wright chairs - to a meeting")."""
    have = set(tokens(claim))
    unit = _BRACKETED.sub(lambda m: "" if have.isdisjoint(tokens(m.group())) else m.group(), unit)
    return _DASHED.sub(
        lambda m: (
            "" if have.isdisjoint(w for w in tokens(m.group()) if is_content(w)) else m.group()
        ),
        unit,
    )


_DASHED = re.compile(r"\s+[-–—]\s+[^-–—]{1,60}?\s+[-–—](?=\s)")


# where a claim joins two statements: "..., and ...", "...; ..." (`_compare`)
_JOINED = re.compile(r",\s+(?:and|but|while)\s+|;\s+")


# A caption's label that opens a sentence: "Courts: Peet appeared in court Monday ...",
# tokenised "killed : justus howell , 17 , was shot ..."
_CAPTION = re.compile(r"(?P<label>[^\W\d_][\w'’-]*) ?:\s+(?=\S)")


def _uncaptioned(text: str) -> str:
    """The text without a caption's one-word label before a colon (no name, function word or
    verb of speech: a dialogue's "Amanda:" says who speaks), which would read as part of the
    name after it ("Courts Peet" against the claim's "Tramond Peet")."""
    label = _CAPTION.match(text)
    if label is None:
        return text
    word = fold(label["label"])
    if word in STOPWORDS or _SAY.fullmatch(word) or name_words(label["label"]):
        return text
    return text[label.end() :]


# a figure standing alone, not part of an amount ("5.5", "£5m", "1,000")
_LONE_FIGURE = re.compile(r"(?<![\w.,£$€])\d+(?![\w%]|[.,]\d)")
_AS_WORD = {figure: word for word, figure in NUMBER_WORDS.items()}


def _figures_as_words(claim: str, unit: str) -> tuple[str, str]:
    """Each side's lone figure written as its word where the other side has the word and not
    the figure: "had 5 set points" copies "had five set points", so the rules read one copy;
    "200m" as "200 metres" where the other side has those; "twice" as "two-times" where the
    other side has "five-times"."""

    def worded(text: str, other: str) -> str:
        words = tokens(other)

        def word(m: re.Match[str]) -> str:
            said = _AS_WORD.get(m.group(), "")
            return said if said in words and m.group() not in words else m.group()

        def metres(m: re.Match[str]) -> str:
            spelt = re.search(rf"\b{m[1]}[ -]?(metres?|meters?)\b", other)
            return f"{m[1]} {spelt[1]}" if spelt else m.group()

        def times(m: re.Match[str]) -> str:
            return _TIMES[m.group().lower()] if _COUNTED_TIMES.search(other) else m.group()

        return _TWICE.sub(times, _METRES.sub(metres, _LONE_FIGURE.sub(word, text)))

    return worded(claim, unit), worded(unit, claim)


# "twice" as "two-times" where the other side counts times so ("Five-times winners" against
# "Twice winners"; `_slot` reads "three times" against "twice")
_TWICE = re.compile(r"\b(?:twice|thrice)\b", re.I)
_TIMES = {"twice": "two-times", "thrice": "three-times"}
_COUNTED_TIMES = re.compile(r"\b\w+-times\b", re.I)


# "200m", read as metres where the other side writes "200 metres" (not as 200 million)
_METRES = re.compile(r"(?<![\w.,£$€])(\d+)m\b")


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PART_WORDS = 3  # `_part`: the fewest content words of a clause without a figure read alone


def _part(
    claim: str, unit: str, novel: frozenset[str], min_overlap: float, unsourced: frozenset[str]
) -> Conflict | None:
    """A clause of a claim that says more than the unit (two statements joined: "Tom Elliott
    served in the UDR for 19 years and is now the MP for ...") with a figure the unit gives
    otherwise, where the clause's words are the unit's ("Mr Elliott served in the UDR for 10
    years, between 1982 and 1992."), or, a clause without a figure of _PART_WORDS content
    words or more, its opposite polarity ("Ronaldo sported an unusual haircut at the 2002
    World Cup, which Brazil went on to lose" against "... for the 2002 World Cup - Brazil went
    on to win it."), or a copy of the unit with one word turned ("..., but his move was
    welcomed by ..." against "But his move was condemned by ..."), or a name in place of the
    unit's, in the claim up to the clause's end ("Also in Spain, SPORT look at ..., saying ..."
    against "Also in Spain, Marca look at ..."). Not a date: "in summer"
    has no words around it to say which thing is dated ("a building that is very hot in
    summer and cold in winter" against "In the winter it's quite cold, ...")."""
    theirs = content_stems(unit)
    for part, stems, figured in _clauses(claim, novel):
        if len(stems & theirs) / len(stems) < min_overlap:
            continue
        if figured:
            found = _figured(part, unit, claim, False)
        else:
            found = _polarity(part, unit, min_overlap)  # "..., which Brazil went on to lose"
            # a copy of the unit with one word turned: "..., but his move was welcomed by ..."
            # against "But his move was condemned by ..."
            found = found or _edited(part, unit)
            # the claim up to the clause's end: its names keep their capitals' context
            head = claim[: claim.find(part) + len(part)] if part in claim else part
            found = found or _swapped(head, unit, unsourced)
        # a negation the clause cut off ("'I will not take another cruise" of "'I will not
        # take another cruise, never.'") is none where the whole claim negates as the unit does
        if found and found.kind == "negation" and negated(claim) == negated(unit):
            found = None
        if found:
            return found
    return None


@lru_cache(maxsize=MEMO)
def _clauses(claim: str, novel: frozenset[str]) -> tuple[tuple[str, frozenset[str], bool], ...]:
    """The claim's clauses `_part` reads alone, each with the content stems it must share and
    whether it has a figure: one with a figure needs two stems besides its figures, one
    without _PART_WORDS."""
    out = []
    for part in _CLAUSE.split(_THOUSANDS.sub("", claim)):  # "7,000" is one figure
        found, words = amounts(part), tokens(part)
        figures = [w for w, kind in zip(words, _figure_words(words), strict=True) if kind]
        if found or dates(part) or figures:
            # its figures are what may differ, not the words it must share: "his 12th goal"
            values = {stem(t) for a in found for t in tokens(a.text)} | dates(part) | novel
            values |= {stem(w) for w in figures}
            spans = {n for a in found for n in a.noun & _SPANS}  # the "weeks" of "two weeks"
            stems = content_stems(part) - {stem(t) for t in values | spans}
            if len(stems) >= 2:
                out.append((part, stems, True))
        elif len(stems := content_stems(part) - novel) >= _PART_WORDS:
            out.append((part, stems, False))
    return tuple(out)


__all__ = [
    "Conflict",
    "compare",
    "copied",
    "misaged",
    "misnamed",
    "names_speaker",
    "placed",
    "quote_moved",
    "speakers",
    "reattached",
    "relinked",
    "renamed",
    "repointed",
    "run_at",
    "spliced",
    "verbatim",
    "voiced",
]
