"""The ontology: parses, agrees with kg.namespaces both ways, documents every term, covers generated data."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, Quantity, TimeValue
from kg.namespaces import CKG, CKG_IRI, EVENT_CLASSES, OWL, RDF, RDFS, SKOS, TOP_CATEGORIES, XSD
from kg.ontology import load_ontology, load_shapes, ontology_dir
from kg.rdf import events_to_graph

ONT = load_ontology()
NAMESPACE_TERMS = {name for name in CKG.__annotations__ if not name.startswith("_")}
DECLARED = {
    str(s)[len(CKG_IRI) :]
    for s in ONT.subjects(RDF.type, None)
    if isinstance(s, URIRef) and str(s).startswith(CKG_IRI) and str(s) != CKG_IRI
}
# ACLED event types and their sub-event types (ACLED codebook, 2023 and later)
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip
# terms generated data may use without the ontology declaring them
CORE = {RDF.type, RDFS.label, OWL.sameAs}


def test_ontology_files_are_found_and_parse() -> None:
    folder = ontology_dir()
    assert (folder / "conflict.ttl").is_file() and (folder / "shapes.ttl").is_file()
    assert (URIRef(CKG_IRI.rstrip("#")), RDF.type, OWL.Ontology) in ONT
    assert len(set(load_shapes().subjects(RDF.type, SH.NodeShape))) >= 5


def test_ontology_declares_every_namespace_term() -> None:
    assert set() == NAMESPACE_TERMS - DECLARED


def test_ontology_declares_nothing_missing_from_the_namespace() -> None:
    assert set() == DECLARED - NAMESPACE_TERMS


@pytest.mark.parametrize("term", sorted(NAMESPACE_TERMS))
def test_ontology_term_has_label_comment_and_definition(term: str) -> None:
    node = getattr(CKG, term)
    for prop in (RDFS.label, RDFS.comment, SKOS.definition):
        values = list(ONT.objects(node, prop))
        assert len(values) == 1, f"ckg:{term} needs exactly one {prop}"
        assert isinstance(values[0], Literal) and values[0].language == "en" and len(str(values[0])) > 2


@pytest.mark.parametrize(("name", "parent"), sorted(EVENT_CLASSES.items()))
def test_ontology_class_hierarchy_agrees_with_event_classes(name: str, parent: str) -> None:
    expected = CKG.ConflictEvent if name == parent else getattr(CKG, parent)
    assert set(ONT.objects(getattr(CKG, name), RDFS.subClassOf)) == {expected}
    assert (getattr(CKG, name), RDF.type, OWL.Class) in ONT


def test_ontology_top_categories_are_exactly_the_direct_subclasses() -> None:
    direct = {str(s)[len(CKG_IRI) :] for s in ONT.subjects(RDFS.subClassOf, CKG.ConflictEvent)}
    assert direct == set(TOP_CATEGORIES)
    assert len(TOP_CATEGORIES) == 17  # 16 PLOVER categories + Displacement
    assert (
        CKG.ConflictEvent,
        RDFS.subClassOf,
        URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"),
    ) in ONT


@pytest.mark.parametrize("name", sorted(EVENT_CLASSES))
def test_ontology_mappings_are_well_formed(name: str) -> None:
    node = getattr(CKG, name)
    codes = [str(code) for code in ONT.objects(node, CKG.cameoCode)]
    assert all(re.fullmatch(r"\d{2,4}", code) for code in codes), codes
    if name not in ("Displacement", "Evacuation"):  # no CAMEO counterpart, documented in the ontology
        assert codes, f"ckg:{name} has no ckg:cameoCode"
    types = [str(t) for t in ONT.objects(node, CKG.acledEventType)]
    subs = {str(t) for t in ONT.objects(node, CKG.acledSubEventType)}
    assert len(types) <= 1 and set(types) <= set(ACLED)
    if subs:
        assert types and subs <= ACLED[types[0]], (types, subs)
    if name in TOP_CATEGORIES and name != "Displacement":
        assert [str(v) for v in ONT.objects(node, CKG.ploverCategory)] == [name.upper()]


@pytest.mark.parametrize("name", sorted(set(EVENT_CLASSES) - set(TOP_CATEGORIES)))
def test_ontology_fine_class_code_falls_under_its_category(name: str) -> None:
    """A fine class's CAMEO code lies under one its PLOVER category lists (Ceasefire 0871, Retreat 087)."""
    parent = getattr(CKG, EVENT_CLASSES[name])
    assert (getattr(CKG, name), RDFS.subClassOf, parent) in ONT
    codes = [str(c) for c in ONT.objects(getattr(CKG, name), CKG.cameoCode)]
    roots = [str(c) for c in ONT.objects(parent, CKG.cameoCode)]
    assert all(any(code.startswith(root) for root in roots) for code in codes), (codes, roots)


@pytest.mark.parametrize(
    ("name", "code", "acled_sub"),
    [
        ("Capture", "192", "Non-state actor overtakes territory"),
        ("AirStrike", "195", "Air/drone strike"),
        ("Shelling", "194", "Shelling/artillery/missile attack"),
        ("ArmedClash", "193", "Armed clash"),
        ("Abduction", "181", "Abduction/forced disappearance"),
        ("Arrest", "173", "Arrests"),
        ("Ceasefire", "0871", "Agreement"),
        ("Protest", "14", "Peaceful protest"),
    ],
)
def test_ontology_known_mappings(name: str, code: str, acled_sub: str) -> None:
    assert Literal(code) in set(ONT.objects(getattr(CKG, name), CKG.cameoCode))
    assert Literal(acled_sub) in set(ONT.objects(getattr(CKG, name), CKG.acledSubEventType))


def _full_graph() -> Graph:
    day = dt.date(2031, 1, 2)
    frame = EventFrame(
        doc_id="d",
        sentence="Witnesses said gunmen abducted nine aid workers near Eastport.",
        sentence_start=0,
        trigger=Mention("abducted", 22, 30, "TRIGGER"),
        event_class="Abduction",
        quantities=tuple(
            Quantity(kind, 9, "nine")
            for kind in ("fatalities", "injuries", "troops", "displaced", "prisoners", "people")
        ),
    )
    actor = Actor("gunmen", "gunmen", sector="REB", country="ZZZ", kind="group", aliases=("attackers",))
    place = Place("eastport", "Eastport", geonames_id=99, lat=1.0, lon=2.0, country="ZZZ", admin1="Coast")
    event = Event(
        frame=frame,
        agents=(actor,),
        targets=(Actor("aid-workers", "aid workers", sector="NGO"),),
        places=(place,),
        time=TimeValue(day, day, "day", "on Friday"),
        reported_by=Actor("witnesses", "witnesses", sector="CVL"),
    )
    return events_to_graph([event], [Document("d", "", day, "Title", "https://news.example/x")])


def test_ontology_declares_every_term_generated_data_uses() -> None:
    graph = _full_graph()
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    undeclared = {term for term in used if term not in CORE and not set(ONT.objects(term, RDF.type))}
    assert undeclared == set()
    assert CKG.peopleCount in used and CKG.reportedBy in used and SKOS.altLabel in used


def test_ontology_properties_have_the_declared_datatypes() -> None:
    graph = _full_graph()
    checked = 0
    for prop in ONT.subjects(RDF.type, OWL.DatatypeProperty):
        expected = ONT.value(prop, RDFS.range)
        if expected is None:
            continue
        for value in graph.objects(None, prop):
            assert isinstance(value, Literal)
            assert (value.datatype or XSD.string) == expected, (prop, value)
            checked += 1
    assert checked > 20
