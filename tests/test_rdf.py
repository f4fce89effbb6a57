"""kg.rdf: the data contract (checked with SPARQL), deterministic IRIs, merging, hostile text, SHACL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.model import Actor, Document, Event, EventFrame, Mention, Place, Quantity, TimeValue
from kg.namespaces import CKG, PREFIXES, SEM, XSD
from kg.ontology import validate_graph
from kg.rdf import (
    DEFAULT_BASE_IRI,
    check_base_iri,
    clean_text,
    event_iri,
    events_to_graph,
    events_to_ntriples,
    mention_iri,
)
from kg.store import read_graphs, write_graph

DAY = dt.date(2030, 3, 14)
REBELS = Actor("northern-front", "Northern Front", sector="REB", country="ZZZ")
ARMY = Actor("state-army", "State Army", sector="MIL")
TOWN = Place("riverton", "Riverton", geonames_id=123456, lat=12.5, lon=-7.25, country="ZZZ", admin1="Lakes")
ON_MONDAY = TimeValue(DAY, DAY, "day", "on Monday")
HILL = Place("hill-9", "Hill 9", lat=-3.0, lon=140.0, kind="site")


def make_doc(doc_id: str = "a1", text: str = "", date: dt.date | None = DAY) -> Document:
    return Document(id=doc_id, text=text, date=date, title=f"Title of {doc_id}")


def make_event(
    sentence: str = "Fighters of the Northern Front seized Riverton on Monday.",
    trigger: str = "seized",
    event_class: str = "Capture",
    doc_id: str = "a1",
    offset: int = 0,
    agents: tuple[Actor, ...] = (REBELS,),
    targets: tuple[Actor, ...] = (),
    places: tuple[Place, ...] = (TOWN,),
    time: TimeValue | None = ON_MONDAY,
    **frame_fields: object,
) -> Event:
    start = offset + sentence.index(trigger)
    frame = EventFrame(
        doc_id=doc_id,
        sentence=sentence,
        sentence_start=offset,
        trigger=Mention(trigger, start, start + len(trigger), "TRIGGER"),
        event_class=event_class,
        **frame_fields,  # type: ignore[arg-type]
    )
    return Event(frame=frame, agents=agents, targets=targets, places=places, time=time, doc_date=DAY)


def select(graph: Graph, query: str, **bindings: object) -> list[tuple[Any, ...]]:
    init = {k: v if isinstance(v, URIRef | Literal | BNode) else Literal(v) for k, v in bindings.items()}
    return [tuple(row) for row in graph.query(query, initNs=PREFIXES, initBindings=init)]  # type: ignore[arg-type]


def test_rdf_capture_event_satisfies_the_data_contract() -> None:
    graph = events_to_graph([make_event()], [make_doc()])
    rows = select(
        graph,
        """SELECT ?e ?agent ?place ?lat ?long ?stamp ?evidence ?docid ?docdate ?category WHERE {
            ?e a sem:Event, ckg:Capture ; ckg:category ?category ; ckg:evidence ?evidence ;
               ckg:agent/rdfs:label ?agent ; sem:hasPlace ?p ; sem:hasTimeStamp ?stamp ;
               prov:wasDerivedFrom ?d ; ckg:negated false ; ckg:hypothetical false .
            ?p rdfs:label ?place ; geo:lat ?lat ; geo:long ?long .
            ?d a ckg:Document ; dcterms:identifier ?docid ; dcterms:date ?docdate .
        }""",
    )
    assert len(rows) == 1
    _, agent, place, lat, long, stamp, evidence, docid, docdate, category = rows[0]
    assert (str(agent), str(place), float(lat), float(long)) == ("Northern Front", "Riverton", 12.5, -7.25)
    assert stamp == Literal("2030-03-14", datatype=XSD.date)
    assert docdate == Literal("2030-03-14", datatype=XSD.date)
    assert str(evidence).startswith("Fighters of the Northern Front") and str(docid) == "a1"
    assert category == CKG.Assault


def test_rdf_mention_points_at_the_trigger_characters() -> None:
    text = "Headline here.\nYesterday the State Army shelled Hill 9 for hours."
    sentence = text[15:]
    event = make_event(sentence, "shelled", "Shelling", offset=15, agents=(ARMY,), places=(HILL,))
    graph = events_to_graph([event], [make_doc(text=text)])
    rows = select(
        graph,
        "SELECT ?m ?b ?e ?a WHERE { ?ev ckg:mention ?m . ?m a ckg:Mention ; ckg:beginIndex ?b ;"
        " ckg:endIndex ?e ; ckg:anchorOf ?a ; dcterms:isPartOf ?d . ?d dcterms:identifier 'a1' }",
    )
    (mention, begin, end, anchor) = rows[0]
    assert text[int(begin) : int(end)] == str(anchor) == "shelled"
    assert str(mention).endswith(f"doc/a1#char={begin},{end}")


@pytest.mark.parametrize(
    ("time", "predicate", "expected"),
    [
        (TimeValue(DAY, DAY, "day"), SEM.hasTimeStamp, Literal("2030-03-14", datatype=XSD.date)),
        (
            TimeValue(DAY.replace(day=1), DAY, "month"),
            SEM.hasTimeStamp,
            Literal("2030-03", datatype=XSD.gYearMonth),
        ),
        (TimeValue(DAY, DAY, "year"), SEM.hasTimeStamp, Literal("2030", datatype=XSD.gYear)),
        (
            TimeValue(DAY, dt.date(2030, 3, 20), "span"),
            SEM.hasEndTimeStamp,
            Literal("2030-03-20", datatype=XSD.date),
        ),
    ],
)
def test_rdf_timestamp_datatype_follows_precision(
    time: TimeValue, predicate: URIRef, expected: Literal
) -> None:
    graph = events_to_graph([make_event(time=time)], [make_doc()])
    values = [row[0] for row in select(graph, "SELECT ?t WHERE { ?e a sem:Event ; ?p ?t }", p=predicate)]
    assert values == [expected]
    assert values[0].datatype == expected.datatype
    precision = select(graph, "SELECT ?p WHERE { ?e ckg:timePrecision ?p }")
    assert str(precision[0][0]) == time.precision


def test_rdf_negated_and_hypothetical_are_booleans() -> None:
    graph = events_to_graph([make_event(negated=True), make_event(hypothetical=True)], [make_doc()])
    rows = select(graph, "SELECT ?n ?h WHERE { ?e a sem:Event ; ckg:negated ?n ; ckg:hypothetical ?h }")
    assert sorted((n.toPython(), h.toPython()) for n, h in rows) == [(False, True), (True, False)]


def test_rdf_quantities_become_integer_properties() -> None:
    quantities = (
        Quantity("fatalities", 7, "seven"),
        Quantity("injuries", 12, "12"),
        Quantity("troops", 300, "300"),
    )
    graph = events_to_graph([make_event(quantities=quantities)], [make_doc()])
    rows = select(
        graph, "SELECT ?f ?i ?t WHERE { ?e ckg:fatalities ?f ; ckg:injuries ?i ; ckg:troopCount ?t }"
    )
    assert [tuple(v.toPython() for v in row) for row in rows] == [(7, 12, 300)]


def test_rdf_rebuild_is_isomorphic_and_order_independent() -> None:
    events = [
        make_event(),
        make_event(
            "The State Army shelled Hill 9.", "shelled", "Shelling", offset=80, agents=(ARMY,), places=(HILL,)
        ),
    ]
    first = events_to_graph(events, [make_doc()])
    assert isomorphic(first, events_to_graph(events, [make_doc()]))
    assert isomorphic(first, events_to_graph(list(reversed(events)), [make_doc()]))
    assert set(first.subjects()) == set(events_to_graph(events, [make_doc()]).subjects())


def test_rdf_same_event_in_two_documents_is_one_node_with_all_provenance() -> None:
    in_a = make_event(doc_id="a1")
    in_b = make_event("Riverton fell to the Northern Front.", "fell", doc_id="b2", offset=40)
    graph = events_to_graph([in_a, in_b], [make_doc("a1"), make_doc("b2")])
    events = select(graph, "SELECT DISTINCT ?e WHERE { ?e a sem:Event }")
    assert len(events) == 1
    counts = select(
        graph,
        """SELECT (COUNT(DISTINCT ?ev) AS ?n_ev) (COUNT(DISTINCT ?m) AS ?n_m) (COUNT(DISTINCT ?d) AS ?n_d)
           WHERE { ?e ckg:evidence ?ev ; ckg:mention ?m ; prov:wasDerivedFrom ?d }""",
    )
    assert [int(v) for v in counts[0]] == [2, 2, 2]


def test_rdf_title_and_first_sentence_of_one_document_merge() -> None:
    title = make_event("Northern Front takes Riverton", "takes", offset=0)
    body = make_event(offset=31)
    assert event_iri(title) == event_iri(body)
    graph = events_to_graph([title, body], [make_doc()])
    assert len(select(graph, "SELECT ?m WHERE { ?e ckg:mention ?m }")) == 2


@pytest.mark.parametrize(
    "other",
    [
        make_event(agents=(ARMY,)),
        make_event(places=(HILL,)),
        make_event(event_class="ArmedClash"),
        make_event(time=TimeValue(DAY.replace(day=15), DAY.replace(day=15), "day")),
        make_event(negated=True),
        make_event(hypothetical=True),
    ],
    ids=["agent", "place", "class", "date", "negated", "hypothetical"],
)
def test_rdf_events_that_differ_in_the_merge_key_stay_apart(other: Event) -> None:
    graph = events_to_graph([make_event(), other], [make_doc()])
    assert len(select(graph, "SELECT DISTINCT ?e WHERE { ?e a sem:Event }")) == 2


def test_rdf_vague_events_without_agent_or_place_do_not_merge() -> None:
    vague = {"agents": (), "places": (), "time": None, "event_class": "Assault"}
    one = make_event("There was an attack.", "attack", offset=0, **vague)  # type: ignore[arg-type]
    two = make_event("Another attack followed.", "attack", offset=30, **vague)  # type: ignore[arg-type]
    elsewhere = make_event("There was an attack.", "attack", offset=0, doc_id="b2", **vague)  # type: ignore[arg-type]
    assert len({event_iri(one), event_iri(two), event_iri(elsewhere)}) == 3


HOSTILE = [
    "Quote \" and 'single'",
    "angle > bracket < and & ampersand",
    "spaces\tand\nnew\r\nlines",
    'triple """ quotes and \\ backslash',
    "ünïcödé — 战斗 — مقاتلون",
    "control\x00char\x1b",
    "#fragment?query=1/slash%20",
    "",
]


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf", ".trig", ".nq"])
def test_rdf_hostile_names_make_valid_iris_and_round_trip(name: str, suffix: str, tmp_path: Path) -> None:
    actor = Actor(key=name, label=name or "x", sector="REB")
    place = Place(key=name, label=name or "x", lat=1.0, lon=2.0)
    event = make_event(agents=(actor,), targets=(actor,), places=(place,), doc_id=name)
    event = Event(frame=event.frame, agents=(actor,), places=(place,), time=event.time)
    doc = Document(id=name, text="", title=name)
    graph = events_to_graph([event], [doc])
    for node in set(graph.subjects()) | set(graph.objects()):
        if isinstance(node, URIRef):
            assert not any(c in str(node) for c in ' <>"{}|\\^`\n'), node
    again = read_graphs([write_graph(graph, tmp_path / f"hostile{suffix}")])
    assert isomorphic(graph, again)
    labels = {str(row[0]) for row in select(again, "SELECT ?l WHERE { ?a a sem:Actor ; rdfs:label ?l }")}
    assert labels == {(name or "x").replace("\x00", "").replace("\x1b", "")}


@pytest.mark.parametrize("name", HOSTILE)
def test_rdf_ntriples_text_is_the_same_graph_for_rdflib_and_oxigraph(name: str) -> None:
    import pyoxigraph

    actor = Actor(key=name, label=name or "x", aliases=(name + " alias",), sector="REB")
    place = Place(key=name, label=name or "x", lat=1.0, lon=2.5, geonames_id=42)
    plain = make_event(doc_id=name)
    dead = (Quantity("fatalities", 3, "3"),)
    hostile = make_event(name + " struck.", "struck", "Assault", doc_id=name, offset=80, agents=(actor,),
                         targets=(ARMY,), places=(place,), quantities=dead)  # fmt: skip
    docs = [Document(id=name, text="", title=name, url="https://example.org/" + name)]
    events = [plain, hostile, make_event(time=TimeValue(DAY, DAY.replace(day=20), "span", "this week"))]
    graph = events_to_graph(events, docs)
    text = events_to_ntriples(events, docs)
    assert len(text.splitlines()) == len(graph)
    assert isomorphic(graph, Graph().parse(data=text, format="nt"))
    store = pyoxigraph.Store()
    store.load(text, pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(graph)


def test_rdf_distinct_hostile_keys_get_distinct_iris() -> None:
    actors = [Actor(key=k, label="x") for k in HOSTILE if k]
    graph = events_to_graph([make_event(agents=tuple(actors))], [make_doc()])
    assert len(select(graph, "SELECT DISTINCT ?a WHERE { ?e ckg:agent ?a }")) == len(actors)


@pytest.mark.parametrize(
    "base",
    ["ftp://example.org/", "example.org/", "https://example.org/kg", "https://ex ample.org/", "https:///x/"],
)
def test_rdf_bad_base_iri_is_refused(base: str) -> None:
    with pytest.raises(KGError, match="base IRI"):
        events_to_graph([make_event()], [make_doc()], base)


@pytest.mark.parametrize("base", [DEFAULT_BASE_IRI, "http://example.org/kg/", "https://example.org/kg#"])
def test_rdf_good_base_iri_gives_parseable_iris(base: str) -> None:
    assert check_base_iri(base) == base
    graph = events_to_graph([make_event()], [make_doc()], base)
    assert isomorphic(graph, Graph().parse(data=graph.serialize(format="nt"), format="nt"))
    assert str(mention_iri("a1", 1, 2, base)).count("#") == 1
    assert all(str(s).startswith(base) for s in graph.subjects())


def test_rdf_unknown_event_class_is_refused_with_the_choices() -> None:
    with pytest.raises(KGError, match="Capture"):
        events_to_graph([make_event(event_class="Teleport")], [make_doc()])


def test_rdf_generated_graph_conforms_to_the_shapes() -> None:
    events = [
        make_event(quantities=(Quantity("fatalities", 3, "three"),), reported_by=None),
        make_event("Talks began.", "Talks", "Negotiation", agents=(), places=(), time=None, offset=90),
        make_event(time=TimeValue(DAY, dt.date(2030, 3, 20), "span"), agents=(ARMY,), targets=(REBELS,)),
    ]
    report = validate_graph(events_to_graph(events, [make_doc()]))
    assert report.conforms, [str(issue) for issue in report.issues]


def _break_evidence(g: Graph) -> None:
    g.remove((None, CKG.evidence, None))


def _second_category(g: Graph) -> None:
    g.add((next(g.subjects(CKG.category, None)), CKG.category, CKG.Protest))


def _wrong_category(g: Graph) -> None:
    event = next(g.subjects(CKG.category, None))
    g.set((event, CKG.category, CKG.Protest))


def _stamp_and_span(g: Graph) -> None:
    event = next(g.subjects(SEM.hasTimeStamp, None))
    g.add((event, SEM.hasBeginTimeStamp, Literal("2030-03-01", datatype=XSD.date)))


def _bad_latitude(g: Graph) -> None:
    from kg.namespaces import GEO

    g.set((next(g.subjects(GEO.lat, None)), GEO.lat, Literal("123.0", datatype=XSD.decimal)))


def _bad_date(g: Graph) -> None:
    g.set(
        (next(g.subjects(SEM.hasTimeStamp, None)), SEM.hasTimeStamp, Literal("2030-13-45", datatype=XSD.date))
    )


def _negative_count(g: Graph) -> None:
    g.add((next(g.subjects(CKG.category, None)), CKG.fatalities, Literal(-4)))


def _string_boolean(g: Graph) -> None:
    g.set((next(g.subjects(CKG.negated, None)), CKG.negated, Literal("no")))


def _unlabelled_actor(g: Graph) -> None:
    from kg.namespaces import RDFS

    g.remove((None, RDFS.label, Literal("Northern Front")))


def _document_without_identifier(g: Graph) -> None:
    from kg.namespaces import DCTERMS

    g.remove((None, DCTERMS.identifier, None))


@pytest.mark.parametrize(
    ("breakage", "reported"),
    [
        (_break_evidence, "ckg:evidence"),
        (_second_category, "ckg:category"),
        (_wrong_category, "needs ckg:category ckg:Assault"),
        (_stamp_and_span, "not both"),
        (_bad_latitude, "geo:lat"),
        (_bad_date, "sem:hasTimeStamp"),
        (_negative_count, "ckg:fatalities"),
        (_string_boolean, "ckg:negated"),
        (_unlabelled_actor, "rdfs:label"),
        (_document_without_identifier, "dcterms:identifier"),
    ],
)
def test_rdf_broken_graph_does_not_conform(breakage: object, reported: str) -> None:
    graph = events_to_graph([make_event()], [make_doc()])
    assert validate_graph(graph).conforms
    breakage(graph)  # type: ignore[operator]
    report = validate_graph(graph)
    assert not report.conforms
    assert any(reported in str(issue) for issue in report.violations()), [str(i) for i in report.issues]


@settings(max_examples=60, deadline=None)
@given(key=st.text(max_size=30), label=st.text(min_size=1, max_size=30), doc_id=st.text(min_size=1))
def test_rdf_any_text_gives_a_graph_that_round_trips(key: str, label: str, doc_id: str) -> None:
    actor = Actor(key=key, label=label)
    base = make_event(doc_id=doc_id)
    event = Event(frame=base.frame, agents=(actor,), places=(Place(key=key, label=label),), time=base.time)
    graph = events_to_graph([event], [Document(id=doc_id, text="", title=label)])
    again = Graph().parse(data=graph.serialize(format="nt"), format="nt")
    assert isomorphic(graph, again)
    direct = events_to_ntriples([event], [Document(id=doc_id, text="", title=label)])
    assert isomorphic(graph, Graph().parse(data=direct, format="nt"))
    labels = {str(row[0]) for row in select(again, "SELECT ?l WHERE { ?a a sem:Actor ; rdfs:label ?l }")}
    expected = clean_text(label) if clean_text(label).strip() else clean_text(key).strip() or "(unnamed)"
    assert labels == {expected} and expected.strip()


def test_rdf_a_places_spellings_in_the_article_are_alternative_labels() -> None:
    spelt = Place("riverton", "Riverton", geonames_id=123456, names=("Rivertown", "Rivatown"))
    graph = events_to_graph([make_event(places=(spelt,))], [make_doc()])
    rows = select(graph, "SELECT ?n WHERE { ?p a sem:Place ; skos:altLabel ?n }")
    assert sorted(str(n) for (n,) in rows) == ["Rivatown", "Rivertown"]
    assert not select(
        events_to_graph([make_event()], [make_doc()]), "SELECT ?n WHERE { ?p a sem:Place ; skos:altLabel ?n }"
    )
