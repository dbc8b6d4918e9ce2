"""Pydantic models for frameworks (read-only data) and scenarios (what a planner edits and saves).

A *framework* is data, not code: criteria with a scale and a direction, options rated on every
criterion. A *scenario* holds the planner's settings for each framework (weights, targets,
edited ratings, radar selection) plus the portfolio and horizon sketches of the later tabs.

No Qt here.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1
"""Version of the scenario file format written by this build."""

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", strict=True)
]
ShortText = Annotated[str, StringConstraints(max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Weight = Annotated[float, Field(ge=0.0, le=100.0)]
Direction = Literal["benefit", "cost", "target"]

WEIGHT_MAX = 100.0


class StrictModel(BaseModel):
    """Base for every file model: unknown keys and non-finite numbers are refused."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)


# --------------------------------------------------------------------------------------------
# Frameworks
# --------------------------------------------------------------------------------------------


class Criterion(StrictModel):
    """Something that matters when judging options; weighted by the planner."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    short_name: ShortText = ""
    description: LongText = ""
    direction: Direction
    scale: tuple[float, float]
    levels: dict[str, float] = Field(default_factory=dict)
    """Named points on the scale, e.g. LOW=1, MED=2, HIGH=3 (Table 2)."""
    default_weight: Weight = 50.0
    default_target: float | None = None
    literature_share: float | None = Field(default=None, ge=0.0, le=100.0)
    """Share of the literature naming this criterion (percent), where a source gives one."""
    source: ShortText = ""

    @model_validator(mode="after")
    def _check(self) -> Criterion:
        lo, hi = self.scale
        if not lo < hi:
            raise ValueError(f"scale [{lo}, {hi}] must have lo < hi")
        for label, value in self.levels.items():
            if not lo <= value <= hi:
                raise ValueError(f"level {label}={value} lies outside the scale [{lo}, {hi}]")
        if self.direction == "target":
            if self.default_target is None:
                raise ValueError("a target criterion needs a default_target")
            if not lo <= self.default_target <= hi:
                raise ValueError(f"default_target {self.default_target} lies outside [{lo}, {hi}]")
        elif self.default_target is not None:
            raise ValueError("only a target criterion has a default_target")
        return self

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def value_of(self, label: str) -> float:
        """Value of a level label; 'LOW/MED' is the midpoint of LOW and MED."""
        return level_value(self.levels, label, self.id)

    def label_of(self, value: float) -> str:
        """The level label for a value, a slash label for a midpoint, else the number."""
        return level_label(self.levels, value)


class Rating(StrictModel):
    """How an option scores on one criterion, with where the number comes from."""

    value: float
    label: ShortText = ""
    rationale: LongText = ""
    source: ShortText = ""


class Option(StrictModel):
    """One of the things being compared (a business model, a quadrant, a structure)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    short_name: ShortText = ""
    description: LongText = ""
    example: ShortText = ""
    strengths: LongText = ""
    weaknesses: LongText = ""
    ratings: dict[str, Rating]
    attributes: dict[str, float | ShortText] = Field(default_factory=dict)
    """Framework-specific facts that are not ratings (e.g. the horizon a structure serves)."""

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Framework(StrictModel):
    """A decision framework: criteria, options and the ratings of each option on each criterion.

    In a file, a rating may be written as a level label ("LOW/MED"), a number, or a full
    Rating object with rationale; labels are resolved against the criterion's levels.
    """

    id: Identifier
    title: ShortText = Field(min_length=1)
    method: Literal["weighted-utility"] = "weighted-utility"
    description: LongText = ""
    source: LongText = ""
    provenance: Literal["published", "authored-default"] = "published"
    """Whether the ratings are a source's figures or the app's editable defaults."""
    criteria: list[Criterion] = Field(min_length=1, max_length=500)
    options: list[Option] = Field(min_length=1, max_length=5000)

    @model_validator(mode="before")
    @classmethod
    def _resolve_labels(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        criteria = data.get("criteria")
        options = data.get("options")
        if not isinstance(criteria, list) or not isinstance(options, list):
            return data
        by_id = {}
        for c in criteria:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                by_id[c["id"]] = c
            elif isinstance(c, Criterion):
                by_id[c.id] = c.model_dump()
        new_options = []
        for opt in options:
            if isinstance(opt, dict) and isinstance(opt.get("ratings"), dict):
                ratings = {}
                for cid, r in opt["ratings"].items():
                    if isinstance(r, str):
                        crit = by_id.get(cid)
                        if crit is None:
                            raise ValueError(f"option {opt.get('id')!r} rates unknown criterion {cid!r}")
                        levels = crit.get("levels") if isinstance(crit.get("levels"), dict) else {}
                        r = {"value": level_value(levels, r, cid), "label": r}
                    elif isinstance(r, (int, float)) and not isinstance(r, bool):
                        r = {"value": r}
                    ratings[cid] = r
                opt = {**opt, "ratings": ratings}
            new_options.append(opt)
        return {**data, "options": new_options}

    @model_validator(mode="after")
    def _check(self) -> Framework:
        crit_ids = [c.id for c in self.criteria]
        _require_unique(crit_ids, "criterion")
        _require_unique([o.id for o in self.options], "option")
        scales = {c.id: c.scale for c in self.criteria}
        for opt in self.options:
            missing = [c for c in crit_ids if c not in opt.ratings]
            if missing:
                raise ValueError(f"option {opt.id!r} has no rating for {', '.join(missing)}")
            for cid, rating in opt.ratings.items():
                if cid not in scales:
                    raise ValueError(f"option {opt.id!r} rates unknown criterion {cid!r}")
                lo, hi = scales[cid]
                if not lo <= rating.value <= hi:
                    raise ValueError(
                        f"option {opt.id!r} rating {cid}={rating.value:g} lies outside [{lo:g}, {hi:g}]"
                    )
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


def level_value(levels: dict[str, float], label: str, criterion_id: str) -> float:
    """Value of a level label such as 'MED'; 'LOW/MED' is the midpoint of LOW and MED."""
    upper = {str(k).upper(): v for k, v in levels.items()}
    try:
        values = [float(upper[p.strip().upper()]) for p in label.split("/")]
    except (KeyError, TypeError, ValueError):
        raise ValueError(
            f"unknown level {label!r} for criterion {criterion_id!r}"
            f" (known: {', '.join(map(str, levels)) or 'none'})"
        ) from None
    return sum(values) / len(values)


def level_label(levels: dict[str, float], value: float) -> str:
    """The inverse of level_value: 'MED' for 2, 'LOW/MED' for 1.5, else the number."""
    for label, v in levels.items():
        if math.isclose(v, value):
            return label
    items = sorted(levels.items(), key=lambda kv: kv[1])
    for (a, va), (b, vb) in zip(items, items[1:]):
        if math.isclose((va + vb) / 2, value):
            return f"{a}/{b}"
    return f"{value:g}"


def _require_unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} id {i!r} appears twice")
        seen.add(i)


# --------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------


class FrameworkSettings(StrictModel):
    """The planner's settings for one framework. Missing weights and targets take defaults."""

    weights: dict[str, Weight] = Field(default_factory=dict)
    targets: dict[str, float] = Field(default_factory=dict)
    rating_overrides: dict[str, dict[str, float]] = Field(default_factory=dict)
    """Edited ratings: option id -> criterion id -> value. Absent means the default."""
    selected: list[str] | None = None
    """Options shown on the radar; None means the top three by fit."""


class Offering(StrictModel):
    """A planned offering placed on the credential-ecology plane (issue: ecology tab)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    x: float = Field(ge=-1.0, le=1.0)
    """Bundled (-1) to unbundled (+1)."""
    y: float = Field(ge=-1.0, le=1.0)
    """Non-credit-bearing (-1) to credit-bearing (+1)."""
    volume: float = Field(gt=0.0, le=1e9)
    """Planned learner volume (or hours, see Portfolio.volume_unit): the marker's size."""


class Portfolio(StrictModel):
    offerings: list[Offering] = Field(default_factory=list, max_length=500)
    lens: Identifier = "ecology"
    """Which framing the map shows (ids in resources/lenses.json)."""
    volume_unit: Literal["learners", "hours"] = "learners"


class Split(StrictModel):
    """Shares of effort or budget on H1, H2 and H3, in percent, summing to 100."""

    h1: float = Field(ge=0.0, le=100.0)
    h2: float = Field(ge=0.0, le=100.0)
    h3: float = Field(ge=0.0, le=100.0)

    @model_validator(mode="after")
    def _sums_to_100(self) -> Split:
        total = self.h1 + self.h2 + self.h3
        if abs(total - 100.0) > 0.01:
            raise ValueError(f"h1 + h2 + h3 must be 100, found {total:g}")
        return self


class Initiative(StrictModel):
    """One of the institution's own initiatives placed on the Three Horizons chart."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    time: float = Field(ge=0.0, le=1.0)
    """Position along the time axis: 0 now, 1 the far future."""
    horizon: float = Field(ge=1.0, le=3.0)
    """Which curve it sits on: 1 = H1, 2 = H2, 3 = H3; values between lie between curves."""
    size: float = Field(default=1.0, gt=0.0, le=1e9)
    """Relative effort or budget; the observed split weights initiatives by it."""


class HorizonsPlan(StrictModel):
    initiatives: list[Initiative] = Field(default_factory=list, max_length=500)
    balance: Split = Field(default_factory=lambda: Split(h1=70.0, h2=20.0, h3=10.0))
    """The intended split of effort or budget."""
    reference: Split = Field(default_factory=lambda: Split(h1=70.0, h2=20.0, h3=10.0))
    """A reference split to compare with (70/20/10 is common practice, not from the sources)."""
    locked: Literal["h1", "h2", "h3"] | None = None
    """A share kept fixed while the other two rebalance."""


class Scenario(StrictModel):
    """What a scenario file holds."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    title: ShortText = "Untitled scenario"
    notes: LongText = ""
    frameworks: dict[str, FrameworkSettings] = Field(default_factory=dict)
    portfolio: Portfolio = Field(default_factory=Portfolio)
    horizons: HorizonsPlan = Field(default_factory=HorizonsPlan)
    definitions: list[Framework] = Field(default_factory=list, max_length=20)
    """Frameworks carried in the file itself (besides the built-in ones)."""
