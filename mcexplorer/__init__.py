"""mcexplorer: a desktop scenario explorer for micro-credential strategy."""

__version__ = "0.1.0"
