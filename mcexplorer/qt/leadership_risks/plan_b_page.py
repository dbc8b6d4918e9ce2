"""The plan B page: income and recruitment targets, the review date and the threshold below
which the fallback or exit starts, written out as one sentence that can go to a board."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.leadership_risks import edits as E
from ...core.leadership_risks.content import content
from ...core.leadership_risks.models import PlanB
from ...core.leadership_risks.rules import format_amount, plan_b_sentence
from ...core.leadership_risks.strategy import Strategy
from .widgets import line_edit, plain_label, scrolled, set_line

FIELDS = (
    ("income_target", "Income target", "e.g. 250000 (in the institution's currency)"),
    ("recruitment_target", "Recruitment target", "learners, e.g. 400"),
    ("review_date", "Review date", "YYYY-MM-DD"),
    ("threshold_pct", "Threshold (% of target)", "e.g. 80: below it, plan B starts"),
)


def shown(plan_b: PlanB, field: str) -> str:
    """A field as the planner typed it (empty when not set)."""
    value = getattr(plan_b, field)
    if value is None:
        return ""
    if field == "income_target":
        return format_amount(value)
    if field == "recruitment_target":
        return f"{value:,}"
    if field == "threshold_pct":
        return f"{value:g}"
    return value.isoformat()


def typed(field: str, text: str) -> str:
    """What was typed, with thousands separators and a % sign dropped from numbers."""
    text = text.strip()
    if field != "review_date":
        text = text.replace(",", "").replace(" ", "").rstrip("%")
    return text


class PlanBPage(QWidget):
    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName("plan-b-page")
        note = content().plan_b
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(10)
        column.addWidget(plain_label(f"{note.description} ({note.source})", muted=True))
        box = QGroupBox("Targets and the trigger")
        form = QFormLayout(box)
        self.fields: dict[str, QLineEdit] = {}
        for field, title, placeholder in FIELDS:
            edit = line_edit(f"plan-b:{field}", placeholder, title)
            edit.setMaximumWidth(320)
            edit.editingFinished.connect(partial(self._on_field, field))
            form.addRow(title, edit)
            self.fields[field] = edit
        column.addWidget(box)
        sentence_box = QGroupBox("For the board")
        sv = QVBoxLayout(sentence_box)
        self.sentence = plain_label("", "plan-b:sentence", scale=1.3)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sv.addWidget(self.sentence)
        row = QHBoxLayout()
        copy = QPushButton("Copy sentence")
        copy.setObjectName("plan-b:copy")
        copy.setToolTip("Copy the sentence to the clipboard")
        copy.clicked.connect(self.copy_sentence)
        row.addWidget(copy)
        row.addStretch(1)
        sv.addLayout(row)
        column.addWidget(sentence_box)
        column.addWidget(plain_label(
            "Either target missed at the review starts plan B (our reading of \"fail to "
            "achieve the income and recruitment targets\"). Empty a field to clear it.",
            muted=True))
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(body, "plan-b-scroll"))

    def _on_field(self, field: str) -> None:
        edit = self.fields[field]
        edit.setModified(False)  # committed: from now on the field shows the model
        self.tab.push(E.set_plan_b, field, typed(field, edit.text()))
        self.tab.schedule_refresh()  # "250000" typed over "250,000" changes nothing

    def copy_sentence(self) -> None:
        QGuiApplication.clipboard().setText(self.sentence.text())

    def refresh(self, s: Strategy) -> None:
        plan_b = s.risks.plan_b
        for field, edit in self.fields.items():
            set_line(edit, shown(plan_b, field))
        text = plan_b_sentence(plan_b)
        if self.sentence.text() != text:
            self.sentence.setText(text)
