"""kg eval: gold loading, PLOVER conversion, scoring arithmetic, CLI output, pipeline vs baseline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import evaluate, report_json, report_text
from kg.evaluate.gold import GoldDocument, GoldEvent, load_gold, load_plover
from kg.evaluate.score import normalise, score
from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue

GOLD = Path(__file__).resolve().parents[1] / "examples" / "gold" / "conflict_gold.jsonl"


def _event(doc: str, cls: str, trigger: str, agent: str | None = None, place: str | None = None,
           day: dt.date | None = None) -> Event:  # fmt: skip
    frame = EventFrame(doc, "s", 0, Mention(trigger, 0, len(trigger), "TRIGGER", trigger), cls)
    return Event(
        frame,
        agents=(Actor(agent.lower(), agent),) if agent else (),
        places=(Place(place.lower(), place),) if place else (),
        time=TimeValue(day, day, "day") if day else None,
    )


def test_evaluate_scores_known_counts() -> None:
    day = dt.date(2022, 3, 1)
    gold = [
        GoldDocument(Document("a", "t"), (
            GoldEvent("Capture", ("the Rebels",), (), ("Gao",), "2022-03-01", "seized"),
            GoldEvent("Killing", ("Rebels",), (), ("Gao",), None, "killed"),
            GoldEvent("Protest", (), (), ("Bamako",)),
        )),
        GoldDocument(Document("b", "t"), (GoldEvent("Arrest", ("Police",)),)),
    ]  # fmt: skip
    predicted = {
        "a": [
            _event("a", "Siege", "besieged", "Army", "Gao", day),  # Assault category, no trigger overlap
            _event("a", "Capture", "seize", "Rebels", "Gao", day),  # matches the capture by stem
            _event("a", "Sanction", "froze"),  # false positive
        ],
        "b": [_event("b", "Arrest", "held", "Police")],
    }
    scores = score(gold, predicted)
    assert (sum(scores.tp.values()), sum(scores.fp.values()), sum(scores.fn.values())) == (3, 1, 1)
    p, r, f = scores.overall()
    assert (p, r) == (0.75, 0.75) and f == pytest.approx(0.75)
    # capture: agent/place/date right; killing matched to the siege: agent wrong, place right; arrest: agent
    assert scores.roles["agent"] == [2, 3]
    assert scores.roles["place"] == [2, 2]
    assert scores.roles["date"] == [1, 1]
    assert scores.per_category()["Protest"][:3] == (0, 0, 1)
    # whole frames: the capture and the arrest (the killing has the wrong agent); 4 predicted, 4 gold
    assert scores.frames == 2
    assert scores.frame_prf()[:2] == (0.5, 0.5)


def test_evaluate_trigger_matches_pair_first() -> None:
    """A gold event without a same-trigger prediction must not take the prediction another gold event
    shares its trigger with."""
    gold = [GoldDocument(Document("a", "t"), (
        GoldEvent("Sanction", ("ECOWAS",), (), (), None, "closed"),
        GoldEvent("Sanction", ("ECOWAS",), (), (), None, "froze"),
    ))]  # fmt: skip
    predicted = {"a": [_event("a", "Sanction", "froze", "ECOWAS"), _event("a", "Sanction", "barred", "Mali")]}
    scores = score(gold, predicted)
    assert scores.tp["Sanction"] == 2
    assert scores.roles["agent"] == [1, 2]  # "froze" got the ECOWAS prediction, "closed" the other one


def test_evaluate_pairs_by_the_sentence_the_gold_trigger_is_in() -> None:
    """ "An air strike hit a market": the gold strike pairs with that sentence's "hit", not with the "struck"
    of a later sentence that shares its stem."""

    def said(cls: str, trigger: str, lemma: str, sentence: str, place: str) -> Event:
        event = _event("a", cls, trigger, place=place)
        found = Mention(trigger, 0, len(trigger), "TRIGGER", lemma)
        return dataclasses.replace(
            event, frame=dataclasses.replace(event.frame, sentence=sentence, trigger=found)
        )

    gold = [GoldDocument(Document("a", "t"), (
        GoldEvent("AirStrike", (), (), ("Kushar",), None, "air strike"),
        GoldEvent("Shelling", (), (), ("Abs",), None, "mortar fire"),
    ))]  # fmt: skip
    predicted = {"a": [
        said("AirStrike", "hit", "hit", "An air strike hit a market in Kushar.", "Kushar"),
        said("Assault", "struck", "strike", "Mortar fire struck a camp outside Abs.", "Abs"),
    ]}  # fmt: skip
    scores = score(gold, predicted)
    assert scores.tp["Assault"] == 2
    assert scores.roles["place"] == [2, 2]


def test_evaluate_gold_ids_must_be_unique(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    line = '{"id": "x", "text": "t", "events": []}'
    path.write_text(f"{line}\n{line}\n", "utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: id 'x' is used twice"):
        load_gold(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban", "taliban"),
        ("U.S. forces", "u s forces"),
        ("Afghanistan's army", "afghanistan s army"),
        ("Diafarabé", "diafarabe"),
        # a transliteration mark inside a word is dropped (GeoNames "Debre Mark'os" is the article's
        # "Debre Markos"), a possessive is not
        ("Debre Mark'os", "debre markos"),
        ("Ma’rib", "marib"),
        ("the army's base", "army s base"),
    ],
)
def test_evaluate_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_evaluate_gold_file_parses_and_covers_many_classes() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 25
    classes = {e.event_class for g in gold for e in g.events}
    assert len(classes) >= 10
    assert all(g.document.date for g in gold)


@pytest.mark.parametrize(
    ("name", "documents", "events"),
    [("heldout_gold", 16, 60), ("final_blind_gold", 12, 51), ("blind3_gold", 14, 61), ("blind4_gold", 14, 62),
     ("blind5_gold", 14, 63), ("blind6_gold", 14, 65), ("blind7_gold", 14, 65), ("blind8_gold", 14, 68),
     ("blind9_gold", 14, 69), ("blind10_gold", 14, 70), ("blind11_gold", 14, 69), ("blind12_gold", 14, 73),
     ("blind13_gold", 14, 71), ("blind14_gold", 14, 75), ("blind15_gold", 14, 74), ("blind16_gold", 14, 74),
     ("blind17_gold", 14, 75), ("blind18_gold", 14, 75), ("blind19_gold", 14, 75), ("blind20_gold", 14, 80),
     ("blind21_gold", 14, 79), ("blind22_gold", 14, 79), ("blind23_gold", 14, 81),
     ("blind24_gold", 14, 80), ("blind25_gold", 14, 80), ("blind26_gold", 14, 83), ("blind27_gold", 14, 82),
     ("blind28_gold", 14, 82), ("blind29_gold", 14, 84), ("blind30_gold", 14, 85), ("blind31_gold", 14, 84)],
)  # fmt: skip
def test_evaluate_blind_gold_files_parse(name: str, documents: int, events: int) -> None:
    """The blind sets the README measures load as gold, dated, with the sizes the README states."""
    gold = load_gold(GOLD.with_name(f"{name}.jsonl"))
    assert (len(gold), sum(len(g.events) for g in gold)) == (documents, events)
    assert all(g.document.date for g in gold)
    readme = (GOLD.parents[2] / "README.md").read_text()
    assert (
        f"[`examples/gold/{name}.jsonl`](examples/gold/{name}.jsonl) ({documents} articles, {events} events"
        in readme
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [("{bad", "malformed JSON"), ('{"id": "x"}', '"text"'),
     ('{"id": "x", "text": "t", "events": [{"class": "Battle"}]}', "event 1")],
)  # fmt: skip
def test_evaluate_bad_gold_lines_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "t", "events": []}) + "\n" + line + "\n")
    with pytest.raises(InputError, match=f"gold.jsonl:2: .*{message}"):
        load_gold(path)


def test_evaluate_plover_conversion(plover_path: Path) -> None:
    gold = load_plover(plover_path)
    assert len(gold) == 322
    categories = {g.events[0].category for g in gold}
    assert "Assault" in categories and "Request" in categories and "Accuse" in categories
    assert not categories & {"Fight", "Demand", "Disapprove", "Investigate"}
    assert all(not g.score_dates for g in gold)
    assert sum(1 for g in gold if g.events[0].places) >= 20


def test_evaluate_plover_repeated_ids_stay_separate_documents(tmp_path: Path) -> None:
    """Two records sharing an id must not share predictions (the real file repeats one id)."""
    records = [
        {"id": "R-1", "event": "FIGHT", "text": "Rebels shelled Gao.", "source": [{"actorText": "Rebels"}]},
        {"id": "R-1", "event": "PROTEST", "text": "Students marched in the capital."},
        {"id": "R-2", "event": "DOCUMENT", "text": "header"},
    ]
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records), "utf-8")
    gold = load_plover(path)
    assert [(g.document.id, g.events[0].category) for g in gold] == [("R-1", "Assault"), ("R-1#2", "Protest")]
    assert gold[1].document.text.startswith("Students")


def test_evaluate_plover_place_the_text_never_names_is_not_scored(tmp_path: Path) -> None:
    """A record whose place is not in its sentence (a copied country, a misspelling) cannot be scored on
    place; it is kept aside and reported, and the places the text does name are scored as usual."""
    records = [
        {"id": "R-1", "event": "PROTEST", "text": "Farmers blocked roads near Kisumu.", "eventLoc": "Kisumo"},
        {"id": "R-2", "event": "PROTEST", "text": "Farmers blocked roads near Kisumu.", "eventLoc": "Kisumu"},
        {"id": "R-3", "event": "FIGHT", "text": "Iranian boats fired on a tanker.", "eventLoc": ["Iran"]},
    ]
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records), "utf-8")
    gold = load_plover(path)
    assert [(g.events[0].places, g.events[0].unnamed_places) for g in gold] == [
        ((), ("Kisumo",)),
        (("Kisumu",), ()),
        ((), ("Iran",)),  # "Iranian" does not name Iran
    ]
    protest = Event(
        EventFrame("x", "s", 0, Mention("blocked", 0, 7), "Protest"), places=(Place("k", "Kisumu"),)
    )
    scores = score(gold, {"R-1": [protest], "R-2": [protest]})
    assert scores.roles["place"] == [1, 1]
    report = report_json(scores)
    assert report["unscored_places"] == [{"id": "R-1", "place": "Kisumo"}, {"id": "R-3", "place": "Iran"}]
    assert "not scored: 2 gold places" in report_text(scores)


def test_evaluate_predictor_injection_and_json_report() -> None:
    gold = [GoldDocument(Document("a", "t"), (GoldEvent("Capture", ("Rebels",)),))]
    report = report_json(
        evaluate(gold, lambda docs: {d.id: [_event(d.id, "Capture", "took", "Rebels")] for d in docs})
    )
    assert report["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert report["roles"]["agent"] == {"accuracy": 1.0, "correct": 1, "scored": 1}
    assert report["roles"]["date"]["accuracy"] is None


@pytest.mark.slow
def test_evaluate_pipeline_beats_baseline_on_own_gold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert main(["eval", str(GOLD), "--json", "--baseline"]) == 0
    base = json.loads(capsys.readouterr().out)
    assert ours["events"]["f1"] > base["events"]["f1"]
    # the baseline guesses roles from entity order: whole actor-action-place-time frames show the difference
    assert ours["frames"]["f1"] >= 1.5 * base["frames"]["f1"]
    for slot in ("agent", "place", "date"):
        assert ours["roles"][slot]["accuracy"] > base["roles"][slot]["accuracy"], slot


def test_evaluate_cli_needs_one_gold_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval"]) == 1
    assert "one gold source" in capsys.readouterr().err


@pytest.mark.parametrize(("notes", "hit"), [((("antecedent_agent", "Fijian rebels"),), 1), ((), 0)])
def test_evaluate_pronoun_agent_counts_with_its_antecedent_text(
    notes: tuple[tuple[str, str], ...], hit: int
) -> None:
    """ "they" resolved to an unnamed group: right when resolution linked it to the mention the gold names."""
    gold = [GoldDocument(Document("a", "t"), (GoldEvent("Agree", ("Fijian rebels",), (), (), None, "will"),))]
    frame = EventFrame("a", "s", 0, Mention("will", 0, 4, "TRIGGER", "will"), "Agree",
                       agents=(Mention("they", 5, 9, "PRON", "they"),))  # fmt: skip
    group = Actor("unidentified-armed-group-fji", "Unidentified armed group", "REB", "FJI")
    scores = score(gold, {"a": [Event(frame, agents=(group,), extra=notes)]})
    assert scores.roles["agent"] == [hit, 1]


def test_evaluate_place_counts_with_the_documents_spelling_of_it() -> None:
    """A place linked right counts under the spelling the article gave it ("Babanusa" for GeoNames'
    "Babanusah"), and only under a spelling the place carries."""
    gold = [GoldDocument(Document("a", "t"), (GoldEvent("Capture", places=("Babanusa",)),))]
    frame = EventFrame("a", "s", 0, Mention("seized", 0, 6, "TRIGGER", "seize"), "Capture")
    place = Place("babanusah", "Babanusah", geonames_id=1, country="SDN")
    spelt = Event(frame, places=(dataclasses.replace(place, names=("Babanusa",)),))
    assert score(gold, {"a": [spelt]}).roles["place"] == [1, 1]
    assert score(gold, {"a": [Event(frame, places=(place,))]}).roles["place"] == [0, 1]
