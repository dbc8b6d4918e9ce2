"""The report's wording (issue 23): how sure it is, said truly, and a reference list without the
app's internal notes."""

from __future__ import annotations

from mcexplorer.core.document import Document
from mcexplorer.core.outputs.report_build import build_report
from mcexplorer.core.references import references


def _texts(report) -> list[str]:
    out = []
    for section in report.sections:
        for block in section.blocks:
            text = getattr(block, "text", None)
            if isinstance(text, str):
                out.append(text)
    return out


def test_the_reference_list_prints_entries_not_internal_notes():
    report = build_report(Document(), "Workshop", "2026-12-07")
    assert report.references == [r.full() for r in references()]
    joined = "\n".join(report.references)
    for note in ("Not read directly", "the text we have", "Read directly"):
        assert note not in joined


def test_the_reports_how_sure_line_says_plus_or_minus_20_percent_of_each_weight():
    texts = [t for t in _texts(build_report(Document(), "Workshop", "2026-12-07"))
             if t.startswith("How sure:")]
    assert texts
    for text in texts:
        assert "20 points" not in text
        assert "each weight within +/-20% of its value" in text


def test_cited_references_give_only_what_the_sources_give():
    by_id = {r.id: r for r in references()}
    cirlan = by_id["cirlan-loukkola-2020"]
    assert cirlan.url == "" and "Bologna" not in cirlan.title
    course = by_id["futurelearn-course"]
    assert course.title == "Higher Education 4.0: Certifying Your Future"
    assert "part of the programme" not in course.title
