"""The room tab's own charts (drawn from core.room data)."""
