"""Token -> ``Mention`` helpers shared by roles, factuality and quantities.

A mention is the noun phrase headed by a token: its left modifiers (determiners, adjectives, compounds,
possessives, numbers), widened to the named entity the head belongs to. Leading articles (``the``,
``a``, ``an``) and stray quotes/punctuation are always dropped, so "the Taliban" and "Taliban" give the
same text. Number heads ("12 of the 34 capitals", "hundreds of prisoners") extend to their ``of`` object,
whose lemma becomes the mention lemma. A place drops a possessor and titles before its proper name
("Kenya's capital Nairobi" -> Nairobi); an actor keeps the phrase saying whose it is or where it comes
from ("supporters of the cleric"). The word classes and predicates used here live in ``kg.extract.nouns``.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.nouns import PLACE_LABELS, entity_bounds, in_time_entity, semantic_head
from kg.extract.people import ACTOR_LABELS, PEOPLE_NOUNS, actor_like
from kg.extract.tree import children, trigger_root
from kg.frozen import evolve
from kg.model import Mention
from kg.nlp import doc_text

__all__ = [
    "NP_LEFT_DEPS", "np_bounds", "mention", "after_trigger", "dated_subject",
    "trigger_root", "span_text", "subtree_chars",
]  # fmt: skip
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "advmod", "case", "npadvmod", "punct"}
)
NP_RIGHT_DEPS = frozenset({"compound", "flat", "case"})
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
QUOTES = "\"'“”‘’"
# post-modifiers that say where an actor noun comes from or is ("activists from X", "students throughout Y")
ORIGIN_PREPS = frozenset({"from", "with"})
LOCATED_PREPS = frozenset({"in", "throughout", "across"})
IDENTIFYING_PARTICIPLES = frozenset({"affiliate", "link", "loyal", "belong", "allied", "ally", "back"})
EDGE_PUNCT = frozenset({'"', "'", "“", "”", "‘", "’", ",", "(", ")", "-", "--", "—", ":", ";"})
EDGE_CHARS = "".join(EDGE_PUNCT)
# the longest named entity a phrase widens to ("the Popular Front for the Rebirth of Central Africa": 9)
ENTITY_TOKENS = 12
# the ids of the labels and words above, compared without the string look-up of ``Token.dep_`` or ``.text``
_NP_LEFT_IDS = frozenset(get_string_id(dep) for dep in NP_LEFT_DEPS if dep != "punct")
_NP_RIGHT_IDS = frozenset(map(get_string_id, NP_RIGHT_DEPS))
_ARTICLE_IDS = frozenset(map(get_string_id, ARTICLES))
_EDGE_PUNCT_IDS = frozenset(map(get_string_id, EDGE_PUNCT))
_POBJ, _PREP = get_string_id("pobj"), get_string_id("prep")


def np_bounds(token: Token) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of the noun phrase headed by ``token`` (articles stripped)."""
    i = start = end = token.i
    for child in token.lefts:
        if child.dep in _NP_LEFT_IDS:
            start = min(start, child.left_edge.i)
    for child in token.rights:
        if child.i == end + 1 and child.dep in _NP_RIGHT_IDS:
            end = child.right_edge.i
    sem = semantic_head(token)
    if sem.i != token.i:
        end = max(end, np_bounds(sem)[1] - 1)
    ent = entity_bounds(token)
    if ent is not None and ent[1] - ent[0] <= ENTITY_TOKENS:
        start, end = min(start, ent[0]), max(end, ent[1] - 1)
    doc = token.doc
    while start < i:
        first = doc[start]
        if first.lower not in _ARTICLE_IDS and first.orth not in _EDGE_PUNCT_IDS:
            break
        start += 1
    # "On Tuesday security forces detained", "Last month gunmen abducted": the date the parser made a
    # modifier is no part of the phrase
    while start < i and _date_compound(doc[start]):
        start += 1
    while end > i and doc[end].orth in _EDGE_PUNCT_IDS:
        end -= 1
    return start, end + 1


def _date_compound(token: Token) -> bool:
    """A date the parser made a compound of a noun, or a word of one ("Last" in "Last month gunmen")."""
    dated = ("DATE", "TIME")
    compound = token if token.dep_ == "compound" else token.head
    return token.ent_type_ in dated and compound.dep_ == "compound" and compound.ent_type_ in dated


def _place_start(token: Token, start: int) -> int:
    """A proper-noun place loses a possessor and common-noun titles before it: "Kenya's capital Nairobi"
    -> "Nairobi" (the possessor stays in the sentence as context)."""
    if token.pos_ != "PROPN" or not token.n_lefts:
        return start
    ent = entity_bounds(token)
    limit = ent[0] if ent is not None else token.i
    for child in token.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "NOUN"):
            start = max(start, min(child.right_edge.i + 1, limit))
    return start


def misread_plural(token: Token) -> bool:
    """A capitalised plural people noun that opens a paragraph, which the small model reads as a proper
    name after a headline ("Fighters from the 3R armed group attacked ...")."""
    if token.tag_ != "NNPS" or not (token.is_sent_start or (token.i and token.nbor(-1).is_space)):
        return False
    lower = token.lower_
    singulars = {lower[:-1], lower[:-2], lower[:-3] + "y", lower[:-2] + "an"}  # fighters, ...es, ...ies, men
    return bool(singulars & PEOPLE_NOUNS)


def _modifier_end(token: Token, end: int, located: bool) -> int:
    """A common noun keeps the phrase saying whose it is ("supporters of the former president", "the
    positions of the army"); a person/group noun also where it comes from or is ("activists from the Fatah
    party", "workers affiliated with the union", and when ``located`` "students throughout Indonesia")."""
    common = token.pos_ == "NOUN" or misread_plural(token)
    if not token.n_rights or not common or token.like_num or semantic_head(token).i != token.i:
        return end
    people = actor_like(token)
    located_preps = LOCATED_PREPS if located else frozenset()
    for child in token.rights:
        word = child.lower_
        if child.dep_ == "conj":
            break  # "the army and fighters of the X": a phrase after a conjunct is that conjunct's
        if child.dep_ == "prep" and (word == "of" or (people and word in ORIGIN_PREPS | located_preps)):
            phrase = child
        elif child.dep_ == "acl" and people and child.lemma_.lower() in IDENTIFYING_PARTICIPLES:
            phrase = next((c for c in child.rights if c.dep_ == "prep"), child)
        else:
            continue
        for obj in children(phrase):
            named = obj.pos_ == "PROPN" or obj.ent_type_ in ACTOR_LABELS | PLACE_LABELS
            # after a person/group noun an "of" object is whose it is ("supporters of the jailed cleric")
            whose = people and word == "of"
            if obj.dep_ == "pobj" and (named or whose or actor_like(obj)) and not in_time_entity(obj):
                end = max(end, np_bounds(obj)[1])
        break
    return end


def mention(
    token: Token,
    label: str | None = None,
    lemma: str | None = None,
    *,
    place: bool = False,
    actor: bool = False,
    located: bool = False,
) -> Mention:
    """The ``Mention`` of the phrase headed by ``token``; label = entity label, PRON or NP. A ``place``
    drops a possessor and titles before a proper name; an ``actor`` keeps the modifiers saying whose it
    is and where it comes from (and, when ``located``, where it is)."""
    start, end = np_bounds(token)
    if place:
        start = _place_start(token, start)
    sem = semantic_head(token)
    if actor:
        end = _modifier_end(sem, end, located)  # "tens of thousands of students in X"
    doc = token.doc
    last = doc[end - 1]
    if end - start > 1 and last.dep_ == "case" and last.lower_ in POSSESSIVE_MARKS:
        end -= 1  # "Haiti's" -> "Haiti"
    while end - 1 > token.i and doc[end - 1].pos_ in ("ADP", "CCONJ"):
        end -= 1  # an entity cut after its preposition: "the United Bus Company of"
    text, begin = span_text(doc, start, end)
    stripped = text.lstrip(EDGE_CHARS)  # tokens glued to a quote: '”a security source'
    begin += len(text) - len(stripped)
    stripped = stripped.rstrip(QUOTES) or stripped  # "Samarra'" -> "Samarra"
    if label is None:
        if token.pos_ == "PRON":
            label = "PRON"
        elif sem.ent_type_ and sem.ent_type_ not in ("CARDINAL", "ORDINAL", "QUANTITY"):
            label = sem.ent_type_
        elif token.ent_type_ and token.ent_type_ not in ("CARDINAL", "ORDINAL", "QUANTITY"):
            label = token.ent_type_
        else:
            label = "NP"
    return Mention(
        text=stripped,
        start=begin,
        end=begin + len(stripped),
        label=label,
        lemma=(lemma if lemma is not None else sem.lemma_.lower()),
    )


def after_trigger(found: Mention, last: Token) -> Mention:
    """A role phrase never starts inside its trigger (``last``: the trigger's last token): "shot dead nine
    men", where the parser made "dead" a modifier of "men", gives "nine men"."""
    end = last.idx + len(last)
    if not found.start < end < found.end or last.i + 1 >= len(last.doc):
        return found
    start = last.doc[last.i + 1].idx
    return evolve(found, text=found.text[start - found.start :], start=start)


def dated_subject(obj: Token) -> bool:
    """``obj`` is a clause's subject the parser hung, with the date before it, on an opening preposition:
    "On Friday rebels attacked a convoy" read as "on [Friday rebels]" with no subject for "attacked"."""
    if obj.dep != _POBJ:
        return False
    prep = obj.head
    verb = prep.head
    if prep.dep != _PREP or prep.i > verb.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    date = obj.doc[prep.i + 1]
    if date.dep_ != "compound" or date.head.i != obj.i or not in_time_entity(date) or in_time_entity(obj):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb))


def span_text(doc: Doc, start: int, end: int) -> tuple[str, int]:
    """``(doc[start:end].text, its character offset)``, sliced from the document's text read once."""
    text = doc_text(doc)
    if end <= start:
        return "", doc[start].idx if start < len(doc) else len(text)
    begin = doc[start].idx
    last = doc[end - 1]
    return text[begin : last.idx + len(last)], begin


def subtree_chars(token: Token) -> tuple[int, int]:
    """Character offsets ``[start, end)`` of the phrase ``token`` heads (its whole subtree)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last)
