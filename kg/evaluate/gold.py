"""Gold annotations for ``kg eval``: the JSONL format and the PLOVER converter.

Gold JSONL, one document per line::

    {"id": "d1", "date": "2021-08-13", "text": "...",
     "events": [{"class": "Capture", "agent": "Taliban", "target": null, "place": "Kandahar",
                 "date": "2021-08-13", "trigger": "captured"}]}

``class`` is an ontology class (fine classes count at their PLOVER top category); ``agent``, ``target`` and
``place`` are a string or a list of strings (any of them may match); ``date`` is ``YYYY-MM-DD`` or
``YYYY-MM``; ``trigger`` (optional) is the word(s) that express the event. Missing fields are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Document
from kg.namespaces import EVENT_CLASSES
from kg.resolve.text import fold

__all__ = ["GoldEvent", "GoldDocument", "load_gold", "load_plover", "normalise", "PLOVER_CATEGORY"]

# older PLOVER names used by the gold-standard records -> the 16 current categories
PLOVER_CATEGORY = {"FIGHT": "Assault", "DEMAND": "Request", "DISAPPROVE": "Accuse", "INVESTIGATE": "Accuse"}
_DROP = re.compile(r"\b(the|a|an|of)\b|[^\w\s]")
# a transliteration mark inside a word ("Ma'rib", "Debre Mark'os"), not a possessive ("the army's")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ‘`](?=\w)(?!s\b)")


def normalise(text: str) -> str:
    """Lower-cased, without accents, articles, "of" and punctuation, single-spaced: the form gold and
    predicted strings are compared in ("Diafarabé" ~ "Diafarabe"; an apostrophe inside a word is dropped,
    "Debre Mark'os" ~ "Debre Markos")."""
    return " ".join(_DROP.sub(" ", _APOSTROPHE.sub("", fold(text).lower())).split())


@dataclass(frozen=True)
class GoldEvent:
    event_class: str
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: str | None = None
    trigger: str | None = None
    unnamed_places: tuple[str, ...] = ()  # gold places the text never names: not scored

    @property
    def category(self) -> str:
        return EVENT_CLASSES[self.event_class]


@dataclass(frozen=True)
class GoldDocument:
    document: Document
    events: tuple[GoldEvent, ...]
    score_dates: bool = True


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value in (None, "", []):
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v for v in value if v)
    raise InputError(f"{where}: expected a string or a list of strings, got {value!r}")


def _event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict) or raw.get("class") not in EVENT_CLASSES:
        valid = ", ".join(sorted(EVENT_CLASSES))
        raise InputError(f'{where}: each event needs a "class" among: {valid}')
    return GoldEvent(
        raw["class"], _strings(raw.get("agent"), where), _strings(raw.get("target"), where),
        _strings(raw.get("place"), where), raw.get("date") or None, raw.get("trigger") or None,
    )  # fmt: skip


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file; a bad line raises InputError naming the line."""
    out: list[GoldDocument] = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the gold file ({err.strerror or err})") from None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{where}: malformed JSON ({err.msg})") from None
        if not isinstance(record, dict) or not record.get("id") or not record.get("text"):
            raise InputError(f'{where}: a gold document needs "id", "text" and "events"')
        if any(g.document.id == str(record["id"]) for g in out):
            raise InputError(
                f"{where}: id {record['id']!r} is used twice; give every gold document its own id"
            )
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        events = tuple(_event(e, f"{where}: event {i}") for i, e in enumerate(record.get("events", []), 1))
        out.append(GoldDocument(Document(str(record["id"]), record["text"], date), events))
    if not out:
        raise InputError(f"{path}: no gold documents")
    return out


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def _places(value: Any) -> tuple[str, ...]:
    """``eventLoc`` is a string, a ``{"name": ...}`` object or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return tuple(n for n in names if isinstance(n, str) and n)


def load_plover(path: str | Path) -> list[GoldDocument]:
    """PLOVER gold-standard records (Open Event Data Alliance, CC BY-SA 4.0) as one-event gold documents.

    Categories use the current names (FIGHT -> Assault, DEMAND -> Request, DISAPPROVE and INVESTIGATE ->
    Accuse); ``source`` -> agent, ``target`` -> target, ``eventLoc`` -> place. A place the record's text
    never names (a country the sentence does not mention, a misspelt city) is kept in
    ``GoldEvent.unnamed_places`` and not scored: no reading of the sentence can find it. Dates are not
    scored: the records carry no publication date to resolve "on Wednesday" against."""
    try:
        records = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: cannot read the PLOVER records ({err})") from None
    out: list[GoldDocument] = []
    seen: Counter[str] = Counter()
    for record in records:
        name = record.get("event", "")
        if name == "DOCUMENT" or not record.get("text"):
            continue
        category = PLOVER_CATEGORY.get(name, name.title())
        if category not in EVENT_CLASSES:
            raise InputError(f"{path}: record {record.get('id')}: unknown PLOVER category {name!r}")
        places = _places(record.get("eventLoc"))
        text = f" {normalise(record['text'])} "
        named = tuple(p for p in places if f" {normalise(p)} " in text)
        unnamed = tuple(p for p in places if p not in named)
        event = GoldEvent(category, _actor_texts(record.get("source")), _actor_texts(record.get("target")),
                          named, None, record.get("eventText") or None, unnamed)  # fmt: skip
        # the records repeat an id now and then: keep each record its own document (id, id#2, ...)
        seen[record["id"]] += 1
        doc_id = record["id"] if seen[record["id"]] == 1 else f"{record['id']}#{seen[record['id']]}"
        out.append(GoldDocument(Document(doc_id, record["text"], None), (event,), score_dates=False))
    return out
