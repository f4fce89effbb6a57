"""Event classes and their PLOVER top categories as plain dicts (no rdflib), for code that must stay
free of RDF dependencies (resolution); :mod:`kg.namespaces` re-exports both unchanged."""

from __future__ import annotations

__all__ = ["TOP_CATEGORIES", "EVENT_CLASSES", "MATERIAL_CATEGORIES"]

# The PLOVER top category (and Displacement) of every event class; the ontology says the same with
# rdfs:subClassOf, and tests/test_ontology.py checks the two agree.
TOP_CATEGORIES: tuple[str, ...] = (
    "Agree",
    "Consult",
    "Support",
    "Concede",
    "Cooperate",
    "Aid",
    "Retreat",
    "Request",
    "Accuse",
    "Reject",
    "Threaten",
    "Protest",
    "Sanction",
    "Mobilize",
    "Coerce",
    "Assault",
    "Displacement",
)
EVENT_CLASSES: dict[str, str] = {name: name for name in TOP_CATEGORIES} | {
    "Capture": "Assault",
    "Siege": "Assault",
    "ArmedClash": "Assault",
    "AirStrike": "Assault",
    "Shelling": "Assault",
    "Bombing": "Assault",
    "Killing": "Assault",
    "Abduction": "Assault",
    "Arrest": "Coerce",
    "Withdrawal": "Retreat",
    "Surrender": "Retreat",
    "Evacuation": "Retreat",
    "Deployment": "Mobilize",
    "Ceasefire": "Retreat",
    "Negotiation": "Consult",
    "PrisonerRelease": "Retreat",
}

# force used or a crowd gathered at a scene: a named place acted on is where it happened ("attacked Abu
# Dhabi"), and a later sentence's use of force happened there too; words against a state (accusing,
# threatening, sanctioning it) happen elsewhere
MATERIAL_CATEGORIES = frozenset({"Assault", "Coerce", "Protest"})
