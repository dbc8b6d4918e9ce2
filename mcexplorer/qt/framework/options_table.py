"""The options table: a QAbstractTableModel over the Document (as glue's data collection model).

Columns: the option (ticked to show it on the radar, in its chart colour), its fit, then one
rating per criterion in the scale's words (LOW, LOW/MED ...; ``*`` marks an edited rating).
The model reads the Document on demand, so a weight drag only announces that the Fit column
changed; nothing is copied cell by cell. Ticks and rating edits become edits pushed through
the controller; a refused value is announced with ``refused`` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ...core.errors import ScenarioError
from ...core.frameworks.building import rating_source
from ...core.models import Criterion, Framework
from ...core.scoring import Ranking
from ..charts.ranking import rank_label
from ..controller import DocumentController
from ..plain import guarded, visible
from .rating_editor import rating_editor, rating_editor_value, set_rating_editor_value

RATING_ROLE = Qt.ItemDataRole.UserRole + 1
"""The rating's value on its scale (read and written by the delegate and tests)."""
FIRST_RATING_COLUMN = 2
Index = QModelIndex | QPersistentModelIndex


def direction_text(direction: str) -> str:
    return {"benefit": "higher is better", "cost": "lower is better",
            "target": "best when it matches your target"}[direction]


class OptionsModel(QAbstractTableModel):
    refused = Signal(str)
    """A tick or rating edit was refused (the message says why)."""

    def __init__(self, controller: DocumentController, framework_id: str,
                 colour_of, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.framework_id = framework_id
        self._colour_of = colour_of
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._fits: dict[str, tuple[float | None, str]] = {}
        self._radar: set[str] = set()
        self._frozen = False
        self.ranking_source: Callable[[], Ranking] | None = None
        """The tab's current ranking (a callable); None: the scenario's."""
        self.update_fits()

    # -- reading ------------------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    @property
    def framework(self) -> Framework:
        return self.document.framework(self.framework_id)

    def ranking(self):
        source = self.ranking_source
        return source() if source is not None else self.document.ranking(self.framework_id)

    def radar_options(self) -> list[str]:
        """The options on the radar: the planner's pick, else the top three shown."""
        selected = self.document.settings(self.framework_id).selected
        return list(selected) if selected is not None else self.ranking().top(3)

    def criterion_at(self, column: int) -> Criterion:
        return self.framework.criteria[column - FIRST_RATING_COLUMN]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() or self._frozen else len(self.framework.options)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        if parent.isValid() or self._frozen:
            return 0
        return FIRST_RATING_COLUMN + len(self.framework.criteria)

    def freeze(self) -> None:
        """Empty from now on: the tab is being replaced because its framework's options or
        criteria changed, and its view must not ask about cells that no longer exist."""
        self.beginResetModel()
        self._frozen = True
        self.endResetModel()

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return {Qt.ItemDataRole.DisplayRole: "Option",
                    Qt.ItemDataRole.ToolTipRole: "Tick an option to show it on the radar"}.get(role)
        if section == 1:
            return {Qt.ItemDataRole.DisplayRole: "Fit",
                    Qt.ItemDataRole.ToolTipRole:
                        "Fit (%): the weighted share of the best possible rating on every "
                        "criterion (100% = best on everything that matters), with the rank"
                    }.get(role)
        if not 0 <= section - FIRST_RATING_COLUMN < len(self.framework.criteria):
            return None
        c = self.criterion_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return visible(c.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return guarded(f"{c.name} ({direction_text(c.direction)})\n{c.description}".strip())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() >= FIRST_RATING_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        fw = self.framework
        if self._frozen or not index.isValid() or index.row() >= len(fw.options) \
                or index.column() >= FIRST_RATING_COLUMN + len(fw.criteria):
            return None  # a view that has not caught up with a changed framework yet
        opt = fw.options[index.row()]
        col = index.column()
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return visible(opt.name)
            if role == Qt.ItemDataRole.CheckStateRole:
                return (Qt.CheckState.Checked if opt.id in self._radar
                        else Qt.CheckState.Unchecked)
            if role == Qt.ItemDataRole.DecorationRole:
                # The chart colour as a swatch beside the name; the name keeps the text
                # colour (coloured names read poorly on white on a projector, issue 11).
                return QColor(self._colour_of(opt.id))
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return guarded(f"{opt.name}\n{opt.description}\nTick to show it on the radar.")
            return None
        if col == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._fits.get(opt.id, (None, "-"))[1]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        c = fw.criteria[col - FIRST_RATING_COLUMN]
        # The Document's rating(), read here without its search for the option by id (a
        # 200 x 40 table asks for every cell when it sizes its columns).
        override = self.document.settings(self.framework_id).rating_overrides.get(opt.id)
        edited = override is not None and c.id in override
        value = override[c.id] if edited else opt.ratings[c.id].value
        if role == RATING_ROLE or role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            text = visible(c.label_of(value))
            return f"{text} *" if edited else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if edited else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return guarded(self._rating_tip(opt, c, value, edited))
        return None

    def _rating_tip(self, opt, c: Criterion, value: float, edited: bool) -> str:
        rating = opt.ratings[c.id]
        text = c.label_of(value)
        tip = [f"{opt.name} / {c.name}: {text} ({value:g} on {c.scale[0]:g}-{c.scale[1]:g}; "
               f"{direction_text(c.direction)})"]
        note = self.document.settings(self.framework_id).rating_notes.get(opt.id, {}).get(c.id)
        if edited:
            tip.append(f"Edited in this scenario; the default is {c.label_of(rating.value)}. "
                       "Right-click to reset.")
        if note:
            tip.append(f"Your note: {note}")
        if rating.rationale:
            tip.append(f"Why: {rating.rationale}")
        source = rating_source(self.framework, opt, c)
        if source:
            tip.append(f"Source: {source}")
        return "\n".join(tip)

    # -- editing ------------------------------------------------------------------------------

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        opt = self.framework.options[index.row()]
        col = index.column()
        doc = self.document
        try:
            if col == 0 and role == Qt.ItemDataRole.CheckStateRole:
                chosen = set(self.radar_options())
                if Qt.CheckState(value) == Qt.CheckState.Checked:
                    chosen.add(opt.id)
                else:
                    chosen.discard(opt.id)
                edit = doc.set_selection(self.framework_id, sorted(chosen))
            elif col >= FIRST_RATING_COLUMN and role in (RATING_ROLE, Qt.ItemDataRole.EditRole):
                edit = doc.set_rating(self.framework_id, opt.id, self.criterion_at(col).id,
                                      float(value))
            else:
                return False
        except (ScenarioError, TypeError, ValueError) as exc:
            self.refused.emit(exc.message if isinstance(exc, ScenarioError) else str(exc))
            return False
        self.controller.push(edit)
        return True

    # -- keeping up with the document -----------------------------------------------------

    def update_fits(self) -> None:
        """The Fit column and the radar ticks follow the ranking (one change signal)."""
        ranking = self.ranking()
        self._fits = {r.option: (r.fit,
                                 "-" if r.fit is None else f"{r.fit:.1f}%  ({rank_label(r)})")
                      for r in ranking.results}
        self._radar = set(self.radar_options())
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 1))

    def update_ratings(self) -> None:
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols > FIRST_RATING_COLUMN:
            self.dataChanged.emit(self.index(0, FIRST_RATING_COLUMN),
                                  self.index(rows - 1, cols - 1))


class RatingDelegate(QStyledItemDelegate):
    """Edits a rating with the scale's own words (LOW, LOW/MED, MED ...), or a number on the
    scale where it names no levels (qt.framework.rating_editor)."""

    def __init__(self, model: OptionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        if index.column() < FIRST_RATING_COLUMN:
            return None
        c = self.model.criterion_at(index.column())
        editor = rating_editor(c, parent)
        editor.setAccessibleName(f"Rating on {c.name}")
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(RATING_ROLE)
        if value is not None:
            set_rating_editor_value(editor, float(value))

    def setModelData(self, editor, model, index):  # noqa: N802
        value = rating_editor_value(editor)
        if value is not None and abs(float(value) - float(index.data(RATING_ROLE))) > 1e-9:
            model.setData(index, float(value), RATING_ROLE)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)


def options_view(model: OptionsModel, name: str, accessible_name: str) -> QTableView:
    """The table view over ``model``: one line per option, rows selected whole, a rating
    edited in its scale's words by double click or F2."""
    table = QTableView()
    table.setModel(model)
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.setItemDelegate(RatingDelegate(model, table))
    header = table.horizontalHeader()
    # Rating columns are sized when the ratings change, not on every fit update
    # (ResizeToContents would rescan every row on each change).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(60)  # a column is sized from 60 rows, not all
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # long criterion names
    return table
