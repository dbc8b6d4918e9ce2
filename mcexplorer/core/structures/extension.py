"""Registers the ``three-horizons`` extension: structures placed on the Three Horizons."""

from __future__ import annotations

from ..extensions import Extension, register
from .report import check, report
from .rules import EXTENSION_ID

EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="Three Horizons",
    check=check,
    report=report,
))
