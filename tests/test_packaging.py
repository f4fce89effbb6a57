"""The wheel carries everything the package reads at run time (ontology, data tables, queries, templates)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("conflict_kg-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def _repo_files(folder: str, pattern: str) -> list[Path]:
    return sorted((REPO / folder).glob(pattern))


def test_packaging_wheel_has_the_ontology(wheel_names: set[str]) -> None:
    ttl = _repo_files("ontology", "*.ttl")
    assert ttl, "ontology/ has no Turtle files"
    for path in ttl:
        assert f"kg/ontology/{path.name}" in wheel_names


@pytest.mark.parametrize("folder", ["kg/data", "kg/queries", "kg/templates"])
def test_packaging_wheel_has_package_data(wheel_names: set[str], folder: str) -> None:
    files = [p for p in _repo_files(folder, "*") if p.is_file() and p.suffix != ".pyc"]
    for path in files:
        assert path.relative_to(REPO).as_posix() in wheel_names


def test_packaging_console_script_and_typed_marker(wheel_names: set[str]) -> None:
    assert "kg/py.typed" in wheel_names
    entry_points = next(n for n in wheel_names if n.endswith(".dist-info/entry_points.txt"))
    assert entry_points


def test_packaging_version_matches_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from kg import __version__
    from kg.cli import main

    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out
    assert f'version = "{__version__}"' in (REPO / "pyproject.toml").read_text()
