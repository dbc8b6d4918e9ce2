"""The room's web server: people join the workshop from their phones, on the laptop's network.

app.py      RoomServer: the aiohttp application (the join page, submissions, limits, headers)
page.py     the phone page, rendered from static/page.html (no external assets)
limits.py   per-client rate limits
running.py  run a RoomServer on a background thread (the window) or until a signal (the CLI)
network.py  the laptop's addresses (from an injectable source), the join URL, the self-test
qr.py       the QR code of the join URL (segno)
headless.py a room kept in a scenario file (``mcexplorer room serve``)

It depends on mcexplorer.core only (never on Qt): what a phone may send and the edit it makes
are core.room.phones. See docs/room-server.md for the design and its security.
"""
