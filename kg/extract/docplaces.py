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
from collections.abc import Iterator, Sequence

from spacy.strings import get_string_id
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
# Each pattern with an anchor, the text every match holds right after the name it opens (right before
# the name for "town of"), and how far before the anchor a match may start (None: anywhere after the last
# comma, full stop or line break, which no name holds). The patterns are tried only there: tried at every
# character of a document they cost more than all the rest of its extraction.
_SCOPED = (
    (_INTRODUCED, re.compile(" of "), max(map(len, SETTLEMENTS | {"district"}))),
    (_APPOSED, re.compile(", an? "), None),
    (_SEAT, re.compile(", the "), None),
    (_LOCATED, re.compile(", (?=[A-Z])"), None),
    (_LOCATED_IN, re.compile(", in "), None),
    (_CALLED, re.compile(r" (?:town|village|hamlet)\b"), None),
)
# each pattern after the shortest stretch of text before its match that it may start with
_FROM_ANCHOR = tuple(
    (
        re.compile((r"[^,.\n]*?" if reach is None else rf"[\s\S]{{0,{reach}}}?") + pattern.pattern),
        anchor,
        reach,
    )
    for pattern, anchor, reach in _SCOPED
)
_ARTICLE = re.compile(r"^(?:the|The)\s+")
_PLACE_LABEL_IDS = frozenset(get_string_id(label) for label in PLACE_LABELS)
_KEY = "conflict_kg.named_places"


def _strip(text: str) -> str:
    return _ARTICLE.sub("", text.strip())


def _scoped_matches(
    pattern: re.Pattern[str], anchor: re.Pattern[str], reach: int | None, text: str
) -> Iterator[str]:
    """Group 1 of each match of a ``_FROM_ANCHOR`` pattern, tried before each anchor in turn: the matches
    ``finditer`` finds of the bare pattern (each the leftmost one after the last)."""
    pos = 0
    for found in anchor.finditer(text):
        at = found.start()
        if at < pos:
            continue  # inside the last match
        if reach is None:
            start = max(text.rfind(",", 0, at), text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        else:
            start = at - reach
        match = pattern.match(text, max(pos, start))
        if match is not None:
            yield match.group(1)
            pos = match.end()


def _named_places(doc: Doc) -> tuple[str, ...]:
    text = doc_text(doc)  # (an entity's text is the document's between its offsets)
    names = {_strip(text[e.start_char : e.end_char]) for e in doc.ents if e.label in _PLACE_LABEL_IDS}
    for pattern, anchor, reach in _FROM_ANCHOR:
        names.update(_scoped_matches(pattern, anchor, reach, text))
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
