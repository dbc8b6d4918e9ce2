"""`make bench`: performance figures for mcexplorer, kept out of the installed package.
Run from the repository root: ``python -m benchmarks.run``."""
