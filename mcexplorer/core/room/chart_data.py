"""What the room's views draw, as plain data: the spread of everyone's weights on each
criterion (most divisive first, with its one-line reading), and the top option of the group
and of each person (under core.weighting, as the tabs show them).

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..derived import derived
from ..scoring import Ranking
from ..weighting import GROUP, person, ranking
from .group import CriterionSpread, spread, spread_reading, top_option

if TYPE_CHECKING:
    from ..document import Document


@dataclass(frozen=True)
class PersonDot:
    name: str
    """As shown: the person's name, or P1, P2 ..."""
    index: int
    """The person's place in the room (fixes their colour and symbol)."""
    value: float


@dataclass(frozen=True)
class SpreadRow:
    label: str
    dots: tuple[PersonDot, ...]
    low: float
    median: float
    high: float


@dataclass(frozen=True)
class ParticipantsData:
    rows: tuple[SpreadRow, ...]
    """Most divisive first (drawn at the top)."""
    reading: str
    message: str = ""


@derived(lambda _doc, framework_id: [("participants",), ("definitions",)])
def room_spread(doc: Document, framework_id: str) -> tuple[CriterionSpread, ...]:
    """Every criterion's spread of the room's weights, most divisive first: computed once per
    revision of the room and the frameworks' definitions (core.derived)."""
    return tuple(spread(doc.framework(framework_id), doc.scenario.participants))


def participants_data(doc: Document, framework_id: str, names: dict[str, str]) -> ParticipantsData:
    """Every criterion's spread, most divisive first, each person under ``names`` (their
    name or P1, P2 ...), with the one-line reading."""
    people = doc.scenario.participants
    index = {p.id: i for i, p in enumerate(people)}
    spreads = room_spread(doc, framework_id)
    rows = tuple(
        SpreadRow(s.label,
                  tuple(PersonDot(names.get(pid, pid), index[pid], v)
                        for pid, v in s.values.items()),
                  s.low, s.median, s.high)
        for s in spreads)
    message = "" if people else "No participants yet: add people with + above the sliders"
    return ParticipantsData(rows, spread_reading(spreads), message)


@dataclass(frozen=True)
class TopRow:
    who: str
    role: str
    option: str
    """The top option's short name ("-" when nothing is weighted)."""
    option_name: str
    fit: float | None
    is_group: bool = False


def _row(doc: Document, framework_id: str, who: str, role: str, ranking: Ranking | None,
         is_group: bool = False) -> TopRow:
    oid = top_option(ranking)
    if oid is None or ranking is None:
        return TopRow(who, role, "-", "nothing is weighted", None, is_group)
    option = doc.framework(framework_id).option(oid)
    return TopRow(who, role, option.label, option.name, ranking.fit_of(oid), is_group)


def top_rows(doc: Document, framework_id: str, names: dict[str, str],
             anonymous: bool) -> list[TopRow]:
    """The group's top option, then each person's, side by side (core.weighting's rankings,
    the ones the tabs show when the group or that person is picked)."""
    s = doc.scenario
    if not s.participants:
        return []
    rows = [_row(doc, framework_id, f"Group ({s.group.method})", "",
                 ranking(doc, framework_id, GROUP), True)]
    for p in s.participants:
        rows.append(_row(doc, framework_id, names.get(p.id, p.name),
                         "" if anonymous else p.role, ranking(doc, framework_id, person(p.id))))
    return rows
