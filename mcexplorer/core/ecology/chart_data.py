"""What the credential-ecology map draws, as plain data from (Document, framework, Weighting):
the offerings (their names as drawn), the lens, the quadrants' shares. The window's tab,
exports and the report call ``map_data`` (through the feature's record); qt.ecology.charts
draws it.

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..weighting import SCENARIO, Weighting
from .lenses import Lens, lens as lens_of
from .mix import QUADRANTS, mix

LABEL_CHARS = 24
"""Longer names are shortened on the map (the list and tooltips show them whole)."""
OUR_PLACEMENT_LENSES = ("landscape", "discourses", "camilleri")


@dataclass(frozen=True)
class MapMarker:
    id: str
    name: str
    x: float
    y: float
    volume: float
    number: int
    """1-based position in the portfolio: the badge, also shown in the tab's list."""
    label: str = ""
    """The name as drawn (duplicates get '(2)', '(3)'...); empty means ``name``."""

    @property
    def text(self) -> str:
        """The label as drawn: long names are shortened in the middle of the name part."""
        full = self.label or self.name
        if len(self.name) <= LABEL_CHARS:
            return full
        return self.name[:LABEL_CHARS - 1].rstrip() + "\u2026" + full[len(self.name):]


@dataclass(frozen=True)
class MapData:
    lens: Lens
    markers: tuple[MapMarker, ...] = ()
    shares: dict[str, float] = field(default_factory=dict)
    """quadrant position ('top-left'...) -> share of volume 0-1 (empty: nothing to show)."""
    selected: str = ""
    message: str = ""
    """Shown over the plane (e.g. the invitation to add an offering)."""
    volume_unit: str = "learners"
    note: str = ""
    """A line under the plane (e.g. which lens and where its placement comes from)."""


def marker_labels(names: list[str]) -> list[str]:
    """Names as drawn: a name used more than once gets its occurrence number, '(2)'."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if counts[n] > 1:
            seen[n] = seen.get(n, 0) + 1
            out.append(f"{n} ({seen[n]})")
        else:
            out.append(n)
    return out


def map_data(doc: Document, framework_id: str = "", weighting: Weighting = SCENARIO,
             selected: str = "") -> MapData:
    """The offerings on the plane of the portfolio's lens, the quadrants' shares of volume, an
    invitation when there are none (no weighting matters: the portfolio is the scenario's)."""
    p = doc.scenario.portfolio
    lens = lens_of(p.lens)
    labels = marker_labels([o.name for o in p.offerings])
    markers = tuple(MapMarker(o.id, o.name, o.x, o.y, o.volume, i, label)
                    for i, (o, label) in enumerate(zip(p.offerings, labels), start=1))
    m = mix(p.offerings)
    shares: dict[str, float] = {} if m.empty else {q.position: m.share[q.id] for q in QUADRANTS}
    message = "" if markers else ("No offerings yet.\nPress \u201cAdd offering\u201d and "
                                  "drag it to where it sits.")
    unit = "planned learners" if p.volume_unit == "learners" else "learner hours"
    reading = ", axes/placement: our reading" if p.lens in OUR_PLACEMENT_LENSES else ""
    note = (f"Lens: {lens.title}{reading}  \u00b7  marker area \u221d {unit}  \u00b7  "
            "at the centre an offering counts 25% to each quadrant")
    return MapData(lens, markers, shares, selected, message, p.volume_unit, note)
