"""Nothing is lost: a killed or interrupted `kg build --store` leaves a usable store; a rerun completes it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import Store

pytestmark = pytest.mark.slow

N_DOCS = 160


def _corpus(path: Path, n: int = N_DOCS) -> Path:
    places = ["Gao", "Mopti", "Kidal", "Goma", "Bunia", "Marib", "Taiz", "Kherson"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            place = places[i % len(places)]
            text = (
                f"Report {i}\n\nGunmen attacked a police post in {place} on Tuesday, "
                f"killing {i % 7 + 1} officers, officials said. The army later deployed troops to {place}."
            )
            fh.write(json.dumps({"id": f"r{i:04d}", "date": "2024-02-01", "text": text}) + "\n")
    return path


def _start(corpus: Path, store: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--batch-size", "4", "-q"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _run(corpus: Path, store: Path) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "-q"]
    return subprocess.run(cmd, capture_output=True, timeout=600, check=False)


def _wait_for_work(store: Path, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    """Wait until the build has committed into its store: past the store's creation, its files grow."""
    deadline = time.monotonic() + seconds

    def size() -> int:
        return sum(p.stat().st_size for p in store.rglob("*") if p.is_file())

    while time.monotonic() < deadline and proc.poll() is None and not (store / "CURRENT").exists():
        time.sleep(0.1)
    time.sleep(0.5)
    created = size()
    while time.monotonic() < deadline and proc.poll() is None and size() <= created:
        time.sleep(0.1)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A clean, uninterrupted build of the corpus: its size is what every recovered store must reach."""
    base = tmp_path_factory.mktemp("reference")
    corpus = _corpus(base / "corpus.jsonl")
    done = _run(corpus, base / "store")
    assert done.returncode == 0, done.stderr.decode()
    with Store(base / "store") as store:
        assert len(store.document_ids()) == N_DOCS
        return corpus, len(store)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_reliability_killed_store_build_reruns_to_completion(
    tmp_path: Path, reference: tuple[Path, int], sig: signal.Signals
) -> None:
    corpus, triples = reference
    store_dir = tmp_path / "store"
    proc = _start(corpus, store_dir)
    _wait_for_work(store_dir, proc)
    proc.send_signal(sig)
    code = proc.wait(timeout=120)
    assert code != 0  # it really was stopped before finishing
    with Store(store_dir) as store:  # still opens and answers queries
        partial = store.document_ids()
        assert len(partial) < N_DOCS
        (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(row["n"].value) == len(store)
    rerun = _run(corpus, store_dir)
    assert rerun.returncode == 0, rerun.stderr.decode()
    with Store(store_dir) as store:
        assert len(store.document_ids()) == N_DOCS
        assert len(store) == triples  # nothing doubled, nothing missing


def test_reliability_ctrl_c_prints_summary_and_exits_130(tmp_path: Path, reference: tuple[Path, int]) -> None:
    corpus, _ = reference
    store_dir = tmp_path / "store"
    proc = _start(corpus, store_dir)
    _wait_for_work(store_dir, proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert b"interrupted" in err
    assert b"Traceback" not in err
    with Store(store_dir) as store:
        assert len(store.document_ids()) < N_DOCS
