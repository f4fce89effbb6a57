"""Settings events lend each other within a sentence: a participial or coordinated clause shares the
place and time of the event it hangs from ("stormed a hotel in Mogadishu on Friday, killing 20 people");
an event noun inside another event's clause happened where that event did; an event that is another's
subject lends it its doer, place and time ("an air strike on Pazigyi killed 12 people"); an event without
a place, or with only a reference point ("south-west of Mosul"), takes that of its "when" clause; harm
told as a participle of a use of force with no class of its own is that event's harm (its counts join it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.clauses import AT_ONCE_MARKS, alongside, governors
from kg.extract.eventnouns import AFTER
from kg.extract.nouns import in_time_entity, is_nominal
from kg.extract.placenames import reference_point
from kg.extract.quantities import INJURY_LEMMAS
from kg.extract.spans import mention, subtree_chars, trigger_root
from kg.extract.tree import children
from kg.frozen import evolve
from kg.model import EventFrame, Mention
from kg.namespaces import EVENT_CLASSES

__all__ = ["trigger_roots", "fold_harm", "fold_repelled", "fold_injuries", "inherit_setting", "from_cause",
           "setting_from_clauses", "category", "CONTEXT_PREPS", "OUTCOME_CLASSES",
           "SETTING_DEPS", "WHEN_MARKS"]  # fmt: skip


def trigger_roots(doc: Doc, frames: list[EventFrame]) -> dict[int, int]:
    """Token index of each frame's trigger root -> the index of the first frame there."""
    roots: dict[int, int] = {}
    for n, frame in enumerate(frames):
        root = trigger_root(doc, frame.trigger)
        if root is not None:
            roots.setdefault(root.i, n)
    return roots


def fold_harm(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """ "a roadside bomb hit a vehicle, wounding four soldiers", "raided the town, looting shops": harm told
    as a participle of a use of force, with no finer class of its own, is that event's, not another
    event; its counts (injuries) join the governing frame. So is a siege's cutting of roads ("has besieged
    Kadugli since early this year, cutting the main road to El Obeid")."""
    at = trigger_roots(doc, frames)
    folded: dict[int, EventFrame] = {}
    dropped: set[int] = set()
    for head, n in at.items():
        frame, token = frames[n], doc[head]
        cutting = frame.event_class == "Coerce"
        if frame.event_class != "Assault" and not cutting:
            continue  # a finer class ("killing" -> Killing) is an event of its own
        if token.dep_ not in ("advcl", "conj") or token.tag_ != "VBG" or token.head.i not in at:
            continue
        main_n = at[token.head.i]
        main = folded.get(main_n, frames[main_n])
        same_facts = (main.negated, main.hypothetical) == (frame.negated, frame.hypothetical)
        if not same_facts or (main.event_class != "Siege" if cutting else category(main) != "Assault"):
            continue
        folded[main_n] = evolve(main, quantities=(*main.quantities, *frame.quantities))
        dropped.add(n)
    return [folded.get(n, f) for n, f in enumerate(frames) if n not in dropped]


REPELLING_VERBS = frozenset({"repel", "repulse"})


def fold_repelled(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """ "Soldiers repelled an assault by the group on their base at Arbinda": the attackers, not the attack,
    are the armed clash's other side (its target), and the attack's place and time are the clash's when it
    names none. The attack stays an event of its own (as ``examples/gold/conflict_gold.jsonl`` has it)."""
    at = trigger_roots(doc, frames)
    out = list(frames)
    for head, n in at.items():
        token, attack = doc[head], frames[n]
        verb = token.head
        if token.dep_ not in ("dobj", "obj") or verb.i not in at or category(attack) != "Assault":
            continue
        k = at[verb.i]
        if out[k].event_class != "ArmedClash" or verb.lemma_.lower() not in REPELLING_VERBS:
            continue
        clash, start = out[k], attack.trigger.start
        # the attack's phrase stays when a name in it says whose it was ("an RSF ground assault")
        kept = tuple(m for m in clash.targets if not m.start <= start < m.end or _named(m, attack))
        spans = {(m.start, m.end) for m in kept}
        out[k] = evolve(
            clash,
            targets=kept + tuple(m for m in attack.agents if (m.start, m.end) not in spans),
            places=clash.places or attack.places,
            times=clash.times or attack.times,
        )
    return out


def _named(phrase: Mention, attack: EventFrame) -> bool:
    """A capitalised word in the phrase of the attack besides its trigger: "RSF" of "an RSF assault"."""
    rest = phrase.text.replace(attack.trigger.text, " ")
    return any(word[:1].isupper() for word in rest.split()) and not attack.agents


def fold_injuries(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """ "A soldier was wounded in the gunbattle", "At least 15 protesters were injured": an injury told in
    the passive with no doer is harm done in the last use of force told before it; its counts join that
    event, which it does not repeat."""
    roots = {n: i for i, n in trigger_roots(doc, frames).items()}
    out: list[EventFrame] = []
    last: int | None = None  # index in ``out`` of the last asserted use of force
    for n, frame in enumerate(frames):
        asserted = not (frame.negated or frame.hypothetical)
        if category(frame) == "Assault" and asserted and n in roots:
            token = doc[roots[n]]
            passive = any(c.dep_ == "nsubjpass" for c in children(token))
            if last is not None and token.lemma_.lower() in INJURY_LEMMAS and passive and not frame.agents:
                out[last] = evolve(out[last], quantities=(*out[last].quantities, *frame.quantities))
                continue
        if category(frame) == "Assault" and asserted:
            last = len(out)
        out.append(frame)
    return out


SETTING_DEPS = frozenset({"advcl", "xcomp", "conj", "relcl"})


def inherit_setting(head: Token, frame: EventFrame, earlier: dict[int, EventFrame]) -> EventFrame:
    """A participial or coordinated clause shares the place and time of the event it hangs from
    ("stormed a hotel in Mogadishu on Friday, killing 20 people": the killing is in Mogadishu, on Friday)."""
    frame = _force_within(head, _other_side(head, frame, earlier), earlier)
    there = bool(frame.places) and all(m.text.lower() == "there" for m in frame.places)
    if frame.places and frame.times and not there:
        return frame
    if head.dep_ in SETTING_DEPS and head.head.i in earlier:
        main = earlier[head.head.i]
        # "took Awdheegle after troops pulled out of their bases there": "there" is where the main event was
        places = main.places if there and main.places else frame.places or main.places
        return evolve(frame, places=places, times=frame.times or main.times)
    if there:
        return frame
    if frame.places or not is_nominal(head):
        return frame
    # an event noun inside another event's clause happened where that event did (not necessarily when):
    # "took Bakhmut after ten months of fighting", "attacked Palma, and fighting was still going on"
    chain = [head.head, *governors(head.head)] if head.dep_ in ("nsubj", "nsubjpass") else governors(head)
    for gov in chain:
        if gov.i in earlier:
            main = earlier[gov.i]
            # "captured by the KIA after a month-long siege": the same side besieged the town before
            same_side = head.head.lower_ in AFTER and category(main) == category(frame)
            agents = frame.agents or (main.agents if same_side and not main.agent_inherited else ())
            return evolve(frame, places=main.places, agents=agents)
        if gov.dep_ == "conj" and gov.head.i in earlier:
            return evolve(frame, places=earlier[gov.head.i].places)
    return frame


def _force_within(noun: Token, frame: EventFrame, earlier: dict[int, EventFrame]) -> EventFrame:
    """An act of force named in the "in"/"during" phrase of another, with no doer of its own, is that
    one's doers' ("Lakurawa militants killed 11 herders in attacks on two villages")."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "during"):
        return frame
    gov = prep.head
    main = earlier.get(gov.head.i if gov.dep_ in ("dobj", "obj") else gov.i)  # or on the verb's object
    if main is None or frame.agents or main.agent_inherited or not is_nominal(noun):
        return frame
    if category(main) != "Assault" or category(frame) != "Assault":
        return frame
    return evolve(frame, agents=main.agents)


NOT_FIGHTERS = frozenset({"Displacement", "Protest"})  # "fled after clashes with the army": not a side


SPAN_NOUNS = frozenset({"hour", "day", "night", "week", "month", "year"})  # "after two days of fighting"


def _other_side(noun: Token, frame: EventFrame, earlier: dict[int, EventFrame]) -> EventFrame:
    """ "took control of the town after a brief battle with government troops": who took it fought the
    troops, the clash's other side (its target), not its only one; so after "two days of fighting with",
    "the same day after clashes with", and "freed 20 soldiers after talks with tribal elders"."""
    prep, phrase = noun.head, noun
    if prep.lower_ == "of":
        span = prep.head
        if span.dep_ == "pobj" and span.lemma_.lower() in SPAN_NOUNS:
            prep, phrase = span.head, span
    if phrase.dep_ != "pobj" or prep.lower_ not in AFTER:
        return frame
    gov = prep.head
    main = earlier.get(gov.head.i if gov.dep_ == "npadvmod" and in_time_entity(gov) else gov.i)
    if main is None or main.agent_inherited or not main.agents or category(main) in NOT_FIGHTERS:
        return frame
    party = frame.agents or frame.targets
    if not party or (frame.agents and frame.targets) or not is_nominal(noun) or not _with_party(noun, party):
        return frame
    return evolve(frame, agents=main.agents, targets=party)


def _with_party(noun: Token, agents: tuple[Mention, ...]) -> bool:
    """Every agent of an event noun is its ``with`` object ("a battle with government troops")."""
    spans = [
        subtree_chars(o)
        for c in children(noun)
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in children(c)
        if o.dep_ == "pobj"
    ]
    return bool(spans) and all(any(a <= m.start and m.end <= b for a, b in spans) for m in agents)


def from_cause(head: Token, frame: EventFrame, earlier: dict[int, EventFrame]) -> EventFrame:
    """ "an Israeli drone strike on a car in Bint Jbeil killed two people": the event that is the subject of
    this one lends its doer, place and time (the subject's own phrases, before the governing clause's)."""
    subject = next((c for c in children(head) if c.i in earlier and c.dep_ == "nsubj"), None)
    if subject is None:
        return frame
    cause = earlier[subject.i]
    # an event with no known doer stands for it ("a roadside bombing killed five")
    agents = frame.agents or cause.agents or (mention(subject, actor=True),)
    return evolve(frame, agents=agents, places=frame.places or cause.places, times=frame.times or cause.times)


# clauses that lend their place: those of AT_ONCE_MARKS, and "after" (which tells the place, not the day)
WHEN_MARKS = AT_ONCE_MARKS | {"after"}


def category(frame: EventFrame) -> str:
    return EVENT_CLASSES.get(frame.event_class, frame.event_class)


def setting_from_clauses(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """An event with no place takes the place of a "when"-clause event hanging from it ("were killed
    on Friday when their vehicle was blown up in Huila"); one with no time, the time of a clause that
    happened at once with it ("were killed when fighters opened fire on a crowd on Tuesday"); a killing
    with no doer, the doer of the use of force that happened at once with it."""
    heads = {i: frames[n] for i, n in trigger_roots(doc, frames).items()}
    out = []
    for frame in frames:
        root = trigger_root(doc, frame.trigger)
        clauses = [
            c for c in _clause_holders(root) for c in children(c) if c.i in heads and c.dep_ == "advcl"
        ]
        # a place named only as a reference point gives way to the clause's ("were killed when a bomb struck
        # their vehicle near the village of Tal Abta ..., south-west of Mosul")
        near = bool(clauses and frame.places) and all(_reference(doc, m) for m in frame.places)
        if near or not (frame.places and frame.times and frame.agents):
            for child in clauses:
                lent = _from_clause(frame, heads[child.i], child, near)
                near &= lent.places == frame.places  # the first such clause's place
                frame = lent
        out.append(frame)
    return out


def _clause_holders(root: Token | None) -> list[Token]:
    """The trigger and the participles gapped after it, whose trailing clause the parser hangs on the last
    one but which tells of them all: "were killed and five wounded when a bomb exploded"."""
    if root is None:
        return []
    gapped = [
        c
        for c in children(root)
        if c.dep_ == "conj" and c.i > root.i and c.tag_ == "VBN"
        and not any(a.dep_ in ("aux", "auxpass") for a in children(c))
    ]  # fmt: skip
    return [root, *gapped]


def _from_clause(frame: EventFrame, inner: EventFrame, child: Token, near: bool) -> EventFrame:
    """What the event ``inner`` of the adverbial clause ``child`` lends ``frame``: its place after "when",
    "as", "after" or "while" (also over a mere reference point, ``near``), its time and doer when it
    happened at once."""
    if alongside(child):  # "…, while Russian shelling killed two people in Nikopol": another event's
        return frame
    marks = {c.lower_ for c in children(child) if c.dep_ in ("mark", "advmod")}
    if (not frame.places or near) and inner.places and marks & WHEN_MARKS:
        frame = evolve(frame, places=inner.places)
    if not frame.times and inner.times and marks & AT_ONCE_MARKS:
        frame = evolve(frame, times=inner.times)
    # "were killed when fighters opened fire on a crowd": the fighters killed them
    harm = frame.event_class in OUTCOME_CLASSES and category(inner) == "Assault"
    if harm and not frame.agents and inner.agents and marks & AT_ONCE_MARKS:
        frame = evolve(frame, agents=inner.agents)
    return frame


def _reference(doc: Doc, place: Mention) -> bool:
    """The place mention is a reference point ("south-west of Mosul")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and reference_point(span.root)


CONTEXT_PREPS = frozenset({"in", "during", "amid"})  # "killed in an ambush", "during a raid"
# classes of an outcome verb whose event-noun subject, or the event it happened in, is an event of its own
OUTCOME_CLASSES = frozenset({"Killing"})
