"""The pure core of mcexplorer: models, scoring, file I/O and edits. No Qt import here."""
