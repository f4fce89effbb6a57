"""Country names written in a text, found without the entity recogniser: the fallback for the document's
country when no entity votes (the recogniser tagged "Mali" in "central Mali" as a person)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from kg.resolve.gazcache import gazetteer

__all__ = ["countries_named"]


_NAME_WORD = re.compile(r"\b(?:[A-Z][\w'-]*|of|the)\b")


def countries_named(text: str, skip: Callable[[int], bool] = lambda start: False) -> Counter[str]:
    """How often each country is named in ``text`` (alpha-3 -> count): the longest country name starting
    at each capitalised word, whole (not followed by another capitalised word: "Chad Smith"), unless
    ``skip`` says so for its start offset."""
    counts: Counter[str] = Counter()
    words = list(_NAME_WORD.finditer(text))
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            run = words[i : i + n]
            if len(run) < n or not run[0].group()[:1].isupper() or not run[-1].group()[:1].isupper():
                continue
            if any(b.start() - a.end() > 2 for a, b in zip(run, run[1:], strict=False)):
                continue  # words of one name stand next to each other
            after = words[i + n] if i + n < len(words) else None
            if after is not None and after.start() - run[-1].end() == 1 and after.group()[:1].isupper():
                continue  # part of a longer name: "Chad Smith", "Jordan Valley Authority"
            place = gazetteer().country(text[run[0].start() : run[-1].end()])
            if place is not None and place.country and not skip(run[0].start()):
                counts[place.country] += 1
                i += n - 1
                break
        i += 1
    return counts
