"""`python -m poa`: the command line."""

from poa.cli import main

raise SystemExit(main())
