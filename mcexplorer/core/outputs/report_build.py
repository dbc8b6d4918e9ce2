"""Assembling the workshop report: the five key questions in the paper's order, each with
its answer (core.leadership_risks.summary) and the blocks its contributors give; then the
frameworks that answer none of them; then every source cited in full. No Qt here.
"""

from __future__ import annotations

from ..document import Document
from ..leadership_risks.content import content as lr_content
from ..leadership_risks.summary import summary
from ..references import references
from . import report_features, report_sections
from .caption import short_source
from .report_model import (OPENING, OTHER, Heading, Report, Section, framework_blocks,
                           question_blocks)
from .report_sections import best_share, notes_block

_registered = False


def register_builtin() -> None:
    """Register the built-in contributors once (further features call contribute_* too)."""
    global _registered
    if not _registered:
        _registered = True
        report_sections.register()
        report_features.register()


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


def _top(doc: Document, framework_id: str | None) -> tuple[str | None, float | None]:
    if framework_id is None:
        return None, None
    ranking = doc.ranking(framework_id)
    if not ranking.has_weight or not ranking.results:
        return None, None
    best = ranking.results[0]
    return best.name, best.fit


def answers(doc: Document, placed: dict[str, list[str]]) -> dict[str, str]:
    """Each key question's one-sentence answer, from the scenario's plain values."""
    reading, portfolio_fit = report_features.positioning_reading(doc)
    # The paper's third question is the internal structures, its fourth the business models.
    questions = [q.id for q in lr_content().key_questions]
    structures = (placed.get(questions[2]) or [None])[0] if len(questions) > 3 else None
    models = (placed.get(questions[3]) or [None])[0] if len(questions) > 3 else None
    structure, _ = _top(doc, structures)
    model, model_fit = _top(doc, models)
    robustness = best_share(doc, models) if models is not None else None
    risks, _ = report_features.risks_of(doc)
    found = summary(positioning=reading, portfolio_fit=portfolio_fit,
                    leadership=report_features.leadership_of(doc), risks=risks,
                    structure=structure,
                    balance=report_features.balance_values(doc) if structures else None,
                    business_model=model, business_model_fit=model_fit,
                    robustness=robustness)
    return {a.id: a.answer for a in found}


def build_report(doc: Document, scenario_name: str, date: str) -> Report:
    """The report of the open scenario, named ``scenario_name``, dated ``date``."""
    register_builtin()
    placed = frameworks_by_question(doc)
    said = answers(doc, placed)
    report = Report(title=f"Workshop report: {scenario_name}", date=date,
                    scenario_name=scenario_name, notes=doc.scenario.notes.strip(),
                    opening=question_blocks(doc, OPENING))
    for number, q in enumerate(lr_content().key_questions, start=1):
        section = Section(q.id, number, q.question, said.get(q.id, ""))
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
        "Made with mcexplorer from the scenario's own settings. Fit = 100 x sum(weight x "
        "utility) / sum(weights), each rating's utility read on its criterion's own scale. "
        f"Ratings: {sources}.")
    return report
