"""The workshop report as plain values, and where its sections come from.

A report is the paper's five key questions (Brown, McGreal & Peters 2023), each a section with
a one-sentence answer and blocks: paragraphs, tables, lists, the planner's notes and charts
(named by framework and kind, each with a one-line reading; the Qt layer draws them). After
the five come the frameworks that answer none of them, then the sources in full.

Sections are filled by *contributors*, so a feature plugs in without this module knowing it:

* ``contribute_framework(extension_id, fn)``: ``fn(doc, framework_id) -> list[Block]`` for
  every framework naming that extension (``None``: every framework), filed under the
  framework's ``key_question``;
* ``contribute_question(question_id, fn)``: ``fn(doc) -> list[Block]`` for a question with no
  framework of its own (leadership, risks), or for the report's opening (``"opening"``).

No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document

OPENING = "opening"
"""Contributors under this id add blocks before the first question (e.g. participants)."""
OTHER = "other"
"""The section of frameworks that answer none of the five questions."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "text"
    """text, or "reading" (the tool's interpretation, set in italics), or "answer"."""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class Notes:
    title: str
    text: str


@dataclass(frozen=True)
class ChartRef:
    """A chart of the scenario: ``chart:<framework_id>:<kind>`` in the window."""

    framework_id: str
    kind: str
    reading: str
    """One line saying what the chart shows for this scenario."""


Block = Paragraph | Heading | Table | Bullets | Notes | ChartRef


@dataclass
class Section:
    id: str
    number: int | None
    question: str
    answer: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    title: str
    date: str
    scenario_name: str
    notes: str = ""
    opening: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    colophon: str = ""
    whose: str = "the scenario's weights"
    """Whose weighting every number is under (core.weighting.describe)."""

    def charts(self) -> list[ChartRef]:
        """Every chart the report shows, in order (each drawn once)."""
        out: list[ChartRef] = []
        for block in self.opening + [b for s in self.sections for b in s.blocks]:
            if isinstance(block, ChartRef) and block not in out:
                out.append(block)
        return out


FrameworkContributor = Callable[["Document", str], list[Block]]
QuestionContributor = Callable[["Document"], list[Block]]

_framework: dict[str | None, list[FrameworkContributor]] = {}
_question: dict[str, list[QuestionContributor]] = {}


def contribute_framework(extension_id: str | None, fn: FrameworkContributor) -> None:
    """Add ``fn``'s blocks to each framework naming ``extension_id`` (None: every framework).
    Extension blocks come before the generic ones."""
    if fn not in _framework.setdefault(extension_id, []):
        _framework[extension_id].append(fn)


def contribute_question(question_id: str, fn: QuestionContributor) -> None:
    """Add ``fn``'s blocks to a question's section (or to the opening)."""
    if fn not in _question.setdefault(question_id, []):
        _question[question_id].append(fn)


def framework_blocks(doc: Document, framework_id: str) -> list[Block]:
    extension = doc.framework(framework_id).extension
    blocks: list[Block] = []
    if extension is not None:
        for fn in _framework.get(extension, []):
            blocks.extend(fn(doc, framework_id))
    for fn in _framework.get(None, []):
        blocks.extend(fn(doc, framework_id))
    return blocks


def question_blocks(doc: Document, question_id: str) -> list[Block]:
    blocks: list[Block] = []
    for fn in _question.get(question_id, []):
        blocks.extend(fn(doc))
    return blocks
