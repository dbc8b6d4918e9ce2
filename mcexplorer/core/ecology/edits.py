"""Edits of the portfolio: offerings added, moved, renamed, resized, deleted; lens and unit.

Each function takes a Document and returns an Edit of the whole offerings list (new Offering
objects, never mutated in place) for ``controller.push``; nothing changes until it is applied.
No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING

from ..edits import Edit
from ..errors import ScenarioError, finite_number
from ..values import clean_name, slug, unique_id
from .lenses import lens
from .mix import clamp, framework_id
from .models import Offering

if TYPE_CHECKING:
    from ..document import Document

DEFAULT_VOLUME = 100.0
MAX_VOLUME = 1e9
MAX_OFFERINGS = 500
"""Portfolio.offerings holds at most this many (ecology.models.Portfolio)."""


def _offerings(doc: Document) -> list[Offering]:
    return list(doc.scenario.portfolio.offerings)


def find(doc: Document, offering_id: str) -> Offering:
    for o in doc.scenario.portfolio.offerings:
        if o.id == offering_id:
            return o
    raise ScenarioError(f"unknown offering {offering_id!r}", field="portfolio.offerings")


def _index(doc: Document, offering_id: str) -> int:
    for i, o in enumerate(doc.scenario.portfolio.offerings):
        if o.id == offering_id:
            return i
    raise ScenarioError(f"unknown offering {offering_id!r}", field="portfolio.offerings")


def _edit(doc: Document, offerings: list[Offering], text: str,
          merge_key: Hashable | None = None) -> Edit:
    return doc.make_edit(("portfolio", "offerings"), offerings, text, framework_id(doc) or "",
                         merge_key)




def _name(name: str) -> str:
    return clean_name(name, "offering name")


def _volume(volume: object) -> float:
    v = finite_number(volume, "offering volume")
    if not 0 < v <= MAX_VOLUME:
        raise ScenarioError(f"{v:g} must be above 0 and at most {MAX_VOLUME:g}",
                            field="offering volume")
    return v


def new_id(doc: Document, name: str) -> str:
    """A unique slug for a new offering (names may repeat, ids never do)."""
    return unique_id(slug(name, "offering"), (o.id for o in doc.scenario.portfolio.offerings))


def default_name(doc: Document) -> str:
    names = {o.name for o in doc.scenario.portfolio.offerings}
    n = len(names) + 1
    while f"Offering {n}" in names:
        n += 1
    return f"Offering {n}"


FREE_GAP = 0.32
"""Centres of a new offering and any other at least this far apart: two of the largest
markers (radius 0.15 on the map) side by side, not on top of each other."""


def free_spot(doc: Document, x: float = 0.0, y: float = 0.0) -> tuple[float, float]:
    """(x, y), or the nearest point on a spiral around it at least FREE_GAP from every
    offering; when the plane is that full, the point farthest from all of them."""
    taken = [(o.x, o.y) for o in doc.scenario.portfolio.offerings]
    best: tuple[float, float, float] | None = None
    for k in range(120):
        r = 0.17 * math.sqrt(k)
        a = k * 2.39996  # golden angle
        px, py = round(clamp(x + r * math.cos(a)), 3), round(clamp(y + r * math.sin(a)), 3)
        nearest = min((math.hypot(px - tx, py - ty) for tx, ty in taken), default=math.inf)
        if nearest >= FREE_GAP:
            return px, py
        if best is None or nearest > best[0]:
            best = (nearest, px, py)
    assert best is not None
    return best[1], best[2]


def add_offering(doc: Document, name: str | None = None, x: float | None = None,
                 y: float | None = None,
                 volume: float = DEFAULT_VOLUME) -> Edit:
    """Add an offering; without a position it goes to a free spot near the centre."""
    offerings = _offerings(doc)
    if len(offerings) >= MAX_OFFERINGS:
        raise ScenarioError(f"a portfolio holds at most {MAX_OFFERINGS} offerings",
                            field="portfolio.offerings")
    name = default_name(doc) if name is None else _name(name)
    if x is None or y is None:
        x, y = free_spot(doc)
    x = clamp(finite_number(x, "offering x"))
    y = clamp(finite_number(y, "offering y"))
    offering = Offering(id=new_id(doc, name), name=name, x=x, y=y, volume=_volume(volume))
    return _edit(doc, offerings + [offering], f"Add offering {name}")


def added_offering_id(edit: Edit) -> str:
    """The id of the offering an add_offering edit creates."""
    return str(edit.new[-1].id)


def _replace(doc: Document, offering_id: str, text: str, merge_key: Hashable | None = None,
             **changes: object) -> Edit:
    offerings = _offerings(doc)
    i = _index(doc, offering_id)
    offerings[i] = Offering(**{**offerings[i].model_dump(), **changes})
    return _edit(doc, offerings, text, merge_key)


def move_offering(doc: Document, offering_id: str, x: float, y: float,
                  gesture: Hashable = None) -> Edit:
    """Move an offering; positions off the plane are clamped to [-1, 1]. Moves with the same
    gesture (one mouse drag, one held arrow key) merge into one undo step."""
    x = clamp(finite_number(x, "offering x"))
    y = clamp(finite_number(y, "offering y"))
    o = find(doc, offering_id)
    key = None if gesture is None else ("move-offering", offering_id, gesture)
    return _replace(doc, offering_id, f"Move {o.name}", key, x=x, y=y)


def rename_offering(doc: Document, offering_id: str, name: str) -> Edit:
    name = _name(name)
    o = find(doc, offering_id)
    return _replace(doc, offering_id, f"Rename {o.name} to {name}", name=name)


def resize_offering(doc: Document, offering_id: str, volume: float,
                    gesture: Hashable = None) -> Edit:
    volume = _volume(volume)
    o = find(doc, offering_id)
    key = None if gesture is None else ("resize-offering", offering_id, gesture)
    return _replace(doc, offering_id, f"Volume of {o.name}", key, volume=volume)


def delete_offering(doc: Document, offering_id: str) -> Edit:
    o = find(doc, offering_id)
    offerings = [x for x in _offerings(doc) if x.id != offering_id]
    return _edit(doc, offerings, f"Delete {o.name}")


def set_lens(doc: Document, lens_id: str) -> Edit:
    item = lens(lens_id)
    return doc.make_edit(("portfolio", "lens"), lens_id, f"Lens: {item.title}",
                         framework_id(doc) or "")


def set_volume_unit(doc: Document, unit: str) -> Edit:
    if unit not in ("learners", "hours"):
        raise ScenarioError(f"{unit!r} is not 'learners' or 'hours'", field="portfolio.volume_unit")
    return doc.make_edit(("portfolio", "volume_unit"), unit, "Volume unit", framework_id(doc) or "")
