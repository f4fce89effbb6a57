"""The ``kg`` command line: thin wrappers over library functions.

Each sub-command lives in ``kg/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``.
Exit codes: 0 success, 1 error (bad input, failed query, unwritable output...), 2 usage error,
130 interrupted (Ctrl-C). A :class:`~kg.errors.KGError` is printed as ``kg: error: MESSAGE`` without a
traceback; anything else is a bug and shows one.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import KGError

__all__ = ["main", "build_parser", "COMMANDS", "EXIT_OK", "EXIT_ERROR", "EXIT_USAGE", "EXIT_INTERRUPTED"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# sub-command name -> module under kg.commands (kept in the order shown by ``kg --help``)
COMMANDS: tuple[str, ...] = ("build", "query", "view", "validate", "export", "eval", "serve", "push")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news text about armed conflict into an event knowledge graph.",
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 130 interrupted. See README.md.",
    )
    parser.add_argument("--version", action="version", version=f"conflict-kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"kg.commands.{name}":
                continue  # command not built yet
            raise
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except KGError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `kg query ... | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
