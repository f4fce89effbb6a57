"""``python -m kg`` is the same as the ``kg`` command."""

from __future__ import annotations

import sys

from kg.cli import main

sys.exit(main())
