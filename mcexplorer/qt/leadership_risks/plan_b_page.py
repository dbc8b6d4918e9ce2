"""The plan B page: income and recruitment targets, the review date and the threshold below
which the fallback or exit starts, written out as one sentence that can go to a board."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...core.errors import ScenarioError
from ...core.leadership_risks import edits as E
from ...core.leadership_risks.content import content
from ...core.leadership_risks.models import PlanB
from ...core.leadership_risks.rules import format_amount, plan_b_sentence
from ...core.leadership_risks.strategy import Strategy
from .plan_b_input import advice, read_field
from .widgets import line_edit, plain_label, scrolled, set_line

FIELDS = (
    ("income_target", "Income target", "e.g. £250,000 (in the institution's currency)"),
    ("recruitment_target", "Recruitment target", "learners, e.g. 400"),
    ("review_date", "Review date", "e.g. 31/07/2026, or pick it"),
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
    """What was typed, read as the core takes it: currency signs, thousands separators and a
    % sign dropped from numbers, a date in the locale's order as YYYY-MM-DD."""
    return read_field(field, text)


def problem(field: str, text: str) -> str:
    """Why a number that reads as one was refused, in words ("" when it is not a number)."""
    try:
        number = float(typed(field, text))
    except ValueError:
        return ""
    if field == "recruitment_target" and not number.is_integer():
        return "is not a whole number"
    return "is out of range"


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
        self.refused: dict[str, str] = {}
        """Fields whose text was refused: kept as typed until it is changed or accepted."""
        for field, title, placeholder in FIELDS:
            edit = line_edit(f"plan-b:{field}", placeholder, title)
            edit.setMaximumWidth(320)
            edit.editingFinished.connect(partial(self._on_field, field))
            edit.textEdited.connect(partial(self._on_edited, field))
            self.fields[field] = edit
            if field == "review_date":
                row_box = QHBoxLayout()
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + 16)
                row_box.addWidget(edit)
                row_box.addWidget(self._calendar_button(edit))
                row_box.addStretch(1)
                form.addRow(title, row_box)
            else:
                form.addRow(title, edit)
        self.problem = plain_label("", "plan-b:problem")
        self.problem.setStyleSheet("color: #b00020")  # dark red: 6:1 on the window
        self.problem.setVisible(False)
        form.addRow(self.problem)
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

    def _calendar_button(self, edit: QLineEdit) -> QToolButton:
        """A calendar under a button beside the date: a click on a day fills the field."""
        button = QToolButton()
        button.setObjectName("plan-b:review_date:pick")
        button.setText("Pick\u2026")
        button.setToolTip("Pick the review date on a calendar")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("plan-b:calendar")
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._calendar_to_field)
        def picked(day: QDate) -> None:
            menu.close()
            self.pick_date(day)
        self.calendar.clicked.connect(picked)
        button.setMenu(menu)
        return button

    def _calendar_to_field(self) -> None:
        value = self.tab.document.scenario.risks.plan_b.review_date
        if value is not None:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def pick_date(self, day: QDate) -> None:
        """The review date picked on the calendar."""
        edit = self.fields["review_date"]
        edit.setText(day.toString("yyyy-MM-dd"))
        self._on_field("review_date")

    def _on_edited(self, field: str, _text: str) -> None:
        if field in self.refused:  # being fixed: the note stays until the next commit
            del self.refused[field]

    def _on_field(self, field: str) -> None:
        edit = self.fields[field]
        text = edit.text()
        try:
            change = E.set_plan_b(self.tab.document, field, typed(field, text))
        except ScenarioError:
            # Refused: the text stays as typed, and a line says in words what to fix.
            self.refused[field] = text
            self._show_problem()
            return
        self.refused.pop(field, None)
        self._show_problem()
        edit.setModified(False)  # committed: from now on the field shows the model
        self.tab.controller.push(change)
        self.tab.schedule_refresh()  # "250000" typed over "250,000" changes nothing

    def _show_problem(self) -> None:
        lines = [advice(f, text, problem(f, text)) for f, text in self.refused.items()]
        self.problem.setText("\n".join(lines))
        self.problem.setVisible(bool(lines))
        for field, edit in self.fields.items():
            edit.setStyleSheet("border: 2px solid #b00020" if field in self.refused else "")

    def copy_sentence(self) -> None:
        QGuiApplication.clipboard().setText(self.sentence.text())

    def refresh(self, s: Strategy) -> None:
        plan_b = s.risks.plan_b
        for field, edit in self.fields.items():
            if field not in self.refused:  # a refused text stays until it is fixed
                set_line(edit, shown(plan_b, field))
        text = plan_b_sentence(plan_b)
        if self.sentence.text() != text:
            self.sentence.setText(text)
