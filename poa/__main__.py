"""Run poa as `python -m poa`."""

from poa.cli import main

raise SystemExit(main())
