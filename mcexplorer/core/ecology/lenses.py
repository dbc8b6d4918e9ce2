"""Lenses: framings of the credential-ecology plane (resources/lenses.json).

A 'quadrants' lens names the four quadrants and the axes (the credential ecology itself,
HolonIQ's futures, the landscape, the discourses); a 'list' lens (Camilleri's six scenarios)
is a list of items drawn near quadrants. No Qt here.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, model_validator

from ..base import Identifier, LongText, ShortText, StrictModel
from ..errors import ScenarioError
from ..resources import load_resource

DEFAULT_LENS = "ecology"

QuadrantPos = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
POSITIONS: tuple[QuadrantPos, ...] = ("top-left", "top-right", "bottom-left", "bottom-right")


class XAxis(StrictModel):
    left: ShortText = Field(min_length=1)
    right: ShortText = Field(min_length=1)


class YAxis(StrictModel):
    bottom: ShortText = Field(min_length=1)
    top: ShortText = Field(min_length=1)


class LensRegion(StrictModel):
    id: Identifier
    name: ShortText = Field(min_length=1)
    quadrant: QuadrantPos | None = None
    """Where the region sits on a quadrant lens."""
    near: QuadrantPos | None = None
    """For a list lens: the ecology quadrant the item is drawn near (our reading)."""
    description: LongText = ""


class Lens(StrictModel):
    """One framing of the plane. A 'quadrants' lens names the four quadrants and the axes;
    a 'list' lens (Camilleri's six scenarios) is a list of items drawn near quadrants."""

    id: Identifier
    title: ShortText = Field(min_length=1)
    source: LongText = ""
    description: LongText = ""
    kind: Literal["quadrants", "list"]
    x_axis: XAxis | None = None
    y_axis: YAxis | None = None
    regions: list[LensRegion] = Field(min_length=1, max_length=12)

    @model_validator(mode="after")
    def _check(self) -> Lens:
        ids = [r.id for r in self.regions]
        if len(set(ids)) != len(ids):
            raise ValueError(f"lens {self.id!r}: a region id appears twice")
        if self.kind == "quadrants":
            if self.x_axis is None or self.y_axis is None:
                raise ValueError(f"lens {self.id!r}: a quadrants lens needs x_axis and y_axis")
            places = sorted(r.quadrant or "" for r in self.regions)
            if places != sorted(POSITIONS):
                raise ValueError(f"lens {self.id!r}: the regions must fill each quadrant once")
        else:
            for r in self.regions:
                if r.quadrant is not None:
                    raise ValueError(f"lens {self.id!r}: list item {r.id!r} cannot own a quadrant")
        return self

    def region_at(self, position: str) -> LensRegion | None:
        for r in self.regions:
            if r.quadrant == position:
                return r
        return None

    def items_near(self, position: str) -> list[tuple[int, LensRegion]]:
        """Numbered (1-based) list items drawn near a quadrant."""
        return [(i, r) for i, r in enumerate(self.regions, start=1) if r.near == position]


class LensLibrary(StrictModel):
    source_note: LongText = ""
    lenses: list[Lens] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _check(self) -> LensLibrary:
        ids = [lens.id for lens in self.lenses]
        if len(set(ids)) != len(ids):
            raise ValueError("a lens id appears twice")
        if DEFAULT_LENS not in ids:
            raise ValueError(f"the default lens {DEFAULT_LENS!r} is missing")
        return self


@cache
def lens_library() -> LensLibrary:
    """resources/lenses.json, validated (a broken file is refused naming file and field)."""
    return load_resource("lenses.json", LensLibrary)


def lenses() -> list[Lens]:
    return list(lens_library().lenses)


def lens_ids() -> tuple[str, ...]:
    return tuple(lens.id for lens in lens_library().lenses)


def lens(lens_id: str) -> Lens:
    for item in lens_library().lenses:
        if item.id == lens_id:
            return item
    raise ScenarioError(f"unknown lens {lens_id!r} (known: {', '.join(lens_ids())})",
                        field="portfolio.lens")


def axes(lens_: Lens) -> tuple[XAxis, YAxis]:
    """The axes drawn for a lens; a list lens is drawn on the ecology plane."""
    if lens_.x_axis is not None and lens_.y_axis is not None:
        return lens_.x_axis, lens_.y_axis
    eco = lens(DEFAULT_LENS)
    assert eco.x_axis is not None and eco.y_axis is not None
    return eco.x_axis, eco.y_axis
