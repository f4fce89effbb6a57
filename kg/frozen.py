"""Cheaper construction and copying of the frozen dataclasses extraction makes by the thousand.

A frozen dataclass's generated ``__init__`` stores each field through ``object.__setattr__`` (one call per
field: a 15-field ``EventFrame`` makes 15), and ``dataclasses.replace`` reads every field back and goes
through that ``__init__`` again. :func:`quick_init` gives a class an ``__init__`` with the same signature
and defaults that fills the instance dict directly; :func:`evolve` is ``dataclasses.replace`` that copies
the instance dict. Both leave the objects exactly as the dataclass machinery makes them (same fields, same
order, still frozen against assignment); they are for classes without ``__post_init__``, ``InitVar`` or
``init=False`` fields, and ``quick_init`` refuses others.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["quick_init", "evolve"]

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Replace the generated ``__init__`` of the frozen dataclass ``cls`` (apply above ``@dataclass``)."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"quick_init needs a plain dataclass without __post_init__: {cls!r}")
    params: list[str] = []
    lines: list[str] = []
    defaults: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"quick_init takes no init=False or default_factory fields: {cls!r}.{f.name}")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    d[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)  # noqa: S102  (generated from the field names, as dataclasses does)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010  (mypy: a method is not assignable)
    return cls


def evolve(obj: T, **changes: Any) -> T:
    """``dataclasses.replace(obj, **changes)`` for a dataclass ``quick_init`` accepts."""
    names = obj.__dataclass_fields__  # type: ignore[attr-defined]
    for name in changes:
        if name not in names:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    new = object.__new__(type(obj))
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new
