"""The credential-ecology portfolio: offerings on the plane, lenses, mix and portfolio fit.

The plane
    x runs from bundled (-1) to unbundled (+1), y from non-credit-bearing (-1) to
    credit-bearing (+1). The four quadrants are the credential ecology of Brown et al. (2020):
    macro-credentials (credit, bundled: top left), micro-credentials (credit, unbundled: top
    right), short courses (no credit, bundled: bottom left), badges and awards (no credit,
    unbundled: bottom right).

Quadrant membership of a continuous position (soft, bilinear)
    The taxonomy allows overlaps, so an offering between quadrants splits its volume. Along
    each axis the "unbundled" (or "credit-bearing") degree is

        s(v) = clamp(0.5 + v / (2 * BAND), 0, 1)        with BAND = 0.5

    i.e. 0 at v <= -0.5, 1 at v >= +0.5, 0.5 on the axis line, linear in between. With
    u = s(x) and c = s(y) the memberships are

        macro = c (1 - u)   micro = c u   short = (1 - c)(1 - u)   badges = (1 - c) u

    They sum to 1. An offering at least half-way into a quadrant on both axes belongs to it
    wholly; one on the centre splits 25/25/25/25; one on the credit line between macro- and
    micro-credentials (x = 0, y >= 0.5) splits half and half.

Mix
    share of quadrant q = sum over offerings of volume * membership_q / total volume.

Classification (the language of Figure 3, Brown, McGreal & Peters 2023)
    * supplementary: less than half the volume is credit-bearing (macro + micro share
      < 50 %). No credit and no stackability: safe, and subordinate to the degree.
    * integrated / stackable: at least half the volume is credit-bearing AND micro-credentials
      and macro-credentials each hold at least 20 % of all volume: credit-bearing units sit
      alongside the degrees they can bridge into.
    * credit-bearing: at least half the volume is credit-bearing but one of the two sides of
      the bridge is thin (credit on offer, little to stack it into, or no small units).
    * none: no offerings yet.

Portfolio fit
    The volume-weighted mean of the quadrant fits from the ranking of the credential-ecology
    framework: sum over quadrants of share_q * fit_q (0-100). None when there are no
    offerings or every weight is zero.

Edits
    ``add_offering``, ``move_offering`` ... take a Document and return an Edit of the whole
    offerings list (new Offering objects, never mutated in place) for ``controller.push``.

No Qt here.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from .errors import ScenarioError, finite_number, require_unique_ids
from .models import (
    Identifier, LongText, Offering, Scenario, ShortText, StrictModel,
)

FRAMEWORK_ID = "credential-ecology"
DEFAULT_LENS = "ecology"
BAND = 0.5
"""Half-width of the transition band around each axis (see the module docstring)."""
CREDIT_MAJORITY = 0.5
BRIDGE_SHARE = 0.2
DEFAULT_VOLUME = 100.0
MAX_VOLUME = 1e9
MAX_OFFERINGS = 500
"""Portfolio.offerings holds at most this many (models.Portfolio)."""

QuadrantPos = Literal["top-left", "top-right", "bottom-left", "bottom-right"]


@dataclass(frozen=True)
class Quadrant:
    id: str
    """The option id of the quadrant in the credential-ecology framework."""
    name: str
    position: QuadrantPos


QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant("macro-credentials", "Macro-credentials", "top-left"),
    Quadrant("micro-credentials", "Micro-credentials", "top-right"),
    Quadrant("short-courses", "Short courses", "bottom-left"),
    Quadrant("badges-awards", "Badges and awards", "bottom-right"),
)
QUADRANT_IDS = tuple(q.id for q in QUADRANTS)
QUADRANT_AT: dict[str, Quadrant] = {q.position: q for q in QUADRANTS}


# --------------------------------------------------------------------------------------------
# Lenses
# --------------------------------------------------------------------------------------------


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
            if places != sorted(QUADRANT_AT):
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
    from .io import resources_dir

    path = resources_dir() / "lenses.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ScenarioError(f"cannot read the lenses ({exc})", file=str(path)) from None
    try:
        return LensLibrary.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        msg = err["msg"].removeprefix("Value error, ")
        raise ScenarioError(msg, file=str(path),
                            field=".".join(map(str, err["loc"])) or None) from None


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


# --------------------------------------------------------------------------------------------
# Membership, mix, classification, fit
# --------------------------------------------------------------------------------------------


def clamp(v: float) -> float:
    return min(1.0, max(-1.0, v))


def _side(v: float) -> float:
    return min(1.0, max(0.0, 0.5 + v / (2.0 * BAND)))


def membership(x: float, y: float) -> dict[str, float]:
    """Share of an offering at (x, y) that falls in each quadrant (sums to 1)."""
    u = _side(clamp(x))
    c = _side(clamp(y))
    return {"macro-credentials": c * (1 - u), "micro-credentials": c * u,
            "short-courses": (1 - c) * (1 - u), "badges-awards": (1 - c) * u}


def main_quadrant(x: float, y: float) -> str:
    m = membership(x, y)
    return max(QUADRANT_IDS, key=lambda q: m[q])


@dataclass(frozen=True)
class Mix:
    total: float
    volume: dict[str, float]
    share: dict[str, float]
    """0-1 per quadrant; all zero when there is no volume."""

    @property
    def empty(self) -> bool:
        return self.total <= 0

    @property
    def credit_share(self) -> float:
        return self.share["macro-credentials"] + self.share["micro-credentials"]


def mix(offerings: Iterable[Offering]) -> Mix:
    volume = dict.fromkeys(QUADRANT_IDS, 0.0)
    for o in offerings:
        for q, m in membership(o.x, o.y).items():
            volume[q] += o.volume * m
    total = sum(volume.values())
    share = {q: (v / total if total > 0 else 0.0) for q, v in volume.items()}
    return Mix(total, volume, share)


@dataclass(frozen=True)
class Classification:
    id: Literal["none", "supplementary", "credit-bearing", "integrated"]
    label: str
    reason: str


CLASS_LABELS = {"none": "No offerings yet", "supplementary": "Supplementary",
                "credit-bearing": "Credit-bearing", "integrated": "Integrated / stackable"}


def classify(m: Mix) -> Classification:
    """How the portfolio positions its micro-credentials, in the words of Figure 3 of Brown,
    McGreal & Peters (2023).

    The source's words describe micro-credentials, not volumes: a *supplementary* model offers
    no credit and no stackability, a *credit-bearing* one offers credit, and an *integrated*
    one offers credit and a bridge to completing a macro-credential. Figure 3 itself is not in
    the text we have, so the rule below, and its 20% thresholds, are the tool's reading.

    The *offer beyond degrees* is all volume outside the macro-credential quadrant
    (micro-credentials, short courses, badges and awards); its credit share is
    ``k = micro / (micro + short courses + badges)``.

    * none: no offerings yet; or "Degrees only" when nothing lies outside macro-credentials.
    * supplementary: ``k`` under 20% (BRIDGE_SHARE): credit-bearing micro-credentials are
      marginal and the offer beyond degrees is non-credit, non-stackable. Degree volume does
      not enter: adding or removing degrees never changes this reading.
    * integrated / stackable: ``k`` at least 20% and macro-credentials hold at least 20% of
      all volume: credit-bearing units with degrees on the map to stack into.
    * credit-bearing: ``k`` at least 20% but macro-credentials hold under 20% of all volume:
      credit on offer, little on the map to stack it into.
    """
    if m.empty:
        return Classification("none", CLASS_LABELS["none"],
                              "Add offerings to the map to see how the portfolio reads.")
    micro = m.share["micro-credentials"]
    macro = m.share["macro-credentials"]
    beyond = micro + m.share["short-courses"] + m.share["badges-awards"]
    if beyond <= 1e-9:
        return Classification(
            "none", "Degrees only",
            "Only degrees are on the map: add the micro-credentials, short courses or badges "
            "you plan beside them to see how they are positioned.")
    k = micro / beyond
    if k < BRIDGE_SHARE:
        return Classification(
            "supplementary", CLASS_LABELS["supplementary"],
            f"Only {100 * k:.0f}% of the offer beyond degrees carries credit; the rest offers "
            "no credit or stackability: safe, but it sits beside the degree rather than "
            "leading to one.")
    if macro >= BRIDGE_SHARE:
        return Classification(
            "integrated", CLASS_LABELS["integrated"],
            f"{100 * k:.0f}% of the offer beyond degrees is credit-bearing micro-credentials, "
            f"with degrees ({100 * macro:.0f}% of all volume) on the map for them to stack into.")
    degrees = (f"degrees hold only {100 * macro:.0f}% of all volume" if macro >= 0.005
               else "there are no degrees on the map")
    return Classification(
        "credit-bearing", CLASS_LABELS["credit-bearing"],
        f"{100 * k:.0f}% of the offer beyond degrees carries credit, but {degrees}, so there "
        "is little for that credit to stack into.")


def quadrant_fits(doc) -> dict[str, float | None]:
    """Fit (0-100) of each quadrant under the current weights and ratings."""
    ranking = doc.ranking(FRAMEWORK_ID)
    return {q: ranking.fit_of(q) for q in QUADRANT_IDS}


def weighted_fit(m: Mix, fits: Mapping[str, float | None]) -> float | None:
    """sum share_q * fit_q, or None when there is no volume or no fit (all weights zero)."""
    if m.empty or any(fits.get(q) is None for q in QUADRANT_IDS):
        return None
    return sum(m.share[q] * float(fits[q]) for q in QUADRANT_IDS)  # type: ignore[arg-type]


def offering_fit(o: Offering, fits: Mapping[str, float | None]) -> float | None:
    if any(fits.get(q) is None for q in QUADRANT_IDS):
        return None
    shares = membership(o.x, o.y)
    return sum(w * float(fits[q]) for q, w in shares.items())  # type: ignore[arg-type]


def portfolio_fit(doc) -> float | None:
    return weighted_fit(mix(doc.scenario.portfolio.offerings), quadrant_fits(doc))


NO_OFFERINGS = "add an offering to the map"
NO_WEIGHTS = "set at least one weight"


def portfolio_fit_note(doc) -> str:
    """Why there is no portfolio fit ('' when there is one)."""
    if not doc.scenario.portfolio.offerings:
        return NO_OFFERINGS
    if not doc.ranking(FRAMEWORK_ID).has_weight:
        return NO_WEIGHTS
    return ""


# --------------------------------------------------------------------------------------------
# Checking and reporting
# --------------------------------------------------------------------------------------------


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse an unknown lens or two offerings with one id (positions are checked by the
    model: an offering outside [-1, 1] is refused with its field)."""
    portfolio = scenario.portfolio
    if portfolio.lens not in lens_ids():
        raise ScenarioError(f"unknown lens {portfolio.lens!r} (known: {', '.join(lens_ids())})",
                            file=file, field="portfolio.lens")
    require_unique_ids(portfolio.offerings, "offering", "portfolio.offerings", file)


def report(doc) -> dict:
    """The portfolio section of ``score --json``."""
    p = doc.scenario.portfolio
    fits = quadrant_fits(doc)
    m = mix(p.offerings)
    c = classify(m)
    fit = weighted_fit(m, fits)
    offerings = []
    for o in p.offerings:
        entry = o.model_dump()
        entry["membership"] = {q: round(v, 6) for q, v in membership(o.x, o.y).items()}
        of = offering_fit(o, fits)
        entry["fit"] = None if of is None else round(of, 4)
        offerings.append(entry)
    return {
        "lens": p.lens,
        "volume_unit": p.volume_unit,
        "offerings": offerings,
        "total_volume": m.total,
        "mix": {q: round(100 * m.share[q], 4) for q in QUADRANT_IDS},
        "mix_volume": {q: round(m.volume[q], 6) for q in QUADRANT_IDS},
        "classification": {"id": c.id, "label": c.label, "reason": c.reason},
        "quadrant_fit": {q: (None if f is None else round(f, 4)) for q, f in fits.items()},
        "portfolio_fit": None if fit is None else round(fit, 4),
        "portfolio_fit_note": portfolio_fit_note(doc),
    }


# --------------------------------------------------------------------------------------------
# Edits
# --------------------------------------------------------------------------------------------


def _offerings(doc) -> list[Offering]:
    return list(doc.scenario.portfolio.offerings)


def find(doc, offering_id: str) -> Offering:
    for o in doc.scenario.portfolio.offerings:
        if o.id == offering_id:
            return o
    raise ScenarioError(f"unknown offering {offering_id!r}", field="portfolio.offerings")


def _index(doc, offering_id: str) -> int:
    for i, o in enumerate(doc.scenario.portfolio.offerings):
        if o.id == offering_id:
            return i
    raise ScenarioError(f"unknown offering {offering_id!r}", field="portfolio.offerings")


def _edit(doc, offerings: list[Offering], text: str, merge_key: Hashable | None = None):
    return doc.make_edit(("portfolio", "offerings"), offerings, text, FRAMEWORK_ID, merge_key)




def _name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise ScenarioError("a name cannot be empty", field="offering name")
    if len(name) > 200:
        raise ScenarioError("a name is limited to 200 characters", field="offering name")
    return name


def _volume(volume) -> float:
    v = finite_number(volume, "offering volume")
    if not 0 < v <= MAX_VOLUME:
        raise ScenarioError(f"{v:g} must be above 0 and at most {MAX_VOLUME:g}",
                            field="offering volume")
    return v


def new_id(doc, name: str) -> str:
    """A unique slug for a new offering (names may repeat, ids never do)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-") or "offering"
    taken = {o.id for o in doc.scenario.portfolio.offerings}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def default_name(doc) -> str:
    names = {o.name for o in doc.scenario.portfolio.offerings}
    n = len(names) + 1
    while f"Offering {n}" in names:
        n += 1
    return f"Offering {n}"


def free_spot(doc, x: float = 0.0, y: float = 0.0) -> tuple[float, float]:
    """(x, y) or the nearest point on a small spiral around it that no offering occupies."""
    taken = [(o.x, o.y) for o in doc.scenario.portfolio.offerings]
    for k in range(60):
        r = 0.12 * math.sqrt(k)
        a = k * 2.39996  # golden angle
        px, py = clamp(x + r * math.cos(a)), clamp(y + r * math.sin(a))
        if all(math.hypot(px - tx, py - ty) > 0.08 for tx, ty in taken):
            return round(px, 3), round(py, 3)
    return x, y


def add_offering(doc, name: str | None = None, x: float | None = None, y: float | None = None,
                 volume: float = DEFAULT_VOLUME):
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


def added_offering_id(edit) -> str:
    """The id of the offering an add_offering edit creates."""
    return edit.new[-1].id


def _replace(doc, offering_id: str, text: str, merge_key: Hashable | None = None, **changes):
    offerings = _offerings(doc)
    i = _index(doc, offering_id)
    offerings[i] = Offering(**{**offerings[i].model_dump(), **changes})
    return _edit(doc, offerings, text, merge_key)


def move_offering(doc, offering_id: str, x: float, y: float, gesture: Hashable = None):
    """Move an offering; positions off the plane are clamped to [-1, 1]. Moves with the same
    gesture (one mouse drag, one held arrow key) merge into one undo step."""
    x = clamp(finite_number(x, "offering x"))
    y = clamp(finite_number(y, "offering y"))
    o = find(doc, offering_id)
    key = None if gesture is None else ("move-offering", offering_id, gesture)
    return _replace(doc, offering_id, f"Move {o.name}", key, x=x, y=y)


def rename_offering(doc, offering_id: str, name: str):
    name = _name(name)
    o = find(doc, offering_id)
    return _replace(doc, offering_id, f"Rename {o.name} to {name}", name=name)


def resize_offering(doc, offering_id: str, volume: float, gesture: Hashable = None):
    volume = _volume(volume)
    o = find(doc, offering_id)
    key = None if gesture is None else ("resize-offering", offering_id, gesture)
    return _replace(doc, offering_id, f"Volume of {o.name}", key, volume=volume)


def delete_offering(doc, offering_id: str):
    o = find(doc, offering_id)
    offerings = [x for x in _offerings(doc) if x.id != offering_id]
    return _edit(doc, offerings, f"Delete {o.name}")


def set_lens(doc, lens_id: str):
    item = lens(lens_id)
    return doc.make_edit(("portfolio", "lens"), lens_id, f"Lens: {item.title}", FRAMEWORK_ID)


def set_volume_unit(doc, unit: str):
    if unit not in ("learners", "hours"):
        raise ScenarioError(f"{unit!r} is not 'learners' or 'hours'", field="portfolio.volume_unit")
    return doc.make_edit(("portfolio", "volume_unit"), unit, "Volume unit", FRAMEWORK_ID)
