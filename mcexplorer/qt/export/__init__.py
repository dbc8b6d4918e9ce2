"""What leaves the room from the window: the export dialog, export all, the report."""
