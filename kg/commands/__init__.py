"""One module per ``kg`` sub-command: ``add_parser(subparsers)`` registers it, ``run(args)`` runs it."""

from __future__ import annotations

import argparse

__all__ = ["positive_int"]


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1 (a usage error otherwise)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number
