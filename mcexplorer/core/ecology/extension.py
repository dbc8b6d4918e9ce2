"""Registers the ``ecology-map`` extension: a framework whose options are the four quadrants."""

from __future__ import annotations

from ..extensions import Extension, register
from .mix import EXTENSION_ID, QUADRANT_IDS
from .report import check, report

EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="credential-ecology map",
    options=QUADRANT_IDS,
    check=check,
    report=lambda doc, fid: {"portfolio": report(doc, fid)},
))
