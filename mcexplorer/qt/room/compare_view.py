"""The Compare view (``action:compare``): any two of now, a snapshot, another scenario file.

A and B are picked in two lists (the last entry, "Another scenario file…", asks for a file
and adds it and each of its snapshots). For the framework picked: the weights as paired bars
(``chart:compare:weights``), the two weight profiles overlaid on a radar
(``chart:compare:radar``), and the rank-change table: each option's rank and fit in A and
in B and how it moved. A side that is "now" follows the scenario live. Changes are B - A.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError
from ...core.room.compare_data import Choice, FrameworkComparison, comparisons
from ...core.validation import load_scenario
from .. import prompts
from ..charts.radar import RadarChart
from ..plain import visible
from ..signals import signals_blocked
from .charts.paired_bars import PairedBarsChart
from .people import SCENARIO_FILTER
from .state import RoomState

RANK_HEADERS = ("Option", "Rank A", "Rank B", "Moved", "Fit A", "Fit B", "Fit change")
ANOTHER_FILE = "Another scenario file…"
UP, DOWN = "#0b7a3e", "#b3261e"


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None  # every cell is filled when the table is
    return item.text()


def _fit(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _change(delta: float | None) -> str:
    if delta is None:
        return "-"
    return "0.0" if round(delta, 1) == 0 else f"{delta:+.1f}"


class CompareDialog(QDialog):
    def __init__(self, room: RoomState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare-view")
        self.setWindowTitle("Compare two states")
        self.room = room
        self.results: list[FrameworkComparison] = []
        self._files: list[str] = []
        self.side_a = self._side_combo("compare-a", "Side A (before)")
        self.side_b = self._side_combo("compare-b", "Side B (after)")
        self.framework = QComboBox()
        self.framework.setObjectName("compare-framework")
        self.framework.setAccessibleName("Framework compared")
        self.framework.currentIndexChanged.connect(self._show_framework)
        top = QHBoxLayout()
        for text, combo in (("A:", self.side_a), ("B:", self.side_b),
                            ("Framework:", self.framework)):
            label = QLabel(text)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo, 1)
        self.basis = QLabel()
        self.basis.setObjectName("compare-basis")
        self.basis.setTextFormat(Qt.TextFormat.PlainText)
        self.basis.setEnabled(False)
        self.summary = QLabel()
        self.summary.setObjectName("compare-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.weights_chart = PairedBarsChart("compare", "Weights: A and B")
        self.radar_chart = RadarChart("compare", "Weight profiles, overlaid")
        self.radar_chart.CAPTION = ("Centre = 0, edge = 100 on each weight "
                                    "(rings at 25, 50, 75, 100)")
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.weights_chart)
        charts.addWidget(self.radar_chart)
        charts.setChildrenCollapsible(False)
        self.table = QTableWidget(0, len(RANK_HEADERS))
        self.table.setObjectName("rank-changes")
        self.table.setAccessibleName("How each option's rank and fit changed from A to B")
        self.table.setHorizontalHeaderLabels(RANK_HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.table)
        body.setChildrenCollapsible(False)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        self.charts_splitter, self.body = charts, body
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.basis)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self._fill_sides()
        room.controller.changed.connect(self._on_changed)
        room.controller.scenarioReplaced.connect(self._on_replaced)
        self._size_to_screen()

    # -- sides --------------------------------------------------------------------------------

    def _side_combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.activated.connect(self._on_side)
        return combo

    def choices(self) -> list[Choice]:
        doc = self.room.document
        out = [Choice("now")]
        out += [Choice("snapshot", s.id) for s in doc.scenario.snapshots]
        out += [Choice("file", f) for f in self._files]
        return out

    def _fill_sides(self, keep: tuple[Choice, Choice] | None = None) -> None:
        doc = self.room.document
        keep = keep or (self.choice("a"), self.choice("b"))
        choices = self.choices()
        for combo, chosen in ((self.side_a, keep[0]), (self.side_b, keep[1])):
            with signals_blocked(combo):
                combo.clear()
                for c in choices:
                    combo.addItem(visible(c.label(doc)), c)
                combo.addItem(ANOTHER_FILE, None)
                index = choices.index(chosen) if chosen in choices else 0
                combo.setCurrentIndex(index)

    def choice(self, side: str) -> Choice:
        combo = self.side_a if side == "a" else self.side_b
        data = combo.currentData()
        return data if isinstance(data, Choice) else Choice("now")

    def set_sides(self, a: Choice, b: Choice) -> None:
        """Show A against B (a file choice is added to the lists)."""
        for c in (a, b):
            if c.kind == "file" and c.ref not in self._files:
                self._files.append(c.ref)
        self._fill_sides((a, b))
        self.update_view()

    def _on_side(self, index: int) -> None:
        combo = self.sender()
        if not isinstance(combo, QComboBox):
            return
        if combo.itemData(index) is None:  # "Another scenario file…"
            added = self._add_file()
            a, b = self._last
            if added is not None:
                a, b = (added, b) if combo is self.side_a else (a, added)
            self._fill_sides((a, b))
        self.update_view()

    def _add_file(self) -> Choice | None:
        path, _ = QFileDialog.getOpenFileName(self, "Compare with a scenario file", "",
                                              SCENARIO_FILTER)
        if not path:
            return None
        try:
            scenario, _ = load_scenario(path)
        except ScenarioError as exc:
            prompts.warn(self, "Cannot compare with this file", exc.message)
            return None
        refs = [path] + [f"{path}#{s.name}" for s in scenario.snapshots]
        for ref in refs:
            if ref not in self._files:
                self._files.append(ref)
        return Choice("file", path)

    # -- showing ------------------------------------------------------------------------------

    def update_view(self) -> None:
        a, b = self.choice("a"), self.choice("b")
        try:
            self.results = comparisons(self.room.document, a, b)
        except ScenarioError as exc:
            prompts.warn(self, "Cannot compare", exc.message)
            self._fill_sides(self._last)
            return
        self._last = (a, b)
        current = self.framework.currentData()
        with signals_blocked(self.framework):
            self.framework.clear()
            for r in self.results:
                self.framework.addItem(visible(r.title), r.framework_id)
            index = self.framework.findData(current) if current else -1
            self.framework.setCurrentIndex(max(index, 0))
        self._show_framework()

    _last: tuple[Choice, Choice] = (Choice("now"), Choice("now"))

    def show_framework(self, framework_id: str) -> None:
        index = self.framework.findData(framework_id)
        if index >= 0:
            self.framework.setCurrentIndex(index)

    def current(self) -> FrameworkComparison | None:
        fid = self.framework.currentData()
        return next((r for r in self.results if r.framework_id == fid), None)

    def _show_framework(self, *_args) -> None:
        r = self.current()
        if r is None:
            self.summary.setText("The two sides share no framework to compare.")
            self.table.setRowCount(0)
            return
        self.basis.setText(r.basis)
        self.summary.setText(r.summary)
        self.weights_chart.set_title(f"{r.title}: weights, A and B")
        self.weights_chart.show_data(r.weights)
        self.radar_chart.set_title(f"{r.title}: weight profiles")
        self.radar_chart.show_data(r.radar)
        self.table.setRowCount(len(r.ranks))
        for i, c in enumerate(r.ranks):
            fit_delta = (None if c.fit_a is None or c.fit_b is None else c.fit_b - c.fit_a)
            cells = (c.option, "-" if c.rank_a is None else str(c.rank_a),
                     "-" if c.rank_b is None else str(c.rank_b),
                     ("\u25b2 " if (c.delta or 0) < 0 else "\u25bc " if (c.delta or 0) > 0
                      else "") + c.moved,
                     _fit(c.fit_a), _fit(c.fit_b),
                     _change(fit_delta))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(visible(text))
                if j > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 3 and c.delta:
                    item.setForeground(QColor(UP if c.delta < 0 else DOWN))
                self.table.setItem(i, j, item)

    def rank_rows(self) -> list[tuple[str, ...]]:
        """The rank-change table as shown (for tests and screen readers)."""
        return [tuple(_cell(self.table, i, j) for j in range(self.table.columnCount()))
                for i in range(self.table.rowCount())]

    def _on_changed(self, _framework_id: str) -> None:
        if not self.isVisible():
            return
        a, b = self.choice("a"), self.choice("b")
        if "now" in (a.kind, b.kind) or _framework_id == "":
            self.room.controller.scheduler.soon(("compare", id(self)), self._refresh_live)

    def _refresh_live(self) -> None:
        self._fill_sides()
        self.update_view()

    def _on_replaced(self) -> None:
        self._fill_sides((Choice("now"), Choice("now")))
        if self.isVisible():
            self.update_view()

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        w, h = 1100, 760
        if room is not None:
            w, h = min(w, room.width() - 40), min(h, room.height() - 60)
        self.resize(max(w, 640), max(h, 480))

    def restyle(self) -> None:
        self.weights_chart.restyle()
        self.radar_chart.restyle()

    def changeEvent(self, event) -> None:  # noqa: N802 - follow light or dark
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()
        super().changeEvent(event)

