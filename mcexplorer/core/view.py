"""The weighting in view: whose weights the window shows, as state of the scenario.

The room's picker sets it (for every framework, or for one); every tab, the verdict, the
bands, How sure, the sensitivity chart, and the outputs asked for "what is on screen" read it
here. It is saved with the scenario (``Scenario.view``) but is not an edit: picking a person
is looking, not changing, so it leaves the undo history alone.

Nothing picked yet reads as the group's weighting, which with nobody in the room is the
scenario's own (``weighting.settle``), as the window has always shown.

No Qt here.
"""

from __future__ import annotations

from .document import Document
from .models import ViewSettings
from .weighting import GROUP, SCENARIO, Weighting, person, settle

PERSON_PREFIX = "person:"


def to_text(weighting: Weighting) -> str:
    """How a pick is saved: ``scenario``, ``group`` or ``person:ID`` (an id may be any word,
    ``group`` included, so a person's is marked)."""
    if weighting.participant is not None:
        return PERSON_PREFIX + weighting.participant
    return weighting.kind


def from_text(text: str | None) -> Weighting:
    """The saved form back; None or anything unknown reads as the group's."""
    if text == "scenario":
        return SCENARIO
    if text and text.startswith(PERSON_PREFIX) and len(text) > len(PERSON_PREFIX):
        return person(text[len(PERSON_PREFIX):])
    return GROUP


def picked(doc: Document, framework_id: str | None = None) -> Weighting:
    """The weighting picked (as saved, before ``settle``): the framework's own pick where it
    has one, else the pick for every framework."""
    view = doc.scenario.view
    if framework_id is not None and framework_id in view.frameworks:
        return from_text(view.frameworks[framework_id])
    return from_text(view.weighting)


def in_view(doc: Document, framework_id: str | None = None) -> Weighting:
    """The weighting the framework shows now: the pick, settled against the room (a person
    who has left is the group; the group of an empty room is the scenario's own)."""
    return settle(doc, picked(doc, framework_id))


def pick(doc: Document, weighting: Weighting, framework_id: str | None = None) -> bool:
    """Show ``weighting`` on every framework (``framework_id`` None: the frameworks' own picks
    are dropped) or on one; True when the pick changed. Not an edit (see module doc)."""
    view = doc.scenario.view
    text = to_text(weighting)
    if framework_id is None:
        new = ViewSettings(weighting=text)
    else:
        new = ViewSettings(weighting=view.weighting,
                           frameworks={**view.frameworks, framework_id: text})
    if new == view:
        return False
    doc.scenario.view = new
    return True
