"""The Three Horizons tab (core.structures shown and edited)."""
