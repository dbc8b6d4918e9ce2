"""`python -m mcexplorer` is the same as the `mcexplorer` command."""

import sys

from mcexplorer.cli import main

sys.exit(main())
