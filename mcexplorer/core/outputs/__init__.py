"""What leaves the room: file names, caption lines, CSV tables and the workshop report's
content, all from plain values (no Qt here; the Qt layer draws the charts into them)."""
