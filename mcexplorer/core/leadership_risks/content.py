"""The content of the leadership-and-risks feature: resources/leadership-risks.json, validated.

Every list item carries where it comes from: ``reading`` is "published" (then ``source`` cites
Brown, McGreal & Peters 2023 and ``passage`` is a short verbatim phrase locating the passage) or
"our reading" (then ``source`` starts with "Our reading"). A file that breaks a rule is refused
with one line naming the file, the field and the problem. ``content()`` loads and caches it.

No Qt here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, Protocol, TypeVar

from pydantic import Field, ValidationError, model_validator

from mcexplorer.core.base import Identifier, LongText, ShortText, StrictModel
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.paths import resources_dir

FRAMEWORK_ID = "leadership-risks"
CONTENT_FILE = "leadership-risks.json"
REFERENCE = "Brown, McGreal & Peters 2023"
"""How a published item's source starts (users see the reference, never a seed number)."""
OUR_READING = "Our reading"

POSITIONINGS = ("supplementary", "credit-bearing", "integrated")
"""The positioning readings of the credential-ecology tab that have a profile ("none" has not)."""
Positioning = Literal["supplementary", "credit-bearing", "integrated"]
CATEGORIES = ("reputation", "recruitment", "revenue", "other")
Category = Literal["reputation", "recruitment", "revenue", "other"]
KEY_QUESTIONS = ("positioning", "leadership", "structures", "business-models", "risks")
"""The paper's five key questions, in its order."""
LEADER_CHOICES = ("background", "origin")
GOVERNANCE_CHOICES = ("oversight", "engagement", "strategy")
CULTURE_MIN, CULTURE_MAX = 0, 4
LEVEL_MIN, LEVEL_MAX = 1, 5

CultureValue = Annotated[int, Field(strict=True, ge=CULTURE_MIN, le=CULTURE_MAX)]
RiskLevel = Annotated[int, Field(strict=True, ge=LEVEL_MIN, le=LEVEL_MAX)]
Text = Annotated[str, Field(min_length=1, max_length=200)]


class Sourced(StrictModel):
    """An item with its source: a passage of the paper, or the tool's own reading."""

    source: LongText = Field(min_length=1)
    passage: ShortText = ""
    reading: Literal["published", "our reading"]

    @model_validator(mode="after")
    def _sourced(self) -> Sourced:
        if self.reading == "published":
            if not self.source.startswith(REFERENCE):
                raise ValueError(f"a published item's source must start with {REFERENCE!r}")
            if not self.passage:
                raise ValueError("a published item needs the passage it rests on")
        elif not self.source.startswith(OUR_READING):
            raise ValueError(f"an item of our reading must say so: its source starts with "
                             f"{OUR_READING!r}")
        return self


class KeyQuestion(Sourced):
    id: Identifier
    question: Text


class Approach(Sourced):
    """A leadership style or practice the paper names."""

    id: Identifier
    name: Text
    family: Identifier
    """laissez-faire, transactional or transformative: what the positioning check compares."""
    description: LongText = Field(min_length=1)
    qualities: list[Text] = Field(default_factory=list)


class Family(Sourced):
    id: Identifier
    name: Text
    level: int = Field(strict=True, ge=0, le=10)


class PositioningLink(Sourced):
    """Which family of leadership a positioning calls for."""

    positioning: Positioning
    needs: Identifier
    message: LongText = Field(min_length=1)


class ChoiceOption(Sourced):
    id: Identifier
    name: Text
    description: LongText = Field(min_length=1)


class Choice(Sourced):
    """One decision with its options (who leads; from where; oversight ...)."""

    id: Identifier
    name: Text
    options: list[ChoiceOption] = Field(min_length=2)

    def option(self, option_id: str) -> ChoiceOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


class TeamRole(Sourced):
    id: Identifier
    name: Text
    description: LongText = Field(min_length=1)
    key: bool = False
    """A role the paper stresses (crucial, cannot be underestimated, around the table)."""
    gap: Text
    """What is missing while the role is vacant, in a few words ("no CFO around the table")."""
    warning: LongText = Field(min_length=1)
    """Why it matters, in our words, from the passage cited."""


class ScaleLevel(StrictModel):
    value: int = Field(strict=True, ge=CULTURE_MIN, le=CULTURE_MAX)
    label: Text


class Principle(Sourced):
    id: Identifier
    name: Text
    description: LongText = Field(min_length=1)


class NeededProfile(Sourced):
    """The tool's reading of how embedded each principle needs to be for a positioning."""

    positioning: Positioning
    ratings: dict[str, CultureValue]
    rationale: LongText = Field(min_length=1)


class RiskCategory(Sourced):
    id: Category
    name: Text
    description: LongText = Field(min_length=1)


class RiskTemplate(Sourced):
    """A risk the paper names, with the tool's default likelihood and impact."""

    id: Identifier
    category: Category
    text: Text
    likelihood: RiskLevel
    impact: RiskLevel
    rating_rationale: LongText = Field(min_length=1)
    suggested_mitigation: LongText = ""


class PlanBNote(Sourced):
    description: LongText = Field(min_length=1)


class Content(StrictModel):
    id: Literal["leadership-risks"]
    title: Text
    reference: LongText = Field(min_length=1)
    source_note: LongText = ""
    key_questions: list[KeyQuestion] = Field(min_length=5, max_length=5)
    approaches: list[Approach] = Field(min_length=1)
    families: list[Family] = Field(min_length=1)
    positioning_links: list[PositioningLink]
    leader_choices: list[Choice]
    governance_choices: list[Choice]
    team_roles: list[TeamRole] = Field(min_length=1, max_length=100)
    culture_scale: list[ScaleLevel]
    culture_scale_source: LongText = Field(min_length=1)
    principles: list[Principle] = Field(min_length=3, max_length=100)
    needed_profiles: list[NeededProfile]
    risk_categories: list[RiskCategory]
    risk_scale_source: LongText = Field(min_length=1)
    risks: list[RiskTemplate] = Field(max_length=200)
    plan_b: PlanBNote

    @model_validator(mode="after")
    def _check(self) -> Content:
        for name in ("key_questions", "approaches", "families", "leader_choices",
                     "governance_choices", "team_roles", "principles", "risks"):
            _unique([item.id for item in getattr(self, name)], name)
        for choice in self.leader_choices + self.governance_choices:
            _unique([o.id for o in choice.options], f"options of {choice.id}")
        if [q.id for q in self.key_questions] != list(KEY_QUESTIONS):
            raise ValueError(f"key_questions must be {', '.join(KEY_QUESTIONS)}, in that order")
        _same([c.id for c in self.leader_choices], LEADER_CHOICES, "leader_choices")
        _same([c.id for c in self.governance_choices], GOVERNANCE_CHOICES, "governance_choices")
        families = {f.id for f in self.families}
        for a in self.approaches:
            if a.family not in families:
                raise ValueError(f"approach {a.id!r} has unknown family {a.family!r}")
        _same([p.positioning for p in self.positioning_links], POSITIONINGS, "positioning_links")
        for link in self.positioning_links:
            if link.needs not in families:
                raise ValueError(f"positioning {link.positioning!r} needs unknown family "
                                 f"{link.needs!r}")
        _same([s.value for s in self.culture_scale], range(CULTURE_MIN, CULTURE_MAX + 1),
              "culture_scale")
        _same([p.positioning for p in self.needed_profiles], POSITIONINGS, "needed_profiles")
        principles = [p.id for p in self.principles]
        for profile in self.needed_profiles:
            _same(list(profile.ratings), principles, f"needed profile {profile.positioning!r}")
        _same([c.id for c in self.risk_categories], CATEGORIES, "risk_categories")
        return self

    # -- look-ups (KeyError for an unknown id; callers turn it into a ScenarioError) -------

    def approach(self, approach_id: str) -> Approach:
        return _find(self.approaches, approach_id)

    def family(self, family_id: str) -> Family:
        return _find(self.families, family_id)

    def role(self, role_id: str) -> TeamRole:
        return _find(self.team_roles, role_id)

    def principle(self, principle_id: str) -> Principle:
        return _find(self.principles, principle_id)

    def leader_choice(self, choice_id: str) -> Choice:
        return _find(self.leader_choices, choice_id)

    def governance_choice(self, choice_id: str) -> Choice:
        return _find(self.governance_choices, choice_id)

    def link(self, positioning: str) -> PositioningLink:
        for link in self.positioning_links:
            if link.positioning == positioning:
                return link
        raise KeyError(positioning)

    def profile(self, positioning: str) -> NeededProfile:
        for profile in self.needed_profiles:
            if profile.positioning == positioning:
                return profile
        raise KeyError(positioning)

    def category(self, category_id: str) -> RiskCategory:
        return _find(self.risk_categories, category_id)

    def risk(self, risk_id: str) -> RiskTemplate:
        return _find(self.risks, risk_id)

    def scale_label(self, value: int) -> str:
        for level in self.culture_scale:
            if level.value == value:
                return level.label
        raise KeyError(value)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _find(items: Iterable[_Item], item_id: str) -> _Item:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"id {i!r} appears twice in {what}")
        seen.add(i)


def _same(found: Iterable[object], expected: Iterable[object], what: str) -> None:
    found, expected = list(found), list(expected)
    if sorted(map(str, found)) != sorted(map(str, expected)) or len(set(found)) != len(found):
        raise ValueError(f"{what} must cover exactly {', '.join(map(str, expected))} once each "
                         f"(found {', '.join(map(str, found)) or 'none'})")


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def content_path() -> Path:
    return resources_dir() / CONTENT_FILE


def load_content(path: str | os.PathLike[str]) -> Content:
    """Read and validate a content file (uncached). Raises ScenarioError naming file and field."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ScenarioError(f"cannot read the leadership-and-risks content ({exc})",
                            file=str(p)) from None
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        elif err["type"] == "missing":
            msg = "required field is missing"
        raise ScenarioError(msg, file=str(p),
                            field=".".join(map(str, err["loc"])) or None) from None


@cache
def content() -> Content:
    """resources/leadership-risks.json, validated once per process."""
    return load_content(content_path())
