"""Dialogs that add an option or a criterion to a framework.

Each dialog checks what is typed as it goes (the same core functions build the result, so a
refusal reads as it would anywhere else) and keeps OK disabled, with the reason shown, while
the entry cannot be used. The window shows them through ``prompts.run_dialog``; tests replace
``exec``. Names typed here are shown as plain text everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError
from ...core.frameworks.building import criterion_from, midpoint
from ...core.models import Criterion, Framework
from .rating_editor import rating_editor, rating_editor_value, set_rating_editor_value

DIRECTIONS = (("benefit", "Benefit: higher is better"),
              ("cost", "Cost: lower is better"),
              ("target", "Target: best when it matches a target you set"))
LEVELS_HINT = "LOW|MED|HIGH"


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _scroll(widget: QWidget, height: int = 220) -> QScrollArea:
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setMinimumHeight(min(height, widget.sizeHint().height() + 8))
    return area


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problem = plain_label()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)


class AddOptionDialog(_Dialog):
    """A new option: its name, a short description, and its rating on every criterion (each
    starts in the middle of its scale)."""

    def __init__(self, fw: Framework, parent: QWidget | None = None) -> None:
        super().__init__(f"Add an option to {fw.title}", parent)
        self.setObjectName("add-option-dialog")
        self.framework = fw
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("option-name")
        self.name_edit.setPlaceholderText("for example: Regional partnership")
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("option-description")
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Description", self.description_edit)
        grid = QWidget()
        rates = QFormLayout(grid)
        self.editors: dict[str, QWidget] = {}
        for c in fw.criteria:
            editor = rating_editor(c)
            editor.setObjectName(f"rating:{c.id}")
            editor.setAccessibleName(f"Rating on {c.name}")
            self.editors[c.id] = editor
            rates.addRow(plain_label(c.name), editor)
        box = QGroupBox("Its rating on each criterion")
        QVBoxLayout(box).addWidget(_scroll(grid))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def name(self) -> str:
        return self.name_edit.text()

    def description(self) -> str:
        return self.description_edit.text().strip()

    def ratings(self) -> dict[str, float]:
        return {cid: value for cid, e in self.editors.items()
                if (value := rating_editor_value(e)) is not None}

    def _check(self) -> None:
        self._set_problem("" if self.name().strip() else "Give the option a name.")


class AddCriterionDialog(_Dialog):
    """A new criterion: name, direction, scale (levels or a range of numbers), the target of a
    target criterion, and every option's rating on it."""

    def __init__(self, fw: Framework, parent: QWidget | None = None) -> None:
        super().__init__(f"Add a criterion to {fw.title}", parent)
        self.setObjectName("add-criterion-dialog")
        self.framework = fw
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("criterion-name")
        self.name_edit.setPlaceholderText("for example: Fit with our mission")
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("criterion-description")
        self.direction = QComboBox()
        self.direction.setObjectName("criterion-direction")
        for value, text in DIRECTIONS:
            self.direction.addItem(text, value)
        self.levels_choice = QRadioButton("Levels, low to high")
        self.levels_choice.setObjectName("scale-levels")
        self.range_choice = QRadioButton("Numbers from")
        self.range_choice.setObjectName("scale-range")
        group = QButtonGroup(self)
        group.addButton(self.levels_choice)
        group.addButton(self.range_choice)
        self.levels_edit = QLineEdit(LEVELS_HINT)
        self.levels_edit.setObjectName("scale-levels-text")
        self.levels_edit.setToolTip("The levels from low to high, separated by |")
        self.lo = QDoubleSpinBox()
        self.hi = QDoubleSpinBox()
        for spin, start, name in ((self.lo, 1.0, "scale-lo"), (self.hi, 5.0, "scale-hi")):
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(2)
            spin.setValue(start)
            spin.setObjectName(name)
        self.levels_choice.setChecked(True)
        levels_row = QHBoxLayout()
        levels_row.addWidget(self.levels_choice)
        levels_row.addWidget(self.levels_edit, 1)
        range_row = QHBoxLayout()
        range_row.addWidget(self.range_choice)
        range_row.addWidget(self.lo)
        range_row.addWidget(QLabel("to"))
        range_row.addWidget(self.hi)
        range_row.addStretch(1)
        scale = QVBoxLayout()
        scale.addLayout(levels_row)
        scale.addLayout(range_row)
        self.target_holder = QHBoxLayout()
        self.target_label = QLabel("Default target")
        self.target_editor: QWidget | None = None
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("Direction", self.direction)
        form.addRow("Scale", scale)
        form.addRow(self.target_label, self.target_holder)
        self.ratings_box = QGroupBox("Each option's rating on it")
        self.ratings_layout = QVBoxLayout(self.ratings_box)
        self.editors: dict[str, QWidget] = {}
        self._scale_key: tuple | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ratings_box, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.name_edit.textChanged, self.levels_edit.textChanged,
                       self.direction.currentIndexChanged, self.levels_choice.toggled,
                       self.lo.valueChanged, self.hi.valueChanged):
            signal.connect(self._check)
        self._check()

    # -- reading ------------------------------------------------------------------------------

    def scale_text(self) -> str:
        if self.levels_choice.isChecked():
            return self.levels_edit.text()
        return f"{self.lo.value():g}..{self.hi.value():g}"

    def criterion(self, *, name: str | None = None) -> Criterion:
        """The criterion as typed (ScenarioError when it cannot be built)."""
        target = None
        if self.target_editor is not None:
            target = rating_editor_value(self.target_editor)
        return criterion_from(self.name_edit.text() if name is None else name,
                              self.direction.currentData(), self.scale_text(),
                              taken=[c.id for c in self.framework.criteria], target=target,
                              description=self.description_edit.text().strip())

    def ratings(self) -> dict[str, float]:
        return {oid: value for oid, e in self.editors.items()
                if (value := rating_editor_value(e)) is not None}

    # -- keeping the form in step ---------------------------------------------------------------

    def _check(self, *_args) -> None:
        self.levels_edit.setEnabled(self.levels_choice.isChecked())
        self.lo.setEnabled(self.range_choice.isChecked())
        self.hi.setEnabled(self.range_choice.isChecked())
        try:
            # The scale and direction on their own (any name will do for the editors).
            shape = criterion_from("x", self.direction.currentData(), self.scale_text())
        except ScenarioError as exc:
            self._set_problem(exc.problem)
            return
        key = (shape.scale, tuple(shape.levels.items()), shape.direction)
        if key != self._scale_key:
            self._scale_key = key
            self._rebuild_editors(shape)
        if not self.name_edit.text().strip():
            self._set_problem("Give the criterion a name.")
            return
        try:
            self.criterion()
        except ScenarioError as exc:
            self._set_problem(exc.problem)
            return
        self._set_problem("")

    def _rebuild_editors(self, shape: Criterion) -> None:
        """Rating editors on the new scale (every option starts in the middle)."""
        while self.ratings_layout.count():
            item = self.ratings_layout.takeAt(0)
            assert item is not None  # count() > 0
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from findChild at once
                widget.deleteLater()
        grid = QWidget()
        rates = QFormLayout(grid)
        self.editors = {}
        for o in self.framework.options:
            editor = rating_editor(shape)
            editor.setObjectName(f"rating:{o.id}")
            editor.setAccessibleName(f"Rating of {o.name}")
            self.editors[o.id] = editor
            rates.addRow(plain_label(o.name), editor)
        self.ratings_layout.addWidget(_scroll(grid))
        if self.target_editor is not None:
            self.target_holder.removeWidget(self.target_editor)
            self.target_editor.setParent(None)
            self.target_editor.deleteLater()
            self.target_editor = None
        is_target = shape.direction == "target"
        self.target_label.setVisible(is_target)
        if is_target:
            self.target_editor = rating_editor(shape)
            self.target_editor.setObjectName("criterion-target")
            set_rating_editor_value(self.target_editor, midpoint(shape))
            self.target_holder.addWidget(self.target_editor)
