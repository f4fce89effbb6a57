"""Event frames from a parsed spaCy ``Doc``: triggers -> roles -> factuality -> quantities.

``extract_frames(doc)`` returns one :class:`~kg.model.EventFrame` per trigger head, sorted by token index.
The spaCy component ``conflict_events`` stores the same list on ``doc._.event_frames`` (doc_id "").
Statements of intent and obligation become events of their own (``kg.extract.modality``); a definite
event noun with no participant, place or time of its own ("condemned the killings") is taken to name an
event already told and left out when an earlier frame of the document has its category. Reasons and
purposes ("recalled its envoy in protest", "blocked roads to demand ...") are read with their act
(``kg.extract.purposes``).
A finite clause with no subject ("In a week, took three towns") inherits the agents of the previous
frame of the document and is marked ``agent_inherited``.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.anchors import relative_anchors
from kg.extract.causes import fold_wounds, share_context
from kg.extract.claims import attribute_claims
from kg.extract.counted import name_counted_places
from kg.extract.factuality import SentenceFacts, assess, sentence_facts
from kg.extract.modality import recode
from kg.extract.obligations import bare_obligations
from kg.extract.purposes import relate_purposes
from kg.extract.quantities import quantities_for
from kg.extract.retold import ANAPHORIC_DETERMINERS, anaphor, drop_anaphors
from kg.extract.roles import Roles, TriggerLike, find_roles
from kg.extract.settings import (
    fold_harm,
    fold_injuries,
    fold_repelled,
    from_cause,
    inherit_setting,
    setting_from_clauses,
)
from kg.extract.spans import span_text
from kg.extract.tree import tree_scope
from kg.frozen import evolve
from kg.model import EventFrame, Mention, Quantity
from kg.nlp import doc_text

__all__ = ["extract_frames", "frame_for", "make_conflict_events", "ConflictEvents", "ANAPHORIC_DETERMINERS"]

_USER_DATA_KEY = "conflict_kg.event_frames"


def _mention(data: dict[str, Any]) -> Mention:
    return Mention(**data)


def _frame_from_plain(data: dict[str, Any]) -> EventFrame:
    fields: dict[str, Any] = dict(data)
    for key in _MENTION_LISTS:
        fields[key] = tuple(_mention(m) for m in data[key])
    fields["trigger"] = _mention(data["trigger"])
    fields["reported_by"] = _mention(data["reported_by"]) if data["reported_by"] else None
    fields["quantities"] = tuple(Quantity(**q) for q in data["quantities"])
    fields["anchor"] = tuple(data["anchor"]) if data.get("anchor") else None
    return EventFrame(**fields)


# the frames themselves, beside the plain copy in the Doc's user data, while the Doc lives in this process:
# reading them back is then free (a Doc from Doc.from_bytes has only the plain copy)
_LIVE: weakref.WeakKeyDictionary[Doc, tuple[list[dict[str, Any]], list[EventFrame]]] = (
    weakref.WeakKeyDictionary()
)


def _get_frames(doc: Doc) -> list[EventFrame] | None:
    plain = doc.user_data.get(_USER_DATA_KEY)
    if plain is None:
        return None
    live = _LIVE.get(doc)
    if live is not None and live[0] is plain:
        return list(live[1])
    return [_frame_from_plain(d) for d in plain]


_MENTION_LISTS = ("agents", "targets", "places", "times")


def _plain(frame: EventFrame) -> dict[str, Any]:
    """``dataclasses.asdict`` without its deep copies (a fifth of extraction time): the fields hold only
    strings, numbers, booleans and the small frozen Mention/Quantity records."""
    data = dict(vars(frame))
    data["trigger"] = dict(vars(frame.trigger))
    for key in _MENTION_LISTS:
        data[key] = [dict(vars(m)) for m in data[key]]
    data["reported_by"] = dict(vars(frame.reported_by)) if frame.reported_by is not None else None
    data["quantities"] = [dict(vars(q)) for q in frame.quantities]
    return data


def _set_frames(doc: Doc, frames: Iterable[EventFrame]) -> None:
    # stored as plain dicts so Doc.to_bytes (and nlp.pipe(n_process>1)) can serialise them
    kept = list(frames)
    plain = doc.user_data[_USER_DATA_KEY] = [_plain(f) for f in kept]
    _LIVE[doc] = (plain, kept)


if not Doc.has_extension("event_frames"):
    Doc.set_extension("event_frames", getter=_get_frames, setter=_set_frames)


def frame_for(
    doc: Doc, trigger: TriggerLike, roles: Roles, doc_id: str = "", facts: SentenceFacts | None = None
) -> EventFrame:
    """Assemble the frame of one trigger from its roles (factuality and quantities computed here);
    ``facts`` = ``sentence_facts`` of the trigger's sentence, when the caller keeps them per sentence."""
    head = doc[trigger.head]
    if facts is None:
        facts = sentence_facts(head.sent)
    sent = facts.sent
    fact = assess(head, facts)
    start, end = (trigger.start, trigger.end) if trigger.end > trigger.start else (head.i, head.i + 1)
    words, begin = span_text(doc, start, end)  # sliced from the text (a Span's text joins its tokens again)
    return EventFrame(
        doc_id=doc_id,
        sentence=facts.text,
        sentence_start=sent.start_char,
        trigger=Mention(words, begin, begin + len(words), "TRIGGER", head.lemma_.lower()),
        event_class=trigger.event_class,
        agents=roles.agents,
        targets=roles.targets,
        places=roles.places,
        times=roles.times,
        negated=fact.negated,
        hypothetical=fact.hypothetical,
        reported_by=fact.reported_by,
        quantities=quantities_for(
            ((doc[i], role) for i, role in roles.participants), trigger.event_class, head
        ),
    )


def extract_frames(
    doc: Doc, doc_id: str = "", triggers: Iterable[TriggerLike] | None = None
) -> list[EventFrame]:
    """Event frames of a parsed document (``triggers`` defaults to ``kg.extract.triggers.find_triggers``).

    With the lexicon's triggers, the document-level rules run too: statements of intent and obligation
    are added and anaphoric event nouns left out. Hand-placed ``triggers`` give exactly one frame each."""
    with tree_scope(doc):
        return _extract_frames(doc, doc_id, triggers)


def _extract_frames(doc: Doc, doc_id: str, triggers: Iterable[TriggerLike] | None) -> list[EventFrame]:
    document_rules = triggers is None
    if triggers is None:
        from kg.extract.triggers import find_triggers

        triggers = find_triggers(doc)
    by_head: dict[int, TriggerLike] = {}
    for trig in triggers:
        kept = by_head.get(trig.head)
        if kept is None or (trig.end - trig.start) > (kept.end - kept.start):
            by_head[trig.head] = trig
    bare = bare_obligations(doc, by_head) if document_rules else []
    by_head.update((t.head, t) for t in bare)
    heads = frozenset(by_head)
    sents = list(doc.sents) if by_head else []
    text = doc_text(doc) if by_head else ""
    ends = [sent.end for sent in sents]
    facts: dict[int, SentenceFacts] = {}
    frames: list[EventFrame] = []
    by_trigger: dict[int, EventFrame] = {}
    last_agents: tuple[Mention, ...] = ()
    bare_nouns: set[int] = set()  # trigger offsets of event nouns with no role of their own
    for trig in sorted(by_head.values(), key=lambda t: (t.start, t.head)):
        roles = find_roles(doc, trig, heads)
        n = bisect.bisect_right(ends, trig.head)
        if n not in facts:
            facts[n] = sentence_facts(sents[n])
        frame = frame_for(doc, trig, roles, doc_id, facts[n])
        if not frame.agents and roles.subjectless and last_agents:
            frame = evolve(frame, agents=last_agents, agent_inherited=True)
        if frame.agents and (not last_agents or any(m.label != "PRON" for m in frame.agents)):
            last_agents = frame.agents
        if anaphor(doc, frame, text):
            bare_nouns.add(frame.trigger.start)
        head = doc[trig.head]
        frame = inherit_setting(head, from_cause(head, frame, by_trigger), by_trigger)
        by_trigger[trig.head] = frame
        frames.append(frame)
    frames = share_context(doc, setting_from_clauses(doc, frames))
    if not document_rules:
        return frames
    frames = name_counted_places(doc, relate_purposes(doc, frames))
    frames = fold_wounds(doc, fold_injuries(doc, fold_repelled(doc, fold_harm(doc, frames))))
    frames = attribute_claims(doc, frames)
    frames = relative_anchors(doc, frames, bare_nouns)
    return drop_anaphors(doc, recode(doc, frames, bare={doc[t.head].idx for t in bare}), bare_nouns, text)


class ConflictEvents:
    """The ``conflict_events`` pipeline component."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_frames = extract_frames(doc)
        return doc


@Language.factory(
    "conflict_events",
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.event_frames"],
)
def make_conflict_events(nlp: Language, name: str) -> ConflictEvents:
    return ConflictEvents()
