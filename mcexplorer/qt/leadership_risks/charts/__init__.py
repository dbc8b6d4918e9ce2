"""The leadership risks tab's own charts (drawn from core.leadership_risks data)."""
