"""Pydantic models for frameworks (read-only data) and scenarios (what a planner edits and saves).

A *framework* is data, not code: criteria with a scale and a direction, options rated on every
criterion. A *scenario* holds the planner's settings for each framework (weights, targets,
edited ratings, radar selection) plus the sections that feature packages define (their
``models`` modules depend only on ``core.base``, so the file format is declared in one place).

No Qt here.
"""

from __future__ import annotations

import itertools
import math
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator
from pydantic.json_schema import SkipJsonSchema

from . import sections
from .base import Identifier, LongText, Number, ShortText, StrictModel, Weight, WholeNumber
from .ecology.models import Portfolio
from .leadership_risks.models import Leadership, Risks
from .room.models import MAX_PARTICIPANTS, GroupSettings, Participant
from .structures.models import HorizonsPlan

SCHEMA_VERSION = 3
"""Version of the scenario file format written by this build."""

SCALE_LIMIT = 1e15
"""A criterion's scale lies within -SCALE_LIMIT..SCALE_LIMIT: every figure on it (the span, a
target slider's round steps, a rating printed in full) stays an ordinary finite number, and
the window, the exports and ``validate`` accept the same files."""

Direction = Literal["benefit", "cost", "target"]
Method = Literal["weighted-utility", "register"]
"""How a framework is read: options ranked by weighted utility, or a register that carries no
criteria, options or ratings and ranks nothing (its extension's view and report are all of it)."""


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
    scale: tuple[Number, Number]
    levels: dict[str, Number] = Field(default_factory=dict)
    """Named points on the scale, e.g. LOW=1, MED=2, HIGH=3 (Table 2)."""
    default_weight: Weight = 50.0
    default_target: Number | None = None
    literature_share: Number | None = Field(default=None, ge=0.0, le=100.0)
    """Share of the literature naming this criterion (percent), where a source gives one."""
    source: ShortText = ""

    @model_validator(mode="after")
    def _check(self) -> Criterion:
        lo, hi = self.scale
        if not lo < hi:
            raise ValueError(f"scale [{lo}, {hi}] must have lo < hi")
        if max(abs(lo), abs(hi)) > SCALE_LIMIT:
            raise ValueError(f"scale [{lo:g}, {hi:g}] reaches beyond {SCALE_LIMIT:g}; a scale's "
                             f"ends lie within -{SCALE_LIMIT:g} to {SCALE_LIMIT:g}")
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

    value: Number
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
    attributes: dict[str, Number | ShortText] = Field(default_factory=dict)
    """Framework-specific facts that are not ratings (e.g. the horizon a structure serves)."""

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Framework(StrictModel):
    """A decision framework: criteria, options and the ratings of each option on each criterion.

    In a file, a rating may be written as a level label ("LOW/MED"), a number, or a full
    Rating object with rationale; labels are resolved against the criterion's levels. An
    option's ratings are a mapping (criterion id -> rating) or, in the compact form, a list
    with one rating per criterion in the criteria's order.

    A ``register`` framework has empty criteria and options (so no ratings, weights or
    ranking: its ranking is empty) and names the extension whose view and report it is.
    """

    id: Identifier
    title: ShortText = Field(min_length=1)
    method: Method = "weighted-utility"
    description: LongText = ""
    source: LongText = ""
    provenance: Literal["published", "authored-default", "user"] = "published"
    """Whether the ratings are a source's figures, the app's editable defaults, or the
    planner's own framework (built in the app or imported from their file)."""
    extension: Identifier | None = None
    """The feature that adds views and rules to this framework (see core.extensions); a
    plain framework has none and gets the generic tab."""
    order: int = Field(default=100, ge=0, le=10_000)
    """Place in the tab order (lower first; ties by id)."""
    key_question: Identifier | None = None
    """Which of the paper's five key questions this framework helps answer (positioning,
    leadership, structures, business-models, risks); the workshop report files it there.
    None: the report lists it after the five."""
    criteria: list[Criterion] = Field(max_length=500)
    options: list[Option] = Field(max_length=5000)
    """Both required; both empty in a register."""

    @property
    def ranked(self) -> bool:
        """True when the options are ranked (weighted utility); False for a register."""
        return self.method == "weighted-utility"

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
        order = [c.get("id") if isinstance(c, dict) else getattr(c, "id", None)
                 for c in criteria]
        for opt in options:
            if isinstance(opt, dict) and isinstance(opt.get("ratings"), list):
                opt = {**opt, "ratings": _by_position(opt, order)}
            if isinstance(opt, dict) and isinstance(opt.get("ratings"), dict):
                ratings = {}
                for cid, r in opt["ratings"].items():
                    if isinstance(r, str):
                        crit = by_id.get(cid)
                        if crit is None:
                            raise ValueError(f"option {opt.get('id')!r} rates unknown "
                                             f"criterion {cid!r}")
                        given = crit.get("levels")
                        levels: dict[str, float] = given if isinstance(given, dict) else {}
                        r = {"value": level_value(levels, r, cid), "label": r}
                    elif isinstance(r, (int, float)) and not isinstance(r, bool):
                        r = {"value": r}
                    ratings[cid] = r
                opt = {**opt, "ratings": ratings}
            new_options.append(opt)
        return {**data, "options": new_options}

    @model_validator(mode="after")
    def _check(self) -> Framework:
        if self.method == "register":
            if self.criteria or self.options:
                raise ValueError("a register framework has no criteria and no options "
                                 "(it ranks nothing)")
            if self.extension is None:
                raise ValueError("a register framework needs the extension that shows it")
            return self
        if not self.criteria:
            raise ValueError("a weighted-utility framework needs at least one criterion")
        if not self.options:
            raise ValueError("a weighted-utility framework needs at least one option")
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
                        f"option {opt.id!r} rating {cid}={rating.value:g} "
                        f"lies outside [{lo:g}, {hi:g}]"
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


def _by_position(option: dict[str, Any], order: list[object]) -> dict[str, object]:
    """Ratings written as a list (one per criterion, in the criteria's order: the compact
    form core.file_format writes) as the mapping criterion id -> rating."""
    ratings = option["ratings"]
    if len(ratings) != len(order):
        raise ValueError(f"option {option.get('id')!r} has {len(ratings)} ratings for "
                         f"{len(order)} criteria (a list of ratings holds one per criterion, "
                         "in the criteria's order)")
    if not all(isinstance(cid, str) for cid in order):
        raise ValueError("every criterion needs an id")
    return dict(zip(order, ratings))  # type: ignore[arg-type]


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
    for (a, va), (b, vb) in itertools.pairwise(items):
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
    targets: dict[str, Number] = Field(default_factory=dict)
    rating_overrides: dict[str, dict[str, Number]] = Field(default_factory=dict)
    """Edited ratings: option id -> criterion id -> value. Absent means the default."""
    rating_notes: dict[str, dict[str, LongText]] = Field(default_factory=dict)
    """The planner's own note on why a rating is what it is: option id -> criterion id."""
    selected: list[str] | None = None
    """Options shown on the radar; None means the top three by fit."""
    notes: LongText = ""
    """The planner's notes on this framework (the notes box under its tab; in the report)."""


MAX_SNAPSHOTS = 50


class SnapshotSettings(StrictModel):
    """What a snapshot keeps (core.room): the per-framework settings, the participants and
    the group method; not the portfolio, the initiatives or the other snapshots."""

    frameworks: dict[str, FrameworkSettings] = Field(default_factory=dict)
    participants: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    group: GroupSettings = Field(default_factory=GroupSettings)


class Snapshot(StrictModel):
    """The settings at one moment, kept under a name inside the scenario file."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    created: datetime
    settings: SnapshotSettings


class ViewSettings(StrictModel):
    """Whose weighting the window shows (core.view): ``scenario``, ``group`` or
    ``person:`` and a participant's id, for every framework, and per framework where one
    differs. Absent from a
    file until something is picked, so a file without a pick stays readable by older builds."""

    weighting: ShortText | None = None
    """For every framework; None: the group's (the scenario's own with nobody in the room)."""
    frameworks: dict[str, ShortText] = Field(default_factory=dict)
    """Framework id -> the weighting that framework shows instead."""

    @property
    def is_set(self) -> bool:
        return self.weighting is not None or bool(self.frameworks)


class Scenario(StrictModel):
    """What a scenario file holds."""

    schema_version: WholeNumber = Field(default=SCHEMA_VERSION, ge=1)
    title: ShortText = "Untitled scenario"
    notes: LongText = ""
    frameworks: dict[str, FrameworkSettings] = Field(default_factory=dict)
    portfolio: Portfolio = Field(default_factory=Portfolio)
    horizons: HorizonsPlan = Field(default_factory=HorizonsPlan)
    definitions: list[Framework] = Field(default_factory=list, max_length=20)
    """Frameworks carried in the file itself (besides the built-in ones)."""
    participants: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    group: GroupSettings = Field(default_factory=GroupSettings)
    snapshots: list[Snapshot] = Field(default_factory=list, max_length=MAX_SNAPSHOTS)
    leadership: Leadership = Field(default_factory=Leadership)
    """Leadership approach, team, culture (core.leadership_risks)."""
    risks: Risks = Field(default_factory=Risks)
    """The risk register and plan B (core.leadership_risks); new ones hold the paper's risks."""
    view: ViewSettings = Field(default_factory=ViewSettings)
    """Whose weighting is in view (core.view); written only once something is picked."""
    features: SkipJsonSchema[dict[str, Any]] = Field(default_factory=dict)
    """The sections of features Scenario does not declare, by name (core.sections): in the
    file, each at the top level like the ones above (never a key of the file itself)."""

    @model_validator(mode="before")
    @classmethod
    def _gather_feature_sections(cls, data: Any) -> Any:
        return sections.gather(data, cls.model_fields)

    @model_serializer(mode="wrap")
    def _leave_out_unset_view(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and not self.view.is_set:
            data.pop("view", None)
        return sections.spread(data)
