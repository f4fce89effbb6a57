"""Coordinated actors as antecedents of plural pronouns: "The United States and Britain said they would
send troops" -> they = both states; "Hamas and Islamic Jihad said they fired rockets" -> both groups.

``coordinations`` finds runs of actor mentions joined only by commas and "and" (a country name counts as a
member, a city does not: "Kabul and Kandahar" coordinate places, not actors); ``antecedents_of`` answers a
pronoun with every member of the most recent run, unless a single actor named after the run is nearer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.frozen import evolve
from kg.model import Actor, Mention
from kg.placewords import PLACE_LABELS
from kg.resolve.actorcontext import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    ActorContext,
    Coordination,
    antecedent_at,
    embedded,
    subject_start,
)
from kg.resolve.actortable import actor_table
from kg.resolve.text import after_the, name_key

__all__ = [
    "coordinations",
    "antecedents_of",
    "remember_pronoun",
    "split_modifiers",
    "as_pronoun",
    "possessor",
]

_JOINER = re.compile(
    r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|and\s+|as\s+well\s+as\s+|&\s*)(?:the\s+)?", re.I
)
SKIP_LABELS = frozenset({"PRON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _outermost(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per stretch of text: a mention inside a longer one is dropped."""
    ordered = sorted(
        (m for m in mentions if m.label not in SKIP_LABELS and m.end > m.start >= 0),
        key=lambda m: (m.start, -m.end),
    )
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def coordinations(
    text: str, mentions: Iterable[Mention], resolve: Callable[[Mention], Actor | None]
) -> list[Coordination]:
    """Runs of two or more actor mentions joined by ", " / "and" / "as well as": (start, end, members)."""
    found: list[Coordination] = []
    run: list[tuple[Mention, Actor]] = []

    def close() -> None:
        if len(run) >= 2 and len({actor.key for _, actor in run}) >= 2:
            members = tuple((actor, m.text) for m, actor in run)
            found.append((run[0][0].start, run[-1][0].end, members))
        run.clear()

    outer = _outermost(mentions)
    joined = [bool(_JOINER.fullmatch(text[a.end : b.start])) for a, b in zip(outer, outer[1:], strict=False)]
    for i, mention in enumerate(outer):
        split = split_modifiers(mention)
        parts = [(part, resolve(part)) for part in split] if len(split) > 1 else []
        if parts and all(actor is not None for _, actor in parts):
            close()  # "Russian and Ukrainian negotiators" is a coordination by itself
            run.extend((mention, actor) for _, actor in parts if actor is not None)
            close()
            continue
        if not (i and joined[i - 1]) and not (i < len(joined) and joined[i]):
            close()  # joined to neither neighbour: in no run of two (resolving it would be wasted)
            continue
        actor = resolve(mention)
        if actor is not None and mention.label in PLACE_LABELS and actor.kind != "country":
            actor = None  # "Kabul and Kandahar": places; "Iran and Iraq": states
        if actor is None:
            close()
            continue
        if run and not _JOINER.fullmatch(text[run[-1][0].end : mention.start]):
            close()
        run.append((mention, actor))
    close()
    return found


def antecedents_of(
    mention: Mention, ctx: ActorContext, exclude: frozenset[str] = frozenset()
) -> tuple[tuple[Actor, str], ...]:
    """Every actor a pronoun stands for, with the text it was named with: a plural pronoun takes all the
    members of the latest coordination before it when no single fitting actor is named after that
    coordination; any other pronoun its single antecedent (:func:`antecedent_of`)."""
    single = antecedent_at(mention, ctx, exclude) if mention.lemma != PAIR_LEMMA else None  # a pair: a run
    if mention.text.lower().strip() not in PLURAL_PRONOUNS:
        return ((single[1], single[2]),) if single else ()
    runs = [
        c
        for c in ctx.coordinated
        if c[1] <= mention.start
        and not embedded(c[0], mention.start, ctx)
        and not any(actor.key in exclude for actor, _ in c[2])
    ]
    if mention.lemma == PAIR_LEMMA and any(c[0] in ctx.subjects for c in runs):
        runs = [c for c in runs if c[0] in ctx.subjects]  # "the two sides": the pair that acted
    here = subject_start(mention, ctx)
    if single is not None and here <= single[0] < mention.start and single[0] in ctx.subjects:
        runs = [c for c in runs if here <= c[0] and c[0] in ctx.subjects]  # a subject beats objects
    if runs:
        latest = max(runs, key=lambda c: c[1])
        if single is None or single[0] < latest[1]:
            return latest[2]
    return ((single[1], single[2]),) if single else ()


def remember_pronoun(mention: Mention, ctx: ActorContext) -> None:
    """Put a subject pronoun into the history as what it stands for, so that a later pronoun can chain
    through it ("The rebels said they will free the envoys, whom they seized": both "they" are the rebels);
    a pronoun standing for a coordination becomes one too."""
    named = antecedents_of(mention, ctx)
    if len(named) > 1:
        ctx.coordinated.append((mention.start, mention.end, named))
    if named:
        ctx.remember(mention.start, *named[0])


def split_modifiers(mention: Mention) -> list[Mention]:
    """A phrase whose head is shared by coordinated nationalities names one actor per nationality:
    "U.S. and Russian negotiators" -> "U.S. negotiators", "Russian negotiators"; "French, British and
    Italian warships" -> three. Anything else stays whole (``[mention]``; the cheap test first: most
    mentions have no "and" in them)."""
    if mention.label == "PRON" or "and" not in mention.text.lower():
        return [mention]
    words = mention.text.split()
    lowered = [w.lower() for w in words]
    if "and" not in lowered[1:-2]:
        return [mention]
    at = lowered.index("and", 1)
    demonyms = actor_table().demonyms
    left = [w.rstrip(",") for w in words[:at] if w.lower() not in ("the", "both")]
    right, head = words[at + 1], words[at + 2 :]
    nationalities = [*left, right]
    if not left or not all(name_key(w) in demonyms for w in nationalities):
        return [mention]
    return [evolve(mention, text=" ".join([w, *head])) for w in nationalities]


_SELF_PRONOUNS = PLURAL_PRONOUNS | PERSON_PRONOUNS
_COUNTED_PRONOUNS = PLURAL_PRONOUNS | THING_PRONOUNS
PAIR_LEMMA = "two"  # the lemma of the "they" a named pair ("the two sides") stands for
_PAIR = re.compile(
    r"(?:^|\b(?:of|from)\s+)((?:(?:the\s+)?two|both(?:\s+the)?)\s+(?:sides|groups|countries|parties|armies|"
    r"governments|nations|neighbours|neighbors|rivals|factions|militias|movements|states|camps|forces))$",
    re.I,
)
_OF_PRONOUN = re.compile(r"^(?:\w+\s+){1,3}of\s+(them|us|it)$", re.I)


def as_pronoun(mention: Mention, text: str = "") -> Mention | None:
    """The pronoun a mention stands on: itself, or the pronoun after a quantity ("five of them", "all of
    them", "some of it"), as a PRON mention at the pronoun's offsets; a pair named by its kind ("the two
    sides", "both countries", "delegations from the two groups"; ``text`` is the document, to see the
    "the" a mention may leave out) stands for "they"; None for other mentions."""
    if mention.label == "PRON":
        return mention
    document, text = text, mention.text.strip()
    lowered = text.lower()
    if lowered in _SELF_PRONOUNS:
        return mention
    # the cheap tests first: most mentions have neither "two" or "both" nor "of" in them
    pair = _PAIR.search(text) if "two" in lowered or "both" in lowered else None
    if pair is not None and mention.start >= 0:  # "the two sides", "delegations from both countries"
        start = mention.start + pair.start(1)
        definite = not pair.group(1).lower().startswith("two") or after_the(document, start)
        if definite:  # "two groups clashed" introduces new ones
            return Mention("they", start, mention.start + pair.end(1), "PRON", PAIR_LEMMA)
    match = _OF_PRONOUN.match(text) if "of" in lowered else None
    if match is None or match.group(1).lower() not in _COUNTED_PRONOUNS:
        return None
    word = match.group(1)
    end = mention.start + len(text) if mention.start >= 0 else mention.end
    return Mention(word, end - len(word), end, "PRON", word.lower())


POSSESSIVES = frozenset(["their", "its", "his", "her", "whose"])


def possessor(mention: Mention) -> Mention | None:
    """The possessive pronoun a phrase starts with ("their vehicle" -> "their", "whose convoy" -> "whose"),
    as a PRON mention."""
    first = mention.text.split(maxsplit=1)
    if len(first) < 2 or first[0].lower() not in POSSESSIVES or mention.start < 0:
        return None
    return Mention(first[0], mention.start, mention.start + len(first[0]), "PRON", first[0].lower())
