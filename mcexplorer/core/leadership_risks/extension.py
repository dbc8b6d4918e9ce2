"""Registers the ``leadership-risks`` extension: a register framework (no criteria, options or
ranking) whose scenario sections are ``leadership`` and ``risks``.

Its check refuses ids the content does not know; its report is the ``leadership-risks``
entry of ``score --json``, read with the credential ecology's positioning, which it gets as a
plain value through the registry's typed ``positioning`` reading (core.extensions), since
feature packages never import each other. Its report blocks answer the key questions
"leadership" and "risks".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import extensions
from ..extensions import Extension, FileSection, Readings, register
from .chart_data import culture_data, heatmap_data
from .content import FRAMEWORK_ID, content
from .report import check as check_sections, report as report_sections
from .report_blocks import leadership_blocks, risks_blocks

if TYPE_CHECKING:
    from ..document import Document
    from ..models import Scenario

EXTENSION_ID = FRAMEWORK_ID
"""The framework and its extension share the name ``leadership-risks``."""
METHOD = "register"


def positioning(doc: Document) -> str:
    """The ecology's reading (supplementary, credit-bearing, integrated), "none" without one."""
    return extensions.positioning(doc)


def answering(doc: Document, number: int) -> str | None:
    """The first ranked framework, in tab order, naming the paper's key question ``number``
    (the content's list) as its own."""
    question = content().key_questions[number - 1].id
    for fid, fw in doc.frameworks.items():
        if fw.ranked and fw.criteria and fw.key_question == question:
            return fid
    return None


def check(scenario: Scenario, file: str | None = None) -> None:
    check_sections(scenario.leadership, scenario.risks, file)


def report(doc: Document, framework_id: str) -> dict[str, Any]:
    return report_sections(doc.scenario.leadership, doc.scenario.risks, positioning(doc))


EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="leadership and risks",
    method=METHOD,
    sections=("leadership", "risks"),
    check=check,
    report=report,
    chart_data=(("culture", culture_data), ("heatmap", heatmap_data)),
    question_blocks=(("leadership", leadership_blocks), ("risks", risks_blocks)),
    readings=Readings(answering=answering),
    file_sections=(FileSection("leadership", 2, {}, "leadership (not set)"),
                   # An empty register takes the model's default: the risks the paper names
                   # (Brown, McGreal & Peters 2023) at the tool's likelihood and impact.
                   FileSection("risks", 2, {}, "risk register (the paper's six risks)")),
    qt="mcexplorer.qt.leadership_risks",
))
