"""Agent, target, place and time of a trigger, read from the dependency parse.

Verbal triggers: subject -> agent (shared along xcomp/conj/advcl chains), passive ``by`` -> agent, object
and passive subject -> target (or place, for capture-like classes, when it names one; or agent, when the
subject still does the act: "were demobilized", "is opposed to"), ``between X and Y`` -> agents, spatial
prepositions -> places. Nominal triggers: possessive / named modifier / ``by`` phrase / subject of a light
or aspect verb ("issued an ultimatum", "began a hunger strike") or of a participation verb ("arrived on a
visit", "went on strike") -> agent, ``of`` object -> place, target or mover. Object and preposition rules
are in ``kg.extract.collector``, places beyond the trigger's own phrases in ``kg.extract.places`` (README
"Extraction": all rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile
from typing import Protocol

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.clauses import (
    object_participle,
)
from kg.extract.collector import RoleCollector
from kg.extract.complements import purpose
from kg.extract.nominal import nominal_roles
from kg.extract.nouns import is_nominal, prep_objects, strong_place
from kg.extract.placenames import broad_place, district_place, known_place, located_by
from kg.extract.places import conjunct_verbs, more_places
from kg.extract.roleclasses import OBJ_DEPS, OF
from kg.extract.settings import SETTING_DEPS
from kg.extract.spans import after_trigger, mention
from kg.extract.times import clauses_above, dateline_holder, trigger_times
from kg.extract.tree import children, scope_memo
from kg.extract.verbal import verbal_roles
from kg.frozen import quick_init
from kg.model import Mention
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerLike", "Roles", "find_roles"]


class TriggerLike(Protocol):
    """What roles need from a trigger (``kg.extract.triggers.TriggerMatch`` satisfies it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def head(self) -> int: ...
    @property
    def event_class(self) -> str: ...


@quick_init
@dataclass(frozen=True)
class Roles:
    """Role mentions of one trigger; ``participants`` (token index, role) feed quantity extraction;
    ``subjectless`` marks a finite clause without a subject."""

    agents: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    times: tuple[Mention, ...] = ()
    participants: tuple[tuple[int, str], ...] = ()  # (token index, "agent" | "target" | "other")
    subjectless: bool = False


THERE_ON = frozenset({"dobj", "obj", "pobj"})  # the objects a "there" may hang on
_THERE = get_string_id("there")
# the labels _objects reads, compared as ids (no string look-up per read)
_OBJ_DEP_IDS = frozenset(map(get_string_id, OBJ_DEPS))
_CONJ = get_string_id("conj")
_MISATTACHED = frozenset(map(get_string_id, ("NOUN", "PROPN", "NUM")))  # a noun or count coordinated


def _names_there(doc: Doc) -> bool:
    """Whether some word of ``doc`` is "there" (one array read, once per document inside the scope)."""
    memo = scope_memo(doc)
    if memo is not None and "there" in memo:
        return bool(memo["there"])
    found = bool((doc.to_array(LOWER) == _THERE).any()) if len(doc) else False
    if memo is not None:
        memo["there"] = found
    return found


def _there(head: Token) -> Token | None:
    """ "there" on the trigger or on its object ("overran a base there", "dropped explosives on a house
    there"); most documents have no "there" at all."""
    if not _names_there(head.doc):
        return None
    phrases = [o for c in children(head) for o in (children(c) if c.dep_ == "prep" else [c])]
    holders = [head, *(o for o in phrases if o.dep_ in THERE_ON)]
    return next((c for t in holders for c in children(t) if c.dep_ == "advmod" and c.lower_ == "there"), None)


def _objects(head: Token) -> list[Token]:
    """Direct objects of a verbal trigger that took no role ("signed a peace agreement in Pretoria")."""
    # a noun or count coordinated with the verb is an object the parser misattached ("took X and the port of
    # Y", "killed a chief and five of his relatives in X")
    return [c for c in children(head) if c.dep in _OBJ_DEP_IDS or (c.dep == _CONJ and c.pos in _MISATTACHED)]


def _located_places(places: list[Token], taken: set[int]) -> list[Token]:
    """Each place with the named place it locates (``placenames.located_by``) before it; the coarser one
    is dropped when the finer is a place the gazetteer knows ("Frontera Comalapa in Chiapas"), kept beside
    one it lacks ("Lubarika, a village ... in South Kivu province": Lubarika, in South Kivu)."""
    out: list[Token] = []
    for place in places:
        finer = located_by(place)
        if finer is not None and finer.i not in taken and all(finer.i != p.i for p in places + out):
            out.append(finer)
            if known_place(finer):
                continue
        out.append(place)
    return out


def find_roles(doc: Doc, trigger: TriggerLike, events: frozenset[int] = frozenset()) -> Roles:
    """Roles of one trigger (see the module docstring for the rules)."""
    head = doc[trigger.head]
    span = [doc[i] for i in range(trigger.start, trigger.end)] or [head]
    if head not in span:
        span.append(head)
    col = RoleCollector(trigger.event_class, events - {trigger.head}, head.lemma_.lower())
    subjectless = False
    nominal = is_nominal(head)
    participle = None if nominal else object_participle(head)  # an object the parser read as a subject
    if nominal:
        nominal_roles(col, head)
    else:
        subjectless = verbal_roles(col, head, span, participle)
    col.sides()
    there = _there(head)
    if there is not None:
        col.add(col.places, there, expand=False)  # "overran a base there": the town just named
    # a protest's aim: its own purpose clause, or that of the light verb whose object it is
    purpose(col, [head, head.head] if nominal and head.dep_ in ("dobj", "obj") else [head])
    # "a market in Donetsk", "the outskirts of Sake", "an attack on Dori", "militants near Bama"
    holders = [*col.agents, *col.targets, *col.places, *col.extra, *_objects(head)]
    # a count stands for what it counts: "dozens of its nationals from Niamey"
    holders += [o for t in holders if t.like_num or t.ent_type_ == "CARDINAL" for _, o in prep_objects(t, OF)]
    ups = clauses_above(head, nominal=nominal) + dateline_holder(head)
    # "arrested a leader and seized rifles in Navolato on Monday": a coordinated verb's time before the
    # governing clause's
    times = trigger_times(head, span, holders, col.events, ups, [] if nominal else conjunct_verbs(head))
    found = any(strong_place(p) for p in col.places)
    broad = found and all(broad_place(p) for p in col.places)  # "in Cameroon's North-West region"
    from_ok = col.from_place
    # an earlier event governing this one lends its whole setting later (kg.extract.settings.inherit_setting
    # does so for an event noun's clauses and for a verb's advcl/xcomp/conj/relcl head)
    inherits = (
        not nominal and head.dep_ in SETTING_DEPS and head.head.i in col.events and head.head.i < head.i
    )
    governing = ups
    if nominal:
        governing = list(takewhile(lambda g: not (g.i in col.events and g.i < head.i), ups))
    elif inherits:
        governing = []
    # nor does an agent's country stand for its place then ("South Sudan's air force bombed Nasir, killing")
    owners = [] if inherits else col.agents
    more = more_places(
        head, holders, governing, owners, nominal=nominal, hostile=col.hostile, from_ok=from_ok,
        found=found and not broad, violent=EVENT_CLASSES.get(col.cls) == "Assault", participle=participle,
        fled=EVENT_CLASSES.get(col.cls) == "Displacement",
    )  # fmt: skip
    if any(strong_place(p) and not broad_place(p) for p in [*col.places, *more]):
        # "from a school in Ndop, in Cameroon's North-West region": the town, not the province it is in
        col.places[:] = [p for p in col.places if not broad_place(p, countries=False)]
        more = [p for p in more if not broad_place(p, countries=False)]
    elif any(district_place(p) for p in [*col.places, *more]):
        # "In the state of Assam, police arrested ... in Tinsukia district": the district, not the state
        col.places[:] = [p for p in col.places if district_place(p) or not broad_place(p, countries=False)]
        more = [p for p in more if district_place(p) or not broad_place(p, countries=False)]
    for place in more:
        col.add(col.places, place)
    # "fought for control of Lubarika, a village ... in South Kivu province": the place located by another
    col.places[:] = _located_places(col.places, {t.i for t in col.agents + col.targets})

    last = max(span, key=lambda t: t.i)  # the trigger's last token

    def mentions(tokens: list[Token], place: bool = False, actor: bool = False) -> tuple[Mention, ...]:
        ordered = sorted(tokens, key=lambda t: t.i)
        located = actor and tokens is col.agents
        found = [after_trigger(mention(t, place=place, actor=actor, located=located), last) for t in ordered]
        seen: set[tuple[int, int]] = set()
        kept = []
        for m in found:  # the first mention of each span
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                kept.append(m)
        return tuple(kept)

    participants = tuple(
        [(t.i, "agent") for t in col.agents]
        + [(t.i, "target") for t in col.targets]
        + [(t.i, "other") for t in col.extra]
    )
    # "demonstrators in Baghdad" are who acted; "arrested the leader in Minsk" names where it happened
    agents = mentions(col.agents, actor=True)
    targets = mentions(col.targets, actor=True)
    places = mentions(col.places, place=True)
    return Roles(agents, targets, places, tuple(times), participants, subjectless)
