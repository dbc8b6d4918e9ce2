"""Where the room disagrees, on each framework tab: a second view beside the tab's charts.

The tab's chart area becomes two pages, "Fit" (its ranking and radar, as before) and "Where
the room disagrees": the spread chart (``chart:<fw>:participants``, with its one-line reading
under the title) beside a small table of the group's top option and each person's. The page
shown is kept in RoomState, so every tab shows the same one (View > Where the room
disagrees, Ctrl+R, or the page tabs). The group method (median or mean) is chosen here too.
A page is redrawn only while it is visible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.derived import EVERYTHING, Path, affects, shows, view_paths
from ...core.room.chart_data import participants_data, top_rows
from ...core.room.models import GROUP_METHODS
from ..plain import guarded, visible
from ..signals import signals_blocked
from . import people
from .charts.participants import ParticipantsChart
from .presentation import SCALED_PROPERTY
from .state import RoomState

TOP_HEADERS = ("Who", "Top option", "Fit")
SIDE_BY_SIDE = 760
"""Narrower than this the table goes under the chart, which keeps the full width."""
FIT_PAGE, ROOM_PAGE = 0, 1


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None  # every cell is filled when the table is
    return item.text()


class RoomPage(QWidget):
    """One framework's spread chart, the group method and the top-options table."""

    def __init__(self, room: RoomState, framework_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.framework_id = framework_id
        self.setObjectName(f"room-page:{framework_id}")
        fw = room.document.framework(framework_id)
        self.chart = ParticipantsChart(framework_id, f"{fw.title}: the room's weights")
        self.chart.short_title = "The room's weights"
        self.method = QComboBox()
        self.method.setObjectName(f"group-method:{framework_id}")
        self.method.setAccessibleName("How the group's weights combine the people's")
        for m in GROUP_METHODS:
            self.method.addItem(m.capitalize(), m)
        self.method.setToolTip("Median: the middle person's weight, so one extreme cannot pull "
                               "the group. Mean: everyone moves it.")
        self.method.activated.connect(self._on_method)
        self.table = QTableWidget(0, len(TOP_HEADERS))
        self.table.setObjectName(f"top-options:{framework_id}")
        self.table.setProperty(SCALED_PROPERTY, True)  # read from the back of the room
        self.table.setAccessibleName(f"{fw.title}: the group's and each person's top option")
        self.table.setHorizontalHeaderLabels(TOP_HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        label = QLabel("Group:")
        label.setBuddy(self.method)
        head.addWidget(label)
        head.addWidget(self.method)
        head.addStretch(1)
        side_layout.addLayout(head)
        side_layout.addWidget(self.table, 1)
        # No minimum width until the page is arranged wide (_arrange): a hidden page's minimum
        # would otherwise widen the tab's whole chart column (the ecology map lost its room).
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.chart)
        split.addWidget(side)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.side = side
        self.splitter = split
        self._orientation: tuple[Qt.Orientation, float] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.dirty = True
        room.changed.connect(self.mark_dirty)
        room.controller.changed.connect(self._on_changed)
        room.controller.scenarioReplaced.connect(self.mark_dirty)

    # -- keeping up ---------------------------------------------------------------------------

    def _on_changed(self, framework_id: str, path: Path = EVERYTHING) -> None:
        if framework_id in ("", self.framework_id) and shows(
                view_paths(self.room.document, self.framework_id), path):
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self.dirty = True
        if self.isVisible():
            self.room.controller.scheduler.soon(("room-page", id(self)), self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._arrange()
        if self.dirty:
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Table beside the chart on a wide page, under it on a narrow one (sizes are set
        when the arrangement changes: splitters ignore sizes set before they are laid out)."""
        w, h = self.width(), self.height()
        if w <= 1 or h <= 1:
            return
        wide = w >= SIDE_BY_SIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        state = (orientation, self.table.font().pointSizeF())  # presenting: larger type
        if state == self._orientation:
            return
        self._orientation = state
        self.splitter.setOrientation(orientation)
        if wide:
            self.side.setMinimumWidth(self.side_width())
            side = max(self.side_width(), int(w * 0.3))
            self.splitter.setSizes([w - side, side])
        else:
            self.side.setMinimumWidth(0)
            self.splitter.setSizes([int(h * 0.66), h - int(h * 0.66)])

    def side_width(self) -> int:
        """Room for the top-options table: a name, a short option name and a fit."""
        fm = self.table.fontMetrics()
        return sum(fm.horizontalAdvance(t) for t in ("Dmitri (Registry)", "Business unit",
                                                      "100.0%")) + 48

    def changeEvent(self, event) -> None:  # noqa: N802 - type size, light or dark
        if event.type() == QEvent.Type.FontChange:
            self._orientation = None
            self._arrange()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.chart.restyle()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.dirty = False
        doc = self.room.document
        names = self.room.names()
        self.chart.show_data(participants_data(doc, self.framework_id, names))
        with signals_blocked(self.method):
            self.method.setCurrentIndex(max(0, self.method.findData(doc.scenario.group.method)))
        rows = top_rows(doc, self.framework_id, names, self.room.anonymous)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for i, r in enumerate(rows):
            who = f"{r.who} ({r.role})" if r.role else r.who
            fit = "-" if r.fit is None else f"{r.fit:.1f}%"
            for j, text in enumerate((who, r.option, fit)):
                item = QTableWidgetItem(visible(text))
                item.setToolTip(guarded(f"{who}: {r.option_name} ({fit})"))
                if r.is_group:
                    item.setFont(bold)
                if j == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)

    def top_table(self) -> list[tuple[str, str]]:
        """(who, top option) per row as shown (for tests and screen readers)."""
        return [(_cell(self.table, i, 0), _cell(self.table, i, 1))
                for i in range(self.table.rowCount())]

    # -- actions ------------------------------------------------------------------------------

    def _on_method(self, index: int) -> None:
        people.set_group_method(self, self.room, self.method.itemData(index))


class RoomViewSwitch(QTabWidget):
    """The tab's chart area as two pages: Fit, and Where the room disagrees."""

    def __init__(self, room: RoomState, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.setObjectName(f"room-views:{tab.framework_id}")
        self.setDocumentMode(True)
        self.setTabPosition(QTabWidget.TabPosition.North)
        self.page = RoomPage(room, tab.framework_id)
        tab.offer_chart_menu(self.page.chart)  # export, copy: the tab's chart menu
        self.currentChanged.connect(self._on_current)
        room.viewChanged.connect(self._follow)
        room.controller.changed.connect(self._on_document)
        room.controller.scenarioReplaced.connect(self._show_bar)

    def _on_current(self, index: int) -> None:
        self.room.show_room_view(index == ROOM_PAGE)

    def _follow(self, showing_room: bool) -> None:
        with signals_blocked(self):
            self.setCurrentIndex(ROOM_PAGE if showing_room else FIT_PAGE)
        self._show_bar()

    def _on_document(self, _framework_id: str, path: Path = EVERYTHING) -> None:
        if affects(path, ("participants",)):  # people came or went
            self._show_bar()

    def _show_bar(self, *_args) -> None:
        """The page tabs only when there is a room to show (people in it, or its page is on
        through Ctrl+R): with nobody in the room the charts keep the tab bar's height."""
        shown = bool(self.room.participants) or self.room.showing_room
        if shown != self.tabBar().isVisibleTo(self):
            self.tabBar().setVisible(shown)
            self.updateGeometry()

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        """Qt counts the tab bar even when it is hidden; without it, the pages' minimum."""
        hint = super().minimumSizeHint()
        if not self.tabBar().isVisibleTo(self):
            hint.setHeight(max(0, hint.height() - self.tabBar().sizeHint().height()))
        return hint


def install(room: RoomState, tab) -> RoomViewSwitch | None:
    """Show the tab's fit charts and the room's page under two page tabs, where the charts
    were (the tab's ``fit_slot`` wraps them). None when the tab has no such slot."""
    slot = getattr(tab, "fit_slot", None)
    if slot is None or slot.wrapper is not None:
        return None
    switch = RoomViewSwitch(room, tab)
    slot.wrap(switch, lambda charts: switch.addTab(charts, "Fit"))
    switch.addTab(switch.page, "Where the room disagrees")
    switch.setTabToolTip(ROOM_PAGE, "Every person's weights, the median and the range "
                                    "(Ctrl+R)")
    switch._follow(room.showing_room)
    return switch
