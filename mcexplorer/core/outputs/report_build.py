"""Assembling the workshop report: the five key questions in the paper's order, each with
its answer (core.leadership_risks.summary) and the blocks its contributors give; then the
frameworks that answer none of them; then every source cited in full. No Qt here.
"""

from __future__ import annotations

from ..answers import answers as answer_all, strategy
from ..document import Document
from ..extensions import registered
from ..leadership_risks.content import content as lr_content
from ..references import references
from ..weighting import GROUP, SCENARIO, Weighting, applied, describe, settle
from . import report_sections
from .caption import short_source
from .report_model import (
    OPENING,
    OTHER,
    Heading,
    Paragraph,
    Report,
    Section,
    contribute_framework,
    contribute_question,
    framework_blocks,
    question_blocks,
)
from .report_sections import notes_block

_registered = False


def register_builtin() -> None:
    """Register the generic contributors once, and each registered feature's blocks (from its
    record; contributing is idempotent, so a feature loaded later is picked up too)."""
    global _registered
    if not _registered:
        _registered = True
        report_sections.register()
    for ext in registered().values():
        if ext.report_blocks is not None:
            contribute_framework(ext.id, ext.report_blocks)
        for question, fn in ext.question_blocks:
            contribute_question(question, fn)


def frameworks_by_question(doc: Document) -> dict[str, list[str]]:
    """Framework ids under the key question each names (``OTHER`` for none), in tab order."""
    known = {q.id for q in lr_content().key_questions}
    out: dict[str, list[str]] = {}
    for fid, fw in doc.frameworks.items():
        if not fw.criteria:
            continue  # a register (leadership and risks) answers through its question blocks
        key = fw.key_question if fw.key_question in known else OTHER
        out.setdefault(key, []).append(fid)
    return out


def answers(doc: Document, weighting: Weighting = SCENARIO) -> dict[str, str]:
    """Each key question's one-sentence answer under the weighting (core.answers: the same
    sentences as Strategy on a page and ``mcexplorer summary``)."""
    return {a.id: a.answer for a in answer_all(strategy(doc, weighting))}


def build_report(doc: Document, scenario_name: str, date: str,
                 weighting: Weighting = SCENARIO) -> Report:
    """The report of the open scenario, named ``scenario_name``, dated ``date``, every
    number in it under ``weighting`` (default: the scenario's own). When the room has people
    and the report is not the group's, each answer is followed by the group's answer, in its
    own words (never one weighting's chart under the other's sentence)."""
    register_builtin()
    weighting = settle(doc, weighting)
    whose = describe(doc, weighting)
    group_said = {}
    if doc.scenario.participants and weighting != GROUP:
        group_said = answers(doc, GROUP)
        group_whose = describe(doc, GROUP)
    doc = applied(doc, weighting)
    placed = frameworks_by_question(doc)
    said = answers(doc)
    report = Report(title=f"Workshop report: {scenario_name}", date=date,
                    scenario_name=scenario_name, notes=doc.scenario.notes.strip(),
                    opening=[Paragraph(f"Every weight, fit, chart and answer in this report "
                                       f"is from {whose}.", "reading"),
                             *question_blocks(doc, OPENING)], whose=whose)
    for number, q in enumerate(lr_content().key_questions, start=1):
        section = Section(q.id, number, q.question, said.get(q.id, ""))
        other = group_said.get(q.id, "")
        if other and other != said.get(q.id, ""):
            section.blocks.append(Paragraph(f"Under {group_whose}: {other}"))
        for fid in placed.get(q.id, []):
            section.blocks.append(Heading(doc.framework(fid).title))
            section.blocks.extend(notes_block(doc, fid))  # the room's own words first
            section.blocks.extend(framework_blocks(doc, fid))
        section.blocks.extend(question_blocks(doc, q.id))
        report.sections.append(section)
    for fid in placed.get(OTHER, []):
        fw = doc.framework(fid)
        report.sections.append(Section(OTHER, None, fw.title, fw.description,
                                       notes_block(doc, fid) + framework_blocks(doc, fid)))
    # The entries only: how the app reads each source (its ``note``) is for Help, not the paper.
    report.references = [ref.full() for ref in references()]
    sources = "; ".join(
        f"{fw.title}: {short_source(fw.source) or 'no source given'}"
        + (" (ratings are the tool's editable defaults)" if fw.provenance != "published" else "")
        for fw in doc.frameworks.values())
    report.colophon = (
        f"Made with mcexplorer from {whose}. Fit = 100 x sum(weight x "
        "utility) / sum(weights), each rating's utility read on its criterion's own scale. "
        f"Ratings: {sources}.")
    return report
