"""People joining the room from their phones: what a phone may send, and the edit it makes.

The server (mcexplorer.server) knows nothing of scenarios beyond a ``RoomSpec``: the frameworks
and criteria the facilitator chose, copied into plain frozen values when the room opens, so
the server's thread never reads the live Document. A phone's form becomes a ``Submission``
through ``parse_submission``, which applies the same rules as a scenario file (finite numbers,
weights 0-100, known framework and criterion ids) and the phone's own limits (a name of at
most 80 characters, one field per criterion). The window (or ``mcexplorer room serve``) then
turns the submission into one undoable edit with ``submission_edit``, checked again against
the scenario as it is at that moment.

Each phone keeps a random token (a cookie and a hidden field of the page); its participant
id is a hash of that token (``phone-`` and 16 hex digits), so the same phone updates its own
entry and the token itself is never written into the scenario file.

No Qt here.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..base import WEIGHT_MAX
from ..edits import Edit
from ..errors import ScenarioError
from ..models import Framework
from .edits import participants_edit
from .models import MAX_PARTICIPANTS, Participant

if TYPE_CHECKING:
    from ..document import Document

MAX_PHONE_NAME = 80
"""Longest name a phone may send (characters, after spaces are collapsed)."""
PHONE_ID_PREFIX = "phone-"
ANONYMOUS_STEM = "Anonymous"
_PHONE_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")

DIRECTION_TEXT = {
    "benefit": "higher is better",
    "cost": "lower is better",
    "target": "nearer the target is better",
}


# --------------------------------------------------------------------------------------------
# What the page shows
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionSpec:
    framework_id: str
    id: str
    name: str
    description: str
    direction: str
    """How it counts, in words ("lower is better")."""
    default: float

    @property
    def field(self) -> str:
        """The slider's form name: ``<framework-id>:<criterion-id>``."""
        return f"{self.framework_id}:{self.id}"


@dataclass(frozen=True)
class FrameworkSpec:
    id: str
    name: str
    criteria: tuple[CriterionSpec, ...]


@dataclass(frozen=True)
class RoomSpec:
    """The frameworks a phone sees, as plain values (safe to read from another thread)."""

    title: str
    frameworks: tuple[FrameworkSpec, ...]

    def criteria(self) -> dict[str, CriterionSpec]:
        """Form field name -> criterion."""
        return {c.field: c for fw in self.frameworks for c in fw.criteria}


def room_spec(frameworks: Mapping[str, Framework], chosen: Sequence[str] | None = None,
              title: str = "") -> RoomSpec:
    """The frameworks ``chosen`` (all, in their order, when None or empty), refused in one
    line when an id is unknown or no framework has a criterion."""
    ids = list(chosen) if chosen else list(frameworks)
    unknown = [i for i in ids if i not in frameworks]
    if unknown:
        raise ScenarioError(f"unknown framework {unknown[0]!r} (known: {', '.join(frameworks)})",
                            field="frameworks")
    specs = []
    for fid in dict.fromkeys(ids):
        fw = frameworks[fid]
        if not fw.criteria and not chosen:
            continue  # a register (leadership and risks) has nothing to weigh
        criteria = tuple(
            CriterionSpec(fid, c.id, c.name, c.description, DIRECTION_TEXT.get(c.direction, ""),
                          float(c.default_weight))
            for c in fw.criteria)
        specs.append(FrameworkSpec(fid, fw.title, criteria))
    if not any(fw.criteria for fw in specs):
        raise ScenarioError("the frameworks chosen have no criteria to weigh", field="frameworks")
    return RoomSpec(title, tuple(specs))


# --------------------------------------------------------------------------------------------
# What a phone sends
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """One phone's form, checked: its participant id, the name typed ("" = anonymous) and a
    weight per criterion it sent (framework id -> criterion id -> 0-100)."""

    participant_id: str
    name: str
    weights: dict[str, dict[str, float]]
    allow_new: bool = True
    """False while the room is locked: a phone not yet in the room is refused."""
    sent_before: str | None = None
    """The name this phone sent last time, when the server remembers it: the same name
    again is no rename (the facilitator's rename of the entry stays)."""


def is_phone_token(token: object) -> bool:
    return isinstance(token, str) and bool(_PHONE_TOKEN.match(token))


def participant_id_for(token: str) -> str:
    """The participant id of the phone holding ``token`` (stable; the token is not kept)."""
    digest = hashlib.sha256(token.encode("ascii")).hexdigest()[:16]
    return PHONE_ID_PREFIX + digest


def clean_phone_name(raw: object) -> str:
    """The name a phone typed: unprintable characters dropped, spaces collapsed; refused
    above MAX_PHONE_NAME characters. "" means anonymous."""
    text = unicodedata.normalize("NFC", str(raw))
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > MAX_PHONE_NAME:
        raise ScenarioError(f"a name is limited to {MAX_PHONE_NAME} characters "
                            f"({len(text)} typed)", field="name")
    return text


def parse_submission(spec: RoomSpec, token: str, fields: Iterable[tuple[str, str]],
                     allow_new: bool = True) -> Submission:
    """A phone's form fields (``name``, ``phone`` and one ``<framework>:<criterion>`` per
    slider) as a Submission, or a ScenarioError naming the first bad field. A field given
    twice, an unknown field, a number that is not finite or lies outside 0-100 are refused."""
    if not is_phone_token(token):
        raise ScenarioError("this phone's token is missing or malformed", field="phone")
    criteria = spec.criteria()
    seen: set[str] = set()
    name = ""
    weights: dict[str, dict[str, float]] = {}
    for key, value in fields:
        if key in seen:
            raise ScenarioError("sent twice", field=_shown_key(key))
        seen.add(key)
        if key == "phone":
            continue
        if key == "name":
            name = clean_phone_name(value)
            continue
        crit = criteria.get(key)
        if crit is None:
            raise ScenarioError("unknown criterion", field=_shown_key(key))
        weights.setdefault(crit.framework_id, {})[crit.id] = _weight(value, crit)
    return Submission(participant_id_for(token), name, weights, allow_new)


def _shown_key(key: str) -> str:
    key = "".join(ch if ch.isprintable() else "?" for ch in key)
    return key if len(key) <= 60 else key[:57] + "..."


def _weight(value: str, crit: CriterionSpec) -> float:
    text = str(value).strip()
    if len(text) > 32:
        raise ScenarioError("is not a number", field=crit.field)
    try:
        number = float(text)
    except ValueError:
        raise ScenarioError("is not a number", field=crit.field) from None
    if not math.isfinite(number):
        raise ScenarioError("is not a finite number", field=crit.field)
    if not 0.0 <= number <= WEIGHT_MAX:
        raise ScenarioError(f"{number:g} is outside 0-{WEIGHT_MAX:g}", field=crit.field)
    return number


# --------------------------------------------------------------------------------------------
# What it does to the scenario
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of a submission: ``joined``, ``updated``, ``unchanged`` or ``refused``
    (with a message a phone can show)."""

    status: str
    message: str = ""

    @property
    def accepted(self) -> bool:
        return self.status != "refused"


def phone_count(participants: Sequence[Participant]) -> int:
    """How many people in the room joined from a phone."""
    return sum(p.id.startswith(PHONE_ID_PREFIX) for p in participants)


def submission_edit(doc: Document, sub: Submission) -> tuple[Edit | None, Outcome]:
    """The edit a submission makes (None when nothing changes) and its outcome.

    A new phone adds a participant (named as typed, "Anonymous 3" if no name; "Ana 2" when
    "Ana" is taken); the same phone again replaces its weights for the frameworks it sent,
    and its name when it typed a different one. Refused (ScenarioError, nothing changed)
    when the room is full or locked, or a weight no longer fits the scenario."""
    people = list(doc.scenario.participants)
    index = next((i for i, p in enumerate(people) if p.id == sub.participant_id), None)
    for fid, values in sub.weights.items():
        for cid, value in values.items():
            doc.checked_weight(fid, cid, value)
    if index is None:
        if not sub.allow_new:
            raise ScenarioError("the room is locked: no new people can join now",
                                field="participants")
        if len(people) >= MAX_PARTICIPANTS:
            raise ScenarioError(f"the room is full ({MAX_PARTICIPANTS} people)",
                                field="participants")
        name = _free_name(sub.name or ANONYMOUS_STEM, [p.name for p in people],
                          numbered=not sub.name)
        person = Participant(id=sub.participant_id, name=name,
                             weights={f: dict(v) for f, v in sub.weights.items()})
        edit = participants_edit(doc, people + [person], f"{name} joined from a phone")
        return edit, Outcome("joined", f"You are in the room as {name}.")
    old = people[index]
    weights = {f: dict(v) for f, v in old.weights.items()}
    weights.update({f: dict(v) for f, v in sub.weights.items()})
    name = old.name
    if _renames(sub, old.name):
        name = _free_name(sub.name, [p.name for p in people if p.id != old.id], numbered=False)
    if weights == old.weights and name == old.name:
        return None, Outcome("unchanged", "Your weights are in the room (no change).")
    people[index] = old.model_copy(update={"weights": weights, "name": name}, deep=True)
    edit = participants_edit(doc, people, f"{name} changed their weights from a phone")
    return edit, Outcome("updated", f"Your weights are updated, {name}.")


def _renames(sub: Submission, current: str) -> bool:
    """Whether the phone typed a new name (not the one it sent before, nor the name the
    room already shows)."""
    typed = sub.name
    if not typed or typed.casefold() == current.casefold():
        return False
    if sub.sent_before is not None:
        return typed.casefold() != sub.sent_before.casefold()
    return not _same_stem(typed, current)


def _same_stem(typed: str, current: str) -> bool:
    """'Ana' typed again by the phone that is 'Ana 2' in the room: not a rename."""
    stem, _, number = current.rpartition(" ")
    return number.isdigit() and stem.casefold() == typed.casefold()


def _free_name(stem: str, names: Iterable[str], numbered: bool) -> str:
    used = {n.casefold() for n in names}
    if not numbered and stem.casefold() not in used:
        return stem
    n = 1 if numbered else 2
    while f"{stem} {n}".casefold() in used:
        n += 1
    return f"{stem} {n}"
