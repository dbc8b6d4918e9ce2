"""Registers the ``leadership-risks`` extension: a register framework (no criteria, options or
ranking) whose scenario sections are ``leadership`` and ``risks``.

Its check refuses ids the content does not know; its report is the ``leadership-risks``
entry of ``score --json``, read with the credential ecology's positioning, which it gets as a
plain value through the registry's ``positioning`` reading (core.extensions), since feature
packages never import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..extensions import Extension, read, register
from .content import FRAMEWORK_ID
from .report import check as check_sections, report as report_sections

if TYPE_CHECKING:
    from ..document import Document
    from ..models import Scenario

EXTENSION_ID = FRAMEWORK_ID
"""The framework and its extension share the name ``leadership-risks``."""
METHOD = "register"


def positioning(doc: Document) -> str:
    """The ecology's reading (supplementary, credit-bearing, integrated), "none" without one."""
    value = read("positioning", doc, default="none")
    return value if isinstance(value, str) else "none"


def check(scenario: Scenario, file: str | None = None) -> None:
    check_sections(scenario.leadership, scenario.risks, file)


def report(doc: Document, framework_id: str) -> dict[str, Any]:
    return report_sections(doc.scenario.leadership, doc.scenario.risks, positioning(doc))


EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="leadership and risks",
    method=METHOD,
    check=check,
    report=report,
))
