"""Event triggers: the analyst-editable lexicon (``kg/data/lexicon.toml``, read by ``kg.extract.lexicon``)
matched on a parsed ``Doc``.

``find_triggers(doc)`` yields :class:`TriggerMatch` objects sorted by token index, at most one per head
token: the verb or noun that carries the trigger's syntax (the root of a multi-word match: "strike" in
"air strike", "take" in "take control of"). Overlaps resolve to the entry with the higher priority, then
the longer span. Set ``KG_LEXICON`` to use another lexicon file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.extract.constraints import NOUN_POS, OBJECT_DEPS, QUANTITY_NOUNS, HeadChecks
from kg.extract.lexicon import Compiled, LexiconEntry, LexiconError, active_lexicon, load_lexicon
from kg.extract.makers import round_of
from kg.extract.settings import CONTEXT_PREPS, OUTCOME_CLASSES
from kg.extract.tree import children
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerMatch", "LexiconEntry", "load_lexicon", "find_triggers", "LexiconError"]

VERB_POS = frozenset({"VERB"})
# a verb of one category and its object noun of another class that name one event, and the class kept:
# the arrangement agreed to ("agreed to a truce", "signed a truce"); the signing of an agreement (CAMEO 057)
JOINED = {
    ("Agree", "Ceasefire"): "Ceasefire",
    ("Support", "Ceasefire"): "Ceasefire",
    ("Support", "Agree"): "Support",
}
TIME_LABELS = frozenset({"DATE", "TIME"})  # "since March": a month, not a march
SEQUENCE_PREPS = frozenset({"after", "before", "since", "following", "until"})  # events told in sequence
# acts that stop another side's act: "repelled an attack on Dori" is two events, the attack and its repulse
REPELLING_LEMMAS = frozenset({"repel", "repulse", "thwart", "foil"})
REPELLING_PARTICLES = frozenset({"off", "back"})  # "fought off 14 assaults", "beat back an assault"
# an object that tells an attack already told: "repelled the attack" is the one repulse
TOLD_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class TriggerMatch:
    """Token span ``[start, end)`` of a trigger; ``head`` carries its syntax."""

    start: int
    end: int
    head: int
    event_class: str
    pattern_id: str = ""


def _match_phrase(doc: Doc, start: int, words: tuple[frozenset[str], ...]) -> int | None:
    """End index of ``words`` matched from token ``start`` (the phrase's first word, the one it was found
    by; one optional determiner between words, and a date phrase: "regained control on Saturday of
    Diapangou")."""
    i = start + 1
    for forms in words[1:]:
        if i >= len(doc):
            return None
        token = doc[i]
        lower = token.lower_  # (each read looks its string up again)
        if lower not in forms:
            pos = token.pos_
            after = _past_date(doc, i, lower, pos)
            if after != i:
                if after >= len(doc):
                    return None
                i = after
                token = doc[i]
                lower, pos = token.lower_, token.pos_
            if lower not in forms and pos == "DET" and i + 1 < len(doc):
                i += 1
                token = doc[i]
                lower = token.lower_
            if lower not in forms and token.lemma_.lower() not in forms:
                return None
        i += 1
    return i


def _past_date(doc: Doc, i: int, lower: str, pos: str) -> int:
    """The index after a prepositional date phrase starting at ``i`` ("on Saturday", "late on Monday"),
    else ``i`` (``lower``, ``pos``: the word at ``i`` and its part of speech)."""
    if lower in ("late", "early"):  # "late on Monday"
        j = i + 1
        if j >= len(doc) or doc[j].pos_ != "ADP":
            return i
    elif pos != "ADP":
        return i
    else:
        j = i
    j += 1
    end = j
    while end < len(doc) and doc[end].ent_type_ in TIME_LABELS:
        end += 1
    return end if end > j else i


def _candidates(doc: Doc, lexicon: Compiled) -> Iterator[tuple[Token, int, int, str]]:
    """``(first token, end, entry index, kind)`` for every lexicon hit in ``doc``."""
    for i in lexicon.candidate_tokens(doc):
        token = doc[i]
        lemma = token.lemma_.lower()
        pos = token.pos_
        if pos in VERB_POS:
            for n in lexicon.verbs.get(lemma, ()):
                yield token, i + 1, n, "verb"
        elif pos in NOUN_POS:
            for n in lexicon.nouns.get(lemma, ()):
                yield token, i + 1, n, "noun"
        for key in {lemma, token.lower_}:
            for n, words in lexicon.phrases.get(key, ()):
                end = _match_phrase(doc, i, words)
                if end is not None:
                    yield token, end, n, "phrase"


def find_triggers(doc: Doc, lexicon_path: str | Path | None = None) -> Iterator[TriggerMatch]:
    """Trigger matches of ``doc``, sorted by token index, one per head."""
    lexicon = active_lexicon(lexicon_path)
    # head index -> (rank, start, end, entry, kind, matched words) of the match kept so far
    best: dict[int, tuple[tuple[int, int], int, int, LexiconEntry, str, Token | Span]] = {}
    checks = HeadChecks()
    for token, end, index, kind in _candidates(doc, lexicon):
        entry = lexicon.entries[index]
        start = token.i
        span = token if end - start == 1 else doc[start:end]  # a one-word trigger needs no Span
        head = span if isinstance(span, Token) else span.root
        rank = (entry.priority + (1 if kind == "phrase" else 0), end - start)
        prior = best.get(head.i)
        # the higher priority wins; between two spans of one class, the longer ("held talks" over "held")
        if prior is None:
            kept = rank
        elif prior[3].event_class == entry.event_class:
            if rank[::-1] <= prior[0][::-1]:
                continue
            kept = max(rank, prior[0])
        elif rank <= prior[0]:
            continue
        else:
            kept = rank
        # (asked only of a match that would be kept: the checks do not depend on the matches before)
        if checks.allowed(head, entry, kind):
            best[head.i] = (kept, start, end, entry, kind, span)
    chosen = sorted(
        (_match(*found[1:], head) for head, found in best.items()), key=lambda m: (m.start, m.head)
    )
    # a token inside a longer chosen span is not a trigger of its own ("strike" in "air strike")
    covered = {i for m in chosen if m.end - m.start > 1 for i in range(m.start, m.end) if i != m.head}
    kept_matches = {m.head: m for m in chosen if m.head not in covered}
    yield from sorted(_collapse_objects(doc, kept_matches).values(), key=lambda m: (m.start, m.head))


def _match(
    start: int, end: int, entry: LexiconEntry, kind: str, words: Token | Span, head: int
) -> TriggerMatch:
    how = f"{kind}+object" if entry.objects else kind  # the object is part of the event
    pattern = f"{entry.event_class}/{how}/{words.text.lower()}"
    return TriggerMatch(start, end, head, entry.event_class, pattern)


def _collapse_objects(doc: Doc, kept: dict[int, TriggerMatch]) -> dict[int, TriggerMatch]:
    """A noun trigger that is the object of a verb trigger of the same category is the same event ("sent
    aid", "signed a peace agreement", "agreed to a truce"): keep the verb, with the finer of the classes.
    An object the verb's lexicon entry asks for is part of the verb's event ("lifted the curfew")."""
    for i, noun in list(kept.items()):
        token = doc[i]
        if token.pos_ not in NOUN_POS:
            continue
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "supplied drones and missiles": the verb governs every conjunct
        holder = round_of(first)  # "met for a third round of talks": one meeting
        if holder is not first and holder.dep_ != "pobj":
            holder = first
        if holder.head.dep_ == "prep" and holder.head.lower_ in SEQUENCE_PREPS:
            continue  # "captured the town after a month-long siege / two days of clashes": an earlier event
        governor = holder.head.head if holder.head.dep_ == "prep" else holder.head
        if governor.i in covered_quantity(token):
            governor = governor.head
        verb = kept.get(governor.i)
        if verb is None or verb is noun:
            continue
        outcome = verb.event_class in OUTCOME_CLASSES and noun.event_class != verb.event_class
        context = holder.head.dep_ == "prep" and holder.head.lower_ in CONTEXT_PREPS
        if outcome and (first.dep_ == "nsubj" or context):
            # "an air strike on the village killed 12 people", "killed three men during a raid": the strike
            # or the raid, and the killing it did
            continue
        if _repelled(doc[verb.head], token):
            continue  # "repelled an RSF assault on the town": the assault, and the repulse
        joined = _joined_class(verb.event_class, noun.event_class)
        if joined is None:
            if "+object/" in verb.pattern_id and first.dep_ in OBJECT_DEPS:
                del kept[i]  # named by the verb's lexicon entry: "lifted the curfew", "cut food aid"
            continue
        kept[governor.i] = TriggerMatch(verb.start, verb.end, verb.head, joined, verb.pattern_id)
        del kept[i]
    return kept


def _repelled(verb: Token, noun: Token) -> bool:
    """A new attack another side's act stops: the object of "repel", "fight off" or "beat back" with no
    determiner that tells it again ("repelled a second attack", "fought off 14 Russian assaults"; not
    "repelled the attack" told before)."""
    stops = verb.lemma_.lower() in REPELLING_LEMMAS or any(
        c.dep_ == "prt" and c.lower_ in REPELLING_PARTICLES for c in children(verb)
    )
    if not stops or noun.dep_ not in OBJECT_DEPS:
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ in TOLD_DETERMINERS for c in children(noun))


def _joined_class(verb_class: str, noun_class: str) -> str | None:
    """The class of the one event a verb trigger and its object noun trigger name (the finer of the two
    when they share a category, else ``JOINED``), or None when they are two events."""
    top = EVENT_CLASSES[verb_class]
    if top == EVENT_CLASSES[noun_class]:
        return noun_class if verb_class == top else verb_class
    return JOINED.get((top, noun_class))


def covered_quantity(token: Token) -> set[int]:
    """The quantity head a noun hangs from ("500 tonnes of aid" -> tonnes), as a set of token indices."""
    head = token.head.head if token.head.dep_ == "prep" and token.head.lower_ == "of" else None
    return {head.i} if head is not None and (head.like_num or head.lemma_ in QUANTITY_NOUNS) else set()
