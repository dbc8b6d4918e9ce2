"""The join URL as a QR code (segno: pure Python). No Qt here: the window paints the matrix."""

from __future__ import annotations

import segno


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, without the quiet zone (draw 4 modules of
    light around it). Error correction M: readable off a projector screen."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]

