"""The structures tab's own charts (drawn from core.structures data)."""
