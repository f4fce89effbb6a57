"""``kg serve``: a SPARQL 1.1 Protocol endpoint over graphs or a store, run by Oxigraph's own server.

The ``oxigraph`` binary comes with the ``oxigraph`` PyPI package (a dependency). Graph files are loaded
into a temporary store first; a ``kg build --store`` directory is served as it is. The server is
read-only unless ``allow_update``, listens on loopback unless told otherwise, answers queries over the
union of the documents' named graphs, and stops with the handle (or Ctrl-C).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from kg.errors import InputError, StoreError

__all__ = ["ServerHandle", "oxigraph_binary", "free_port", "start_server"]


def oxigraph_binary() -> str:
    """The Oxigraph server executable installed with the ``oxigraph`` package."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).is_file():
        raise StoreError("the oxigraph server is not installed; run `pip install oxigraph==0.5.13`")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _check_port(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as err:
            raise StoreError(
                f"cannot listen on {host}:{port}: {err.strerror or err}; the port is in use or not allowed — "
                "choose another with --port"
            ) from None


@dataclass
class ServerHandle:
    """A running Oxigraph server; ``stop()`` (or leaving the ``with`` block) ends it."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    location: Path
    log: IO[bytes]
    scratch: Path | None = None
    allow_update: bool = False
    _stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _location(sources: Sequence[str | Path]) -> tuple[Path, Path | None]:
    paths = [Path(s) for s in sources]
    if not paths:
        raise InputError("nothing to serve; give graph files or a store directory")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0], None
    if any(p.is_dir() for p in paths):
        raise InputError("give either one store directory or graph files, not both")
    from kg.store import Store

    scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    with Store(scratch / "store") as store:
        for path in paths:
            store.bulk_load(path)
    return scratch / "store", scratch


def _wait(handle: ServerHandle, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if handle.process.poll() is not None:
            handle.log.flush()
            tail = Path(handle.log.name).read_text("utf-8", "replace")[-800:]
            handle.stop()
            raise StoreError(f"the oxigraph server stopped at start-up: {tail.strip() or 'no message'}")
        try:
            with urllib.request.urlopen(f"{handle.query_url}?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    handle.stop()
    raise StoreError(f"the oxigraph server did not answer on {handle.url} within {seconds:g} s")


def start_server(
    sources: Sequence[str | Path],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    allow_update: bool = False,
    timeout: float | None = None,
    startup_seconds: float = 30,
) -> ServerHandle:
    """Start Oxigraph on ``host:port`` (0 = a free port) over graph files or a store directory."""
    _check_port(host, port) if port else None
    location, scratch = _location(sources)
    port = port or free_port(host)
    command = [oxigraph_binary(), "serve" if allow_update else "serve-read-only", "--location", str(location),
               "--bind", f"{host}:{port}", "--union-default-graph"]  # fmt: skip
    if timeout:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    log = tempfile.NamedTemporaryFile(prefix="kg-serve-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    handle = ServerHandle(process, host, port, location, log, scratch, allow_update)
    _wait(handle, startup_seconds)
    return handle
