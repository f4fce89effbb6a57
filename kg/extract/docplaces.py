"""Names a document presents as places, for the mentions of them the model tags otherwise.

The small model often tags an unknown village as a person or an organisation in one sentence and as a
place in another, or only ever as a person: "stormed the town of Kareto" (PERSON) and later "sent
reinforcements to Kareto" (PERSON). A name the document itself calls a place — one the model tags GPE,
LOC or FAC somewhere, one a place noun introduces ("the town of X", "the village of X", "X, a small
town", "X, the regency seat", "above X town"), or one named with the province it lies in ("in Bwera,
Kasese district", "at Rhoe, in Ituri province's Djugu territory") — is a place wherever else the
document names it, whatever the tag there. Found once per document and kept on ``Doc.user_data`` (a
tuple, which ``Doc.to_bytes`` serialises).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from kg.nlp import doc_text
from kg.placewords import ADMIN_UNITS, PLACE_LABELS, SETTLEMENTS, alternation

__all__ = ["named_places", "called_place", "entity_bounds", "PLACE_LABELS", "PLACE_NOUN_WORDS"]

PLACE_NOUN_WORDS = alternation(SETTLEMENTS | {"district"})
_NAME = r"[A-Z][\w'’-]*(?:[ -](?:al|el|de|du|la|le|[A-Z][\w'’-]*))*"
_INTRODUCED = re.compile(rf"\b(?:{PLACE_NOUN_WORDS}) of ({_NAME})")
_APPOSED = re.compile(rf"({_NAME}), an? (?:\w+ ){{0,2}}(?:{PLACE_NOUN_WORDS})\b")
# "Kenyam, the regency seat, ...", "Dhusamareb, the regional capital": a name a definite place phrase
# describes, that phrase ending there (not "Hassan, the village chief")
_SEAT = re.compile(
    rf"({_NAME}), the (?:[\w-]+ ){{0,2}}(?:{PLACE_NOUN_WORDS}|capital|seat)(?=\s*[,.;:)]|\s+of\b)"
)
# "in Bwera, Kasese district, on Wednesday", "raided Kawaka, Ntoroko district": a name inside a sentence
# (after a lower-case word) located in a named province
_PROVINCE_WORDS = alternation(ADMIN_UNITS | {"state", "department"})
_LOCATED = re.compile(
    rf"(?<=[a-z] )({_NAME}), (?:{_NAME}) (?:{_PROVINCE_WORDS})"
    r"(?=\s*[,.;:)]|\s+(?:on|in|at|near|and|where|when|after|before|late|early|last|this)\b)"
)
# "at Rhoe, in Ituri province's Djugu territory", "near Niafunké, in Mali's Timbuktu region": a name said
# to lie in a named division
_OWNER = rf"(?:{_NAME}(?: {_PROVINCE_WORDS})?['’]s )?"  # "Mali's", "Ituri province's"
_LOCATED_IN = re.compile(rf"(?<=[a-z] )({_NAME}), in {_OWNER}{_NAME} (?:{_PROVINCE_WORDS}|territory)\b")
# "came under fire above Maragusan town", "the market in Baraiburu village": a name inside a sentence with
# the settlement word after it (not "the Fulani village", "the Kurdish town of X")
_CALLED = re.compile(rf"(?<=[a-z] )(?<![Tt]he )({_NAME}) (?:town|village|hamlet)\b(?! of\b)")
_KEY = "conflict_kg.named_places"


def _strip(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def _named_places(doc: Doc) -> tuple[str, ...]:
    names = {_strip(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    text = doc_text(doc)
    names.update(m.group(1) for m in _INTRODUCED.finditer(text))
    names.update(m.group(1) for m in _APPOSED.finditer(text))
    names.update(m.group(1) for m in _SEAT.finditer(text))
    names.update(m.group(1) for m in _LOCATED.finditer(text))
    names.update(m.group(1) for m in _LOCATED_IN.finditer(text))
    names.update(m.group(1) for m in _CALLED.finditer(text))
    return tuple(sorted(n for n in names if n))


def named_places(doc: Doc) -> Sequence[str]:
    """The names ``doc`` calls places anywhere (see the module docstring), sorted; kept on the Doc, not
    copied per call (a tuple, or the list ``Doc.from_bytes`` gives back)."""
    found: Sequence[str] | None = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = _named_places(doc)
    return found


def called_place(token: Token) -> bool:
    """A proper name tagged as a person or an organisation (or not at all) that the document calls a place
    elsewhere: the whole entity's text (or the token's, outside any entity) is one of its place names."""
    if token.pos_ != "PROPN" or token.ent_type_ not in ("PERSON", "ORG", ""):
        return False
    bounds = entity_bounds(token)
    name = _strip(token.doc[bounds[0] : bounds[1]].text) if bounds is not None else token.text
    return name in named_places(token.doc)


def entity_bounds(token: Token) -> tuple[int, int] | None:
    """Token bounds ``[start, end)`` of the named entity ``token`` is in, or None."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
