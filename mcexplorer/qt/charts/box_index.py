"""Boxes on a chart, found by where they are: label placement asks "which boxes may overlap
this one?" for every candidate place of every name, and reading every box placed so far made
the first showing of 500 names quadratic (9.5 s on the ecology map, 15 s on the Three
Horizons). The boxes sit in a grid of cells about a name's size; a question reads only the
cells its box covers. Plain arithmetic, no Qt.

A box is ``(left, right, bottom, top)``. ``near`` returns the boxes in the order they were
added. ``overlap_sums`` weighs every candidate place of a name against the boxes near all of
them at once (numpy), instead of one pair at a time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

Box = tuple[float, float, float, float]

MAX_CELLS = 256
"""A box covering more cells than this (or a question that does) is kept aside and read
every time: a few huge boxes cost less than thousands of cells."""


class BoxIndex:
    """Boxes filed by grid cell; ``near(box)`` is every box that may overlap ``box``."""

    def __init__(self, cell_w: float, cell_h: float, boxes: Iterable[Box] = ()) -> None:
        ok = (math.isfinite(cell_w) and math.isfinite(cell_h) and cell_w > 0 and cell_h > 0)
        self._cw, self._ch = (cell_w, cell_h) if ok else (1.0, 1.0)
        self._boxes: list[Box] = []
        self._array = np.zeros((16, 4))
        """The same boxes as rows, for overlap_sums (grown by doubling)."""
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._wide: list[int] = []
        """Boxes too big (or not finite) to file by cell: always read."""
        for box in boxes:
            self.add(box)

    def __len__(self) -> int:
        return len(self._boxes)

    def __getitem__(self, k: int) -> Box:
        return self._boxes[k]

    def _span(self, box: Box) -> tuple[int, int, int, int] | None:
        left, right, bottom, top = box
        try:
            i0, i1 = math.floor(left / self._cw), math.floor(right / self._cw)
            j0, j1 = math.floor(bottom / self._ch), math.floor(top / self._ch)
        except (OverflowError, ValueError):  # infinite or NaN: no cell holds it
            return None
        if (i1 - i0 + 1) * (j1 - j0 + 1) > MAX_CELLS:
            return None
        return i0, i1, j0, j1

    def add(self, box: Box) -> int:
        """File ``box``; its index (the order of addition)."""
        k = len(self._boxes)
        self._boxes.append(box)
        if k == len(self._array):
            self._array = np.concatenate([self._array, np.zeros_like(self._array)])
        self._array[k] = box
        span = self._span(box)
        if span is None:
            self._wide.append(k)
            return k
        i0, i1, j0, j1 = span
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                self._cells.setdefault((i, j), []).append(k)
        return k

    def near_indices(self, box: Box) -> list[int]:
        """Indices of the boxes that may overlap ``box``, in the order they were added."""
        span = self._span(box)
        if span is None:
            return list(range(len(self._boxes)))
        i0, i1, j0, j1 = span
        found: set[int] = set(self._wide)
        cells = self._cells
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                hit = cells.get((i, j))
                if hit:
                    found.update(hit)
        return sorted(found)

    def near(self, box: Box) -> list[Box]:
        boxes = self._boxes
        return [boxes[k] for k in self.near_indices(box)]

    def near_all(self, boxes: Sequence[Box] | np.ndarray, skip: int | None = None) -> np.ndarray:
        """The boxes (rows) that may overlap any of ``boxes``, but the one numbered ``skip``."""
        if len(boxes) == 0 or not self._boxes:
            return np.zeros((0, 4))
        b = np.asarray(boxes, dtype=float)
        around = (float(b[:, 0].min()), float(b[:, 1].max()), float(b[:, 2].min()),
                  float(b[:, 3].max()))
        found = self.near_indices(around)
        if skip is not None and skip in found:
            found.remove(skip)
        return self._array[found]


def box_overlap(a: Box, b: Box) -> float:
    """The area two boxes share (0 when they only touch or are apart)."""
    w = min(a[1], b[1]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[2], b[2])
    return w * h if w > 0 and h > 0 else 0.0


def overlap_sums(candidates: Sequence[Box] | np.ndarray,
                 others: Sequence[Box] | np.ndarray) -> np.ndarray:
    """For each candidate box, the total area it shares with ``others``."""
    if len(others) == 0 or len(candidates) == 0:
        return np.zeros(len(candidates))
    c = np.asarray(candidates, dtype=float)
    o = np.asarray(others, dtype=float)
    w = np.minimum(c[:, 1:2], o[None, :, 1]) - np.maximum(c[:, 0:1], o[None, :, 0])
    h = np.minimum(c[:, 3:4], o[None, :, 3]) - np.maximum(c[:, 2:3], o[None, :, 2])
    return np.where((w > 0) & (h > 0), w * h, 0.0).sum(axis=1)
