"""The dialog that builds a framework from scratch: a title, criteria (name, direction, scale)
and options (one name a line). Every option starts in the middle of every scale; the planner
rates them in the tab's table afterwards (with the scale's words).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError
from ...core.frameworks.building import criterion_from, new_framework
from ...core.models import Criterion, Framework
from ..signals import signals_blocked
from .dialogs import DIRECTIONS, _Dialog, plain_label

NAME, DIRECTION, SCALE = range(3)
STARTING_CRITERIA = (("Fit with our mission", "benefit", "LOW|MED|HIGH"),
                     ("Cost to run", "cost", "1-5"))


class NewFrameworkDialog(_Dialog):
    def __init__(self, taken_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__("New framework", parent)
        self.setObjectName("new-framework-dialog")
        self.taken = list(taken_ids)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("framework-title")
        self.title_edit.setPlaceholderText("for example: Partnership choices")
        self.criteria = QTableWidget(0, 3)
        self.criteria.setObjectName("framework-criteria")
        self.criteria.setHorizontalHeaderLabels(["Criterion", "Direction", "Scale"])
        self.criteria.verticalHeader().setVisible(False)
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.criteria.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DIRECTION, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(SCALE, 150)
        self.criteria.setToolTip("Scale: a range such as 1-5 or 0-100, or levels from low to "
                                 "high such as LOW|MED|HIGH")
        add = QPushButton("Add criterion")
        add.setObjectName("framework-add-criterion")
        add.clicked.connect(lambda: self.add_criterion_row())
        remove = QPushButton("Remove criterion")
        remove.setObjectName("framework-remove-criterion")
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.options = QPlainTextEdit()
        self.options.setObjectName("framework-options")
        self.options.setPlaceholderText("One option a line, for example:\nGo it alone\n"
                                        "Join a consortium\nPartner with a platform")
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label("Criteria: what matters when judging the options. "
                                     "Direction: benefit (higher is better), cost (lower is "
                                     "better) or target (best near a target you set)."))
        layout.addWidget(self.criteria, 1)
        layout.addLayout(buttons)
        layout.addWidget(plain_label("Options, one a line (each starts in the middle of every "
                                     "scale; rate them in the table afterwards):"))
        layout.addWidget(self.options, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for name, direction, scale in STARTING_CRITERIA:
            self.add_criterion_row(name, direction, scale)
        self.title_edit.textChanged.connect(self._check)
        self.options.textChanged.connect(self._check)
        self.criteria.itemChanged.connect(self._check)
        self.resize(560, 560)
        self._check()

    # -- rows ---------------------------------------------------------------------------------

    def add_criterion_row(self, name: str = "", direction: str = "benefit",
                          scale: str = "1-5") -> int:
        row = self.criteria.rowCount()
        with signals_blocked(self.criteria):
            self.criteria.insertRow(row)
            self.criteria.setItem(row, NAME, QTableWidgetItem(name))
            combo = QComboBox()
            for value, text in DIRECTIONS:
                combo.addItem(text.split(":")[0], value)
                combo.setItemData(combo.count() - 1, text, 3)  # tooltip role
            combo.setCurrentIndex(max(0, combo.findData(direction)))
            combo.currentIndexChanged.connect(self._check)
            self.criteria.setCellWidget(row, DIRECTION, combo)
            self.criteria.setItem(row, SCALE, QTableWidgetItem(scale))
        self._check()
        return row

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.criteria.selectedIndexes()}, reverse=True)
        if not rows and self.criteria.rowCount():
            rows = [self.criteria.rowCount() - 1]
        for row in rows:
            self.criteria.removeRow(row)
        self._check()

    # -- reading ------------------------------------------------------------------------------

    def _text(self, row: int, column: int) -> str:
        item = self.criteria.item(row, column)
        return item.text() if item is not None else ""

    def criteria_list(self) -> list[Criterion]:
        built: list[Criterion] = []
        for row in range(self.criteria.rowCount()):
            name = self._text(row, NAME)
            where = f"criterion {row + 1}"
            if not name.strip():
                raise ScenarioError("a criterion needs a name", field=where)
            combo = self.criteria.cellWidget(row, DIRECTION)
            assert isinstance(combo, QComboBox)  # every row has its direction box
            try:
                c = criterion_from(name, combo.currentData(), self._text(row, SCALE),
                                   taken=[x.id for x in built])
            except ScenarioError as exc:
                raise ScenarioError(exc.problem, field=f"{where} ({name.strip()})") from None
            built.append(c)
        return built

    def option_names(self) -> list[str]:
        return [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]

    def framework(self) -> Framework:
        """The framework as typed (ScenarioError when it cannot be built)."""
        return new_framework(self.title_edit.text(), self.criteria_list(), self.option_names(),
                             taken=self.taken)

    def _check(self, *_args) -> None:
        if not self.title_edit.text().strip():
            self._set_problem("Give the framework a title.")
            return
        try:
            self.framework()
        except ScenarioError as exc:
            self._set_problem(exc.message)
            return
        self._set_problem("")
