"""``python -m convgrad`` is the ``convgrad`` command."""

from convgrad.cli import main

raise SystemExit(main())
