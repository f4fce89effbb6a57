"""Vocabularies as rdflib ``DefinedNamespace`` classes with ``_fail = True``: a misspelt term raises.

``CKG`` is the conflict-kg ontology (``ontology/conflict.ttl``); every term used in generated data must
be declared both here and there (``tests/test_ontology.py`` checks both directions).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.eventclasses import EVENT_CLASSES, TOP_CATEGORIES

__all__ = [
    "CKG",
    "SEM",
    "GEO",
    "PROV",
    "DCTERMS",
    "RDF",
    "RDFS",
    "OWL",
    "SKOS",
    "XSD",
    "GEONAMES",
    "PREFIXES",
    "CKG_IRI",
    "EVENT_CLASSES",
    "TOP_CATEGORIES",
]

CKG_IRI = "https://w3id.org/conflict-kg/ontology#"


class CKG(DefinedNamespace):
    """The conflict-kg ontology."""

    _fail = True
    _NS = Namespace(CKG_IRI)

    # --- classes: events ---------------------------------------------------------------------------
    ConflictEvent: URIRef
    # PLOVER top-level categories (16) + Displacement
    Agree: URIRef
    Consult: URIRef
    Support: URIRef
    Concede: URIRef
    Cooperate: URIRef
    Aid: URIRef
    Retreat: URIRef
    Request: URIRef
    Accuse: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilize: URIRef
    Coerce: URIRef
    Assault: URIRef
    Displacement: URIRef
    # finer classes for conflict news
    Capture: URIRef
    Siege: URIRef
    ArmedClash: URIRef
    AirStrike: URIRef
    Shelling: URIRef
    Bombing: URIRef
    Killing: URIRef
    Abduction: URIRef
    Arrest: URIRef
    Withdrawal: URIRef
    Surrender: URIRef
    Evacuation: URIRef
    Deployment: URIRef
    Ceasefire: URIRef
    Negotiation: URIRef
    PrisonerRelease: URIRef
    # --- classes: other nodes ----------------------------------------------------------------------
    Document: URIRef
    Mention: URIRef
    # --- properties --------------------------------------------------------------------------------
    agent: URIRef
    target: URIRef
    category: URIRef
    evidence: URIRef
    mention: URIRef
    triggerText: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    negated: URIRef
    hypothetical: URIRef
    reportedBy: URIRef
    fatalities: URIRef
    injuries: URIRef
    troopCount: URIRef
    displacedCount: URIRef
    prisonerCount: URIRef
    peopleCount: URIRef
    timeExpression: URIRef
    timePrecision: URIRef
    timeDerived: URIRef
    sector: URIRef
    actorKind: URIRef
    country: URIRef
    featureKind: URIRef
    admin1: URIRef
    geonamesId: URIRef
    cameoCode: URIRef
    acledEventType: URIRef
    acledSubEventType: URIRef
    ploverCategory: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model (van Hage et al.), the subset conflict-kg uses."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    eventType: URIRef


GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GEONAMES = Namespace("https://sws.geonames.org/")

PREFIXES: dict[str, str] = {
    "sem": str(SEM._NS),
    "ckg": CKG_IRI,
    "geo": str(GEO),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
}
