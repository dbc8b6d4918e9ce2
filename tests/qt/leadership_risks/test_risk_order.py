"""The risk list is in the order of its numbers (1 = highest likelihood x impact), so the
list and the heat map read alike (issue 25, point 10)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox

from mcexplorer.core.leadership_risks import edits as E

FID = "leadership-risks"


def _shown_numbers(page) -> list[int]:
    rows = [page.list_layout.itemAt(i).widget() for i in range(page.list_layout.count())]
    return [int(row.findChild(QLabel, f"risk:{rid}:number").text())
            for row in rows if row is not None
            for rid in [next(k for k, v in page.rows.items() if v is row)]]


def test_the_risk_rows_are_listed_by_their_number(open_window, qtbot):
    window = open_window(FID)
    tab = window.framework_tabs[FID]
    page = tab.risks_page
    numbers = _shown_numbers(page)
    assert numbers == list(range(1, len(numbers) + 1))
    last = window.document.scenario.risks.items[-1]
    window.controller.push(E.edit_risk(window.document, last.id, likelihood=5, impact=5))
    tab.refresh()
    assert _shown_numbers(page) == list(range(1, len(numbers) + 1))
    assert page.list_layout.itemAt(0).widget() is page.rows[last.id]
    assert window.findChild(QSpinBox, f"risk:{last.id}:likelihood").value() == 5
