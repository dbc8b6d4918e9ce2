"""Building frameworks in the app: a new criterion or option, a framework from scratch, the
framework as the planner sees it (edited ratings applied), and where each default comes from.

Pure functions from frameworks to frameworks; nothing here touches a scenario (editing.py
turns the results into edits). Every refusal is one ScenarioError naming the field. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

from mcexplorer.core.errors import ScenarioError, finite_number
from mcexplorer.core.io import from_validation
from mcexplorer.core.models import Criterion, Framework, FrameworkSettings, Option, Rating
from mcexplorer.core.values import clean_name, unique_id

from .cells import CellError, make_id, parse_scale
from .csv_import import DIRECTIONS

_Item = TypeVar("_Item", Criterion, Option)

OWN_SOURCE = "Your own addition"
"""The source of an option, a criterion or a rating the planner added in the app."""
OWN_FRAMEWORK_SOURCE = "Your own framework"
EDITED_SOURCE = "Edited in the scenario"


def validated(data: dict[str, Any], what: str) -> Framework:
    """A framework from a dict, or one ScenarioError naming ``what`` and the field."""
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, what) from None


def criterion_from(name: str, direction: str, scale: str, *, taken: Iterable[str] = (),
                   weight: float = 50.0, target: float | str | None = None,
                   description: str = "") -> Criterion:
    """A new criterion: ``scale`` as in a CSV file (``1-5`` or ``LOW|MED|HIGH``); a target
    criterion aims at ``target`` (a number or a level; default the scale's midpoint)."""
    name = clean_name(name, "criterion name")
    if direction not in DIRECTIONS:
        raise ScenarioError(f"unknown direction {direction!r} (use benefit, cost or target)",
                            field=f"criterion {name}")
    try:
        parsed = parse_scale(scale)
    except CellError as exc:
        raise ScenarioError(str(exc), field=f"scale of {name}") from None
    lo, hi = parsed.lo, parsed.hi
    doc: dict[str, Any] = {"id": unique_id(make_id(name, "criterion"), taken), "name": name,
                 "description": description, "direction": direction, "scale": (lo, hi),
                 "levels": parsed.levels, "default_weight": weight, "source": OWN_SOURCE}
    if direction == "target":
        if target is None or target == "":
            value = (lo + hi) / 2
        elif isinstance(target, str) and parsed.levels and target.upper() in \
                {k.upper() for k in parsed.levels}:
            value = {k.upper(): v for k, v in parsed.levels.items()}[target.upper()]
        else:
            value = finite_number(target, f"target of {name}")
        doc["default_target"] = value
    try:
        return Criterion.model_validate(doc)
    except ValidationError as exc:
        raise from_validation(exc, f"criterion {name}") from None


def midpoint(c: Criterion) -> float:
    """Where a rating starts when the planner has not given one: the middle of the scale."""
    return (c.scale[0] + c.scale[1]) / 2


def _rating(c: Criterion, value: float, source: str) -> Rating:
    value = finite_number(value, f"rating on {c.name}")
    lo, hi = c.scale
    if not lo <= value <= hi:
        raise ScenarioError(f"{value:g} is outside the scale [{lo:g}, {hi:g}]",
                            field=f"rating on {c.name}")
    return Rating(value=value, label=c.label_of(value) if c.levels else "", source=source)


def with_criterion(fw: Framework, criterion: Criterion,
                   ratings: Mapping[str, float] | None = None) -> Framework:
    """``fw`` with ``criterion`` added last; each option rated ``ratings[option id]`` (the
    scale's midpoint where none is given)."""
    if any(c.id == criterion.id for c in fw.criteria):
        raise ScenarioError(f"criterion id {criterion.id!r} is already used", field=fw.id)
    ratings = ratings or {}
    options = []
    for o in fw.options:
        r = _rating(criterion, ratings.get(o.id, midpoint(criterion)), OWN_SOURCE)
        options.append(o.model_copy(update={"ratings": {**o.ratings, criterion.id: r}}))
    return validated({**_fields(fw), "criteria": [*fw.criteria, criterion], "options": options},
                     fw.id)


def without_criterion(fw: Framework, criterion_id: str) -> Framework:
    """``fw`` without the criterion (the last one cannot go)."""
    c = _find(fw.criteria, criterion_id, "criterion", fw.id)
    if len(fw.criteria) == 1:
        raise ScenarioError(f"{c.name!r} is the only criterion; a framework needs at least one",
                            field=fw.id)
    options = [o.model_copy(update={"ratings": {k: v for k, v in o.ratings.items()
                                                if k != criterion_id}}) for o in fw.options]
    return validated({**_fields(fw), "criteria": [x for x in fw.criteria if x.id != c.id],
                      "options": options}, fw.id)


def with_option(fw: Framework, name: str, ratings: Mapping[str, float] | None = None, *,
                description: str = "") -> Framework:
    """``fw`` with a new option named ``name`` added last, rated ``ratings[criterion id]``
    (the scale's midpoint where none is given)."""
    name = clean_name(name, "option name")
    ratings = ratings or {}
    unknown = sorted(set(ratings) - {c.id for c in fw.criteria})
    if unknown:
        raise ScenarioError(f"unknown criterion {unknown[0]!r}", field=f"option {name}")
    oid = unique_id(make_id(name, "option"), (o.id for o in fw.options))
    option = Option(id=oid, name=name, description=description,
                    ratings={c.id: _rating(c, ratings.get(c.id, midpoint(c)), OWN_SOURCE)
                             for c in fw.criteria})
    return validated({**_fields(fw), "criteria": fw.criteria, "options": [*fw.options, option]},
                     fw.id)


def without_option(fw: Framework, option_id: str) -> Framework:
    """``fw`` without the option (the last one cannot go)."""
    o = _find(fw.options, option_id, "option", fw.id)
    if len(fw.options) == 1:
        raise ScenarioError(f"{o.name!r} is the only option; a framework needs at least one",
                            field=fw.id)
    return validated({**_fields(fw), "criteria": fw.criteria,
                      "options": [x for x in fw.options if x.id != o.id]}, fw.id)


def new_framework(title: str, criteria: Sequence[Criterion], option_names: Sequence[str], *,
                  taken: Iterable[str] = (), description: str = "") -> Framework:
    """The planner's own framework: every option starts in the middle of every scale."""
    title = clean_name(title, "title")
    names = [n for n in (" ".join(str(x).split()) for x in option_names) if n]
    if not criteria:
        raise ScenarioError("a framework needs at least one criterion", field="criteria")
    if not names:
        raise ScenarioError("a framework needs at least one option", field="options")
    options: list[Option] = []
    seen: dict[str, str] = {}
    for name in names:
        name = clean_name(name, "option name")
        oid = make_id(name, "option")
        if oid in seen:
            raise ScenarioError(f"{name!r} gives the same id {oid!r} as {seen[oid]!r}; "
                                "rename one of them", field="options")
        seen[oid] = name
        options.append(Option(id=oid, name=name, ratings={
            c.id: _rating(c, midpoint(c), OWN_FRAMEWORK_SOURCE) for c in criteria}))
    return validated({"id": unique_id(make_id(title, "framework"), taken), "title": title,
                      "description": description, "source": OWN_FRAMEWORK_SOURCE,
                      "provenance": "user", "criteria": list(criteria), "options": options},
                     "new framework")


def rating_source(fw: Framework, option: Option, criterion: Criterion) -> str:
    """Where a default rating comes from: the rating's own source, else its criterion's, else
    the framework's (author, year, table or figure for the built-in frameworks)."""
    return (option.ratings[criterion.id].source or criterion.source or fw.source
            or (OWN_FRAMEWORK_SOURCE if fw.provenance == "user" else ""))


def effective_framework(fw: Framework, settings: FrameworkSettings) -> Framework:
    """The framework as the planner sees it, for "Save framework as": edited ratings applied
    (the planner's note becomes the rationale; the source says what the default was and where
    it came from). A framework with any edit is the planner's own (provenance "user")."""
    overrides, notes = settings.rating_overrides, settings.rating_notes
    if not overrides and not notes:
        return fw
    options = []
    for o in fw.options:
        ratings = dict(o.ratings)
        for c in fw.criteria:
            default = o.ratings[c.id]
            value = overrides.get(o.id, {}).get(c.id)
            note = notes.get(o.id, {}).get(c.id, "")
            if value is None and not note:
                continue
            if value is None:
                ratings[c.id] = default.model_copy(update={"rationale": note})
                continue
            was = c.label_of(default.value)
            source = rating_source(fw, o, c)
            ratings[c.id] = Rating(
                value=value, label=c.label_of(value) if c.levels else "", rationale=note,
                source=(f"{EDITED_SOURCE}; the default was {was}"
                        + (f" ({source})" if source else ""))[:200])
        options.append(o.model_copy(update={"ratings": ratings}))
    return validated({**_fields(fw), "provenance": "user" if overrides else fw.provenance,
                      "criteria": fw.criteria, "options": options}, fw.id)


def _fields(fw: Framework) -> dict[str, Any]:
    """The framework's own fields, without its criteria and options."""
    return {k: getattr(fw, k) for k in Framework.model_fields if k not in ("criteria",
                                                                          "options")}


def _find(items: Iterable[_Item], item_id: str, what: str, where: str) -> _Item:
    for item in items:
        if item.id == item_id:
            return item
    raise ScenarioError(f"unknown {what} {item_id!r}", field=where)
