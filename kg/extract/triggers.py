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

from spacy.tokens import Doc, Token

from kg.extract.constraints import (
    ADDRESSEE_DEPS,
    NOUN_POS,
    OBJECT_DEPS,
    QUANTITY_NOUNS,
    SUBJECT_DEPS,
    argument_fits,
    context_fits,
)
from kg.extract.lexicon import Compiled, LexiconEntry, LexiconError, active_lexicon, load_lexicon
from kg.extract.makers import round_of
from kg.extract.nonevents import (
    ANONYMITY_LEMMAS,
    BROKERING_PARTICIPLES,
    DESCRIBING_PARTICIPLES,
    GROUP_NOUNS,
    HEDGE_PARTICIPLES,
    RELATION_PARTICIPLES,
    STATUS_PARTICIPLES,
    adjectival,
    describes_people,
    describes_role,
    equipped,
    natural_cause,
    no_comment,
    no_event_noun,
    record,
    the_group,
)
from kg.extract.quantities import INJURY_LEMMAS
from kg.extract.settings import CONTEXT_PREPS, OUTCOME_CLASSES
from kg.extract.tree import children
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerMatch", "LexiconEntry", "load_lexicon", "find_triggers", "LexiconError"]

VERB_POS = frozenset({"VERB"})
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "NORP", "PRODUCT"})  # nouns inside names
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
    """End index of ``words`` matched from token ``start`` (one optional determiner between words, and a
    date phrase: "regained control on Saturday of Diapangou")."""
    i = start
    for k, forms in enumerate(words):
        if k and i < len(doc) and doc[i].lower_ not in forms:
            i = _past_date(doc, i)
        if i >= len(doc):
            return None
        token = doc[i]
        if k and token.pos_ == "DET" and token.lower_ not in forms and i + 1 < len(doc):
            token = doc[i + 1]
            i += 1
        if token.lower_ not in forms and token.lemma_.lower() not in forms:
            return None
        i += 1
    return i


def _past_date(doc: Doc, i: int) -> int:
    """The index after a prepositional date phrase starting at ``i`` ("on Saturday", "late on Monday"),
    else ``i``."""
    j = i + 1 if doc[i].lower_ in ("late", "early") else i  # "late on Monday"
    if j >= len(doc) or doc[j].pos_ != "ADP":
        return i
    j += 1
    end = j
    while end < len(doc) and doc[end].ent_type_ in TIME_LABELS:
        end += 1
    return end if end > j else i


def _candidates(doc: Doc, lexicon: Compiled) -> Iterator[tuple[int, int, int, str]]:
    """``(start, end, entry index, kind)`` for every lexicon hit in ``doc``."""
    for i in lexicon.candidate_tokens(doc):
        token = doc[i]
        lemma = token.lemma_.lower()
        pos = token.pos_
        if pos in VERB_POS:
            for n in lexicon.verbs.get(lemma, ()):
                yield token.i, token.i + 1, n, "verb"
        elif pos in NOUN_POS:
            for n in lexicon.nouns.get(lemma, ()):
                yield token.i, token.i + 1, n, "noun"
        for key in {lemma, token.lower_}:
            for n, words in lexicon.phrases.get(key, ()):
                end = _match_phrase(doc, token.i, words)
                if end is not None:
                    yield token.i, end, n, "phrase"


_NAME_OR_TIME = NAME_LABELS | TIME_LABELS
ARGUMENT_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "pobj", "conj", "appos"})


def _allowed(head: Token, entry: LexiconEntry, kind: str, heads: dict[tuple[int, str], bool]) -> bool:
    """Whether ``entry`` may trigger at ``head``: the head's own checks (:func:`_head_allowed`, asked once
    per head and kind in ``heads``), then the entry's argument constraints."""
    key = (head.i, kind)
    if key not in heads:
        heads[key] = _head_allowed(head, kind)
    if not heads[key]:
        return False
    if entry.objects and not argument_fits(head, entry.objects, OBJECT_DEPS):
        return False
    if entry.context and not context_fits(head, entry.context):
        return False
    if entry.excluded and argument_fits(head, entry.excluded, ADDRESSEE_DEPS):
        return False  # "warned residents to stay indoors": advice to the public, no threat
    return not (entry.subjects and not argument_fits(head, entry.subjects, SUBJECT_DEPS))


def _head_allowed(head: Token, kind: str) -> bool:
    """The checks that depend on the head word alone, not on the lexicon entry."""
    dep, tag, lemma = head.dep_, head.tag_, head.lemma_  # (each read looks its string up again)
    if dep in {"aux", "auxpass"}:
        return False
    if kind == "noun" and (head.ent_type_ in _NAME_OR_TIME or dep == "compound"):
        return False  # part of a name ("Operation Storm") or a modifier ("protest leaders", "aid convoy")
    if kind == "noun" and lemma.lower() in GROUP_NOUNS and the_group(head):
        return False  # a group called by its name: "the Chin Brotherhood alliance said", "the NATO alliance"
    if tag == "VBN" and dep in ARGUMENT_DEPS and any(c.dep_ in ("det", "nummod") for c in children(head)):
        return False  # a participle naming people: "evacuated the wounded", "20 wounded had been brought in"
    if tag == "VBN" and dep == "acl" and head.head.lower_ == "those":
        return False  # "among those killed were two children"
    if tag == "VBN" and dep == "acl" and head.head.like_num and lemma in INJURY_LEMMAS:
        return False  # "ambulances took more than 20 wounded to hospital": the injured people
    if tag == "VBN" and dep == "acl" and lemma in DESCRIBING_PARTICIPLES:
        return False  # "hundreds of thousands of people displaced from surrounding districts"
    if tag == "VBN" and dep == "acl" and lemma in BROKERING_PARTICIPLES:
        return False  # "talks mediated by the interior ministry": how the talks were held
    if record(head):
        return False  # "has repeatedly targeted their officials": a record, not an event
    if dep == "amod" and (
        tag == "VBG" or lemma in HEDGE_PARTICIPLES | STATUS_PARTICIPLES | RELATION_PARTICIPLES
    ):
        return False  # a participle describing a noun: "the surrounding district", "Turkish-backed factions"
    if head.lower_ == "surrounding" and adjectival(head):
        return False  # "fled the town and surrounding villages", misparsed as a coordinated verb
    if describes_people(head):
        return False  # "struck a column of fleeing attackers", misparsed as "fleeing" the attackers
    if describes_role(head):
        return False  # "the civilian militia that fights alongside the army": what it does as a rule
    if (
        dep == "acl"
        and lemma in RELATION_PARTICIPLES
        and (tag == "VBN" or any(c.dep_ == "agent" for c in children(head)))
    ):
        return False  # "fighters backed by paratroopers"
    if natural_cause(head) or equipped(head) or no_comment(head):
        return False  # "storms destroyed ...", "armed with rifles", "declined to comment"
    if head.pos_ in NOUN_POS and no_event_noun(head):
        return False
    return not any(
        c.dep_ == "xcomp" and c.lemma_ in ANONYMITY_LEMMAS and any(g.dep_ == "neg" for g in children(c))
        for c in children(head)
    )  # "asked not to be named"


def find_triggers(doc: Doc, lexicon_path: str | Path | None = None) -> Iterator[TriggerMatch]:
    """Trigger matches of ``doc``, sorted by token index, one per head."""
    lexicon = active_lexicon(lexicon_path)
    best: dict[int, tuple[tuple[int, int], TriggerMatch]] = {}
    heads: dict[tuple[int, str], bool] = {}
    for start, end, index, kind in _candidates(doc, lexicon):
        entry = lexicon.entries[index]
        span = doc[start] if end - start == 1 else doc[start:end]  # a one-word trigger needs no Span
        head = span if isinstance(span, Token) else span.root
        if not _allowed(head, entry, kind, heads):
            continue
        rank = (entry.priority + (1 if kind == "phrase" else 0), end - start)
        how = f"{kind}+object" if entry.objects else kind  # the object is part of the event
        found = TriggerMatch(
            start, end, head.i, entry.event_class, f"{entry.event_class}/{how}/{span.text.lower()}"
        )
        prior = best.get(head.i)
        # the higher priority wins; between two spans of one class, the longer ("held talks" over "held")
        if prior is None:
            best[head.i] = (rank, found)
        elif prior[1].event_class == found.event_class:
            if rank[::-1] > prior[0][::-1]:
                best[head.i] = (max(rank, prior[0]), found)
        elif rank > prior[0]:
            best[head.i] = (rank, found)
    chosen = sorted((m for _, m in best.values()), key=lambda m: (m.start, m.head))
    # a token inside a longer chosen span is not a trigger of its own ("strike" in "air strike")
    covered = {i for m in chosen if m.end - m.start > 1 for i in range(m.start, m.end) if i != m.head}
    kept = {m.head: m for m in chosen if m.head not in covered}
    yield from sorted(_collapse_objects(doc, kept).values(), key=lambda m: (m.start, m.head))


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
