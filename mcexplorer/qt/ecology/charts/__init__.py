"""The ecology tab's own charts (drawn from core.ecology data)."""
