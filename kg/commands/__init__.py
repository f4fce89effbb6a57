"""One module per ``kg`` sub-command: ``add_parser(subparsers)`` registers it, ``run(args)`` runs it."""

from __future__ import annotations

__all__: list[str] = []
