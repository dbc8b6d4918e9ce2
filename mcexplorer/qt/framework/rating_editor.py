"""One editor for a rating on a criterion's scale, used by the options table and the dialogs
that add an option or a criterion: the scale's words where it names levels (LOW, LOW/MED,
MED ...; a slash is the midpoint), else a number on the scale."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QWidget

from ...core.models import Criterion

MAX_CHOICES = 41
"""Levels and their midpoints listed at most; a longer scale is edited as a number."""


def choices(c: Criterion) -> list[tuple[str, float]]:
    """The values a rating can take on a scale with levels: each level and each midpoint
    between neighbours, low to high, in the scale's words."""
    values = sorted(set(c.levels.values()))
    points = []
    for a, b in itertools.pairwise(values):
        points += [a, (a + b) / 2]
    points += values[-1:]
    return [(c.label_of(v), v) for v in points]


def rating_editor(c: Criterion, parent: QWidget | None = None) -> QWidget:
    """A combo box of the scale's words, or a spin box on [lo, hi] where it has none; either
    starts at the middle of the scale."""
    if c.levels and len(c.levels) * 2 - 1 <= MAX_CHOICES:
        combo = QComboBox(parent)
        for text, value in choices(c):
            combo.addItem(text, value)
        set_rating_editor_value(combo, (c.scale[0] + c.scale[1]) / 2)
        return combo
    spin = QDoubleSpinBox(parent)
    lo, hi = c.scale
    spin.setRange(lo, hi)
    span = hi - lo
    spin.setDecimals(2 if span <= 10 else 1 if span <= 1000 else 0)
    spin.setSingleStep(0.5 if span <= 20 else 1.0 if span <= 200 else span / 100)
    spin.setValue((lo + hi) / 2)
    return spin


def set_rating_editor_value(editor: QWidget, value: float) -> None:
    if isinstance(editor, QComboBox):
        if editor.count():
            best = min(range(editor.count()), key=lambda i: abs(editor.itemData(i) - value))
            editor.setCurrentIndex(best)
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(value)


def rating_editor_value(editor: QWidget) -> float | None:
    if isinstance(editor, QComboBox):
        value = editor.currentData()
        return None if value is None else float(value)
    if isinstance(editor, QDoubleSpinBox):
        return float(editor.value())
    return None
