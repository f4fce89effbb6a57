"""Shared fixtures. The trained pipeline is loaded once per test session."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "afp_kandahar_2021-08-13.txt"
PLOVER = SHARED / "data" / "plover_gsr_cameo.json"


def _present(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    """The trained model exactly as spaCy loads it, no conflict-kg components."""
    from kg.nlp import model_name

    return spacy.load(model_name())


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full conflict-kg pipeline (paragraph breaks, gazetteer ruler, event frames)."""
    from kg.nlp import load_pipeline

    return load_pipeline(gazetteer=_present("kg.gazetteer"), events=_present("kg.extract"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The real AFP article in ../shared/seed; tests that need it skip when ../shared is absent."""
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside the repository")
    return SEED


@pytest.fixture(scope="session")
def plover_path() -> Path:
    if not PLOVER.is_file():
        pytest.skip("../shared/data/plover_gsr_cameo.json is not beside the repository")
    return PLOVER


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"
