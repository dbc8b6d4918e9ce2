"""The view of one framework: weight sliders, ranking and radar charts, options and ratings.

Every framework gets this tab; a framework is data, so nothing here is specific to one.
Later tabs (ecology map, horizons) add panels around it. The tab only reads the Document and
pushes edits through the controller; it redraws when the controller says its framework
changed, coalescing bursts into one redraw per event-loop turn.
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDoubleSpinBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMenu,
    QPushButton, QScrollArea, QSplitter, QStyledItemDelegate, QTableWidget,
    QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from ...core.errors import ScenarioError
from ...core.models import Framework
from ..charts.base import Chart
from ..charts.radar import RadarChart, RadarData, RadarSeries
from ..charts.ranking import RankingChart, RankingData, RankingRow, rank_label
from ..charts.style import OPTION_COLOURS
from .. import prompts
from ..controller import DocumentController
from .sliders import ScaleSlider, WeightSlider

NO_WEIGHT_MESSAGE = "Set at least one weight"
NO_SELECTION_MESSAGE = "Tick options in the table to compare them"
RATING_ROLE = Qt.ItemDataRole.UserRole + 1
RANKING_MAX_ROWS = 25
TABLE_SETTLE_MS = 80
"""The table's Fit column follows a drag this long after the last change."""
"""More bars than this are unreadable on a slide: the chart shows the top ones and says so."""


class FrameworkTab(QWidget):
    """Sliders on the left; ranking and radar on top; options and ratings below."""

    def __init__(self, controller: DocumentController, framework_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.framework_id = framework_id
        self.setObjectName(f"tab:{framework_id}")
        fw = self.framework
        self.weight_sliders: dict[str, WeightSlider] = {}
        self.target_sliders: dict[str, ScaleSlider] = {}
        self._refresh_pending = False
        self._table_timer = QTimer(self)
        self._table_timer.setSingleShot(True)
        self._table_timer.setInterval(TABLE_SETTLE_MS)
        self._table_timer.timeout.connect(self._update_table)
        self._colour_index = {o.id: i for i, o in enumerate(fw.options)}

        # -- weights panel ------------------------------------------------------------------
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(6, 6, 6, 6)
        weights_box = QGroupBox("What matters (weights)")
        weights_layout = QVBoxLayout(weights_box)
        for c in fw.criteria:
            name = c.name
            if c.literature_share is not None:
                name = f"{c.name}  ({c.literature_share:g}% of literature)"
            w = WeightSlider(framework_id, c.id, name, c.description, weights_box)
            w.weightChanged.connect(self._on_weight)
            weights_layout.addWidget(w)
            self.weight_sliders[c.id] = w
        reset = QPushButton("Equal weights")
        reset.setObjectName(f"reset-weights:{framework_id}")
        reset.setToolTip("Set every weight back to its default")
        reset.clicked.connect(self._reset_weights)
        weights_layout.addWidget(reset)
        panel_layout.addWidget(weights_box)
        targets = [c for c in fw.criteria if c.direction == "target"]
        if targets:
            target_box = QGroupBox("Where you are aiming")
            target_layout = QVBoxLayout(target_box)
            for c in targets:
                s = ScaleSlider(f"target:{framework_id}:{c.id}", c.id, f"Target {c.name.lower()}",
                                c.scale, c.levels,
                                f"The {c.name.lower()} the institution aims for; options closer to "
                                f"it fit better.", parent=target_box)
                s.targetChanged.connect(self._on_target)
                target_layout.addWidget(s)
                self.target_sliders[c.id] = s
            panel_layout.addWidget(target_box)
        panel_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(250)
        scroll.setMaximumWidth(380)
        self.weights_panel = scroll

        # -- charts -------------------------------------------------------------------------
        self.ranking_chart = RankingChart(framework_id, f"{fw.title}: ranking of fit")
        self.radar_chart = RadarChart(framework_id, f"{fw.title}: profile of fit")
        self.charts: dict[str, Chart] = {"ranking": self.ranking_chart, "radar": self.radar_chart}
        for chart in self.charts.values():
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(self._chart_menu)
        self.chart_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.chart_splitter.addWidget(self.ranking_chart)
        self.chart_splitter.addWidget(self.radar_chart)
        self.chart_splitter.setChildrenCollapsible(False)
        self.chart_splitter.setStretchFactor(0, 11)
        self.chart_splitter.setStretchFactor(1, 9)

        # -- options table and details --------------------------------------------------------
        self.table = QTableWidget(len(fw.options), 2 + len(fw.criteria))
        self.table.setObjectName(f"options:{framework_id}")
        self.table.setAccessibleName(f"{fw.title}: options and ratings")
        self.table.setHorizontalHeaderLabels(["Option", "Fit"] + [c.label for c in fw.criteria])
        for col, c in enumerate(fw.criteria, start=2):
            self.table.horizontalHeaderItem(col).setToolTip(
                f"{c.name} ({c.direction}: {_direction_text(c.direction)})\n{c.description}")
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegate(_RatingDelegate(self))
        # Columns are sized when the ratings change, not on every fit update: ResizeToContents
        # rescans every row on each cell change (a quarter of a millisecond per cell).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.table.fontMetrics().horizontalAdvance("100.0%  (=100)") + 12)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(self._on_current_cell)
        self.details = QTextBrowser()
        self.details.setObjectName(f"details:{framework_id}")
        self.details.setOpenExternalLinks(False)
        self.details.setMinimumWidth(220)
        self._provenance = QLabel(self._provenance_text())
        self._provenance.setWordWrap(True)
        self._provenance.setObjectName(f"provenance:{framework_id}")
        self.top_three = QPushButton("Show top three on radar")
        self.top_three.setObjectName(f"radar-top-three:{framework_id}")
        self.top_three.clicked.connect(self._select_top_three)
        table_box = QWidget()
        tb = QVBoxLayout(table_box)
        tb.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self._provenance, 1)
        head.addWidget(self.top_three)
        tb.addLayout(head)
        tb.addWidget(self.table)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(table_box)
        bottom.addWidget(self.details)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self._fill_table()

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart_splitter)
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        right.setSizes([380, 260])
        self.main_area = right

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)

        controller.changed.connect(self._on_changed)
        self.refresh()
        self.table.selectRow(0)
        self._show_details(0)

    # -- reading ------------------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    @property
    def framework(self) -> Framework:
        return self.document.framework(self.framework_id)

    def option_colour(self, option_id: str) -> str:
        return OPTION_COLOURS[self._colour_index.get(option_id, 0) % len(OPTION_COLOURS)]

    # -- edits from the widgets ------------------------------------------------------------

    def _push(self, make_edit, *args, refused: str = "Value refused"):
        """Build an edit and push it; a refusal is shown (titled ``refused``) and changes
        nothing. Returns the edit, or None when it was refused."""
        try:
            edit = make_edit(*args)
        except ScenarioError as exc:
            prompts.warn(self, refused, exc.message)
            self.refresh()
            return None
        self.controller.push(edit)
        return edit

    def _on_weight(self, criterion_id: str, value: int, gesture: int) -> None:
        self._push(self.document.set_weight, self.framework_id, criterion_id, value, gesture)

    def _on_target(self, criterion_id: str, value: float, gesture: int) -> None:
        self._push(self.document.set_target, self.framework_id, criterion_id, value, gesture)

    def _reset_weights(self) -> None:
        edits = [self.document.set_weight(self.framework_id, c.id, c.default_weight)
                 for c in self.framework.criteria]
        self.controller.push_many(edits, "Equal weights")

    def _select_top_three(self) -> None:
        self._push(self.document.set_selection, self.framework_id, None)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, col = item.row(), item.column()
        option = self.framework.options[row]
        if col == 0:
            chosen = set(self.document.radar_options(self.framework_id))
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(option.id)
            else:
                chosen.discard(option.id)
            self._push(self.document.set_selection, self.framework_id, sorted(chosen))
        elif col >= 2:
            value = item.data(RATING_ROLE)
            criterion = self.framework.criteria[col - 2]
            if value is not None:
                self._push(self.document.set_rating, self.framework_id, option.id, criterion.id,
                           float(value))

    def reset_rating(self, option_id: str, criterion_id: str) -> None:
        self._push(self.document.set_rating, self.framework_id, option_id, criterion_id, None)

    # -- refreshing -----------------------------------------------------------------------

    def _on_changed(self, framework_id: str) -> None:
        if framework_id in ("", self.framework_id):
            self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Redraw at once for the first change of an event-loop turn, so what is on screen
        (and what code reads back) follows the slider immediately; further changes in the same
        turn (a sweep, a flood of events) coalesce into one redraw with the latest values when
        the turn ends. Stale intermediate values are never drawn after newer ones arrived."""
        if self._in_burst:
            self._refresh_pending = True
            return
        self._in_burst = True
        QTimer.singleShot(0, self._end_burst)
        self.refresh()

    _in_burst = False

    def _end_burst(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._in_burst = False
        if self._refresh_pending:
            self.refresh()

    def refresh(self) -> None:
        self._refresh_pending = False
        settings = self.document.settings(self.framework_id)
        for cid, slider in self.weight_sliders.items():
            slider.set_value(settings.weights[cid])
        for cid, slider in self.target_sliders.items():
            slider.set_value(settings.targets[cid])
        self.ranking_chart.show_data(self.ranking_data())
        self.radar_chart.show_data(self.radar_data())
        if self._ratings_key is None or self.document.ratings_key(self.framework_id) != self._ratings_key:
            self._table_timer.stop()
            self._update_table()  # edited ratings show at once
        else:
            # Only fits moved: the charts are the live feedback; the table's Fit column
            # follows once the hand pauses (saves about 3 ms of every slider tick).
            self._table_timer.start()

    def ranking_data(self) -> RankingData:
        ranking = self.document.ranking(self.framework_id)
        on_radar = set(self.document.radar_options(self.framework_id))
        names = {o.id: o.name for o in self.framework.options}
        shown = ranking.results[:RANKING_MAX_ROWS]
        rows = tuple(
            RankingRow(names[r.option], r.fit, r.rank, r.tied,
                       self.option_colour(r.option) if r.option in on_radar else "")
            for r in shown)
        unit = "Fit (%)"
        if len(ranking.results) > len(shown):
            unit = f"Fit (%), top {len(shown)} of {len(ranking.results)}"
        return RankingData(rows, "" if ranking.has_weight else NO_WEIGHT_MESSAGE, unit)

    def radar_data(self) -> RadarData:
        fw = self.framework
        ranking = self.document.ranking(self.framework_id)
        by_id = {r.option: r for r in ranking.results}
        chosen = self.document.radar_options(self.framework_id)
        order = [r.option for r in ranking.results if r.option in set(chosen)]
        series = tuple(
            RadarSeries(fw.option(oid).name, self.option_colour(oid),
                        tuple(by_id[oid].utilities[c.id] for c in fw.criteria))
            for oid in order)
        weights = tuple(ranking.weights[c.id] / 100.0 for c in fw.criteria)
        message = ""
        if not ranking.has_weight:
            message = NO_WEIGHT_MESSAGE
        elif not series:
            message = NO_SELECTION_MESSAGE
        return RadarData(tuple(c.label for c in fw.criteria), series, weights, message,
                         "Weights (slider / 100)")

    # -- table ----------------------------------------------------------------------------

    _filling = False

    def _fill_table(self) -> None:
        fw = self.framework
        self._filling = True
        try:
            for row, opt in enumerate(fw.options):
                name = QTableWidgetItem(opt.name)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                name.setToolTip(f"{opt.description}\nTick to show on the radar.")
                name.setForeground(QBrush(QColor(self.option_colour(opt.id))))
                bold = QFont()
                bold.setBold(True)
                name.setFont(bold)
                self.table.setItem(row, 0, name)
                fit = QTableWidgetItem()
                fit.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                fit.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, 1, fit)
                for col, c in enumerate(fw.criteria, start=2):
                    cell = QTableWidgetItem()
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                  | Qt.ItemFlag.ItemIsEditable)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(row, col, cell)
        finally:
            self._filling = False

    _ratings_key: tuple | None = None

    def _update_table(self) -> None:
        """Fit and radar ticks on every change; rating cells only when the ratings changed
        (a weight drag on a 200 x 40 framework must not rewrite 8,000 cells)."""
        fw = self.framework
        ranking = self.document.ranking(self.framework_id)
        by_id = {r.option: r for r in ranking.results}
        chosen = set(self.document.radar_options(self.framework_id))
        overrides = self.document.settings(self.framework_id).rating_overrides
        key = self.document.ratings_key(self.framework_id)
        ratings_changed = key != self._ratings_key
        self._ratings_key = key
        self._filling = True
        blocker = QSignalBlocker(self.table)
        self.table.setUpdatesEnabled(False)  # one repaint at the end, not one per cell
        try:
            for row, opt in enumerate(fw.options):
                state = Qt.CheckState.Checked if opt.id in chosen else Qt.CheckState.Unchecked
                if self.table.item(row, 0).checkState() != state:
                    self.table.item(row, 0).setCheckState(state)
                r = by_id[opt.id]
                text = "-" if r.fit is None else f"{r.fit:.1f}%  ({rank_label(r)})"
                fit_item = self.table.item(row, 1)
                if fit_item.text() != text:  # setText costs a model update even when equal
                    fit_item.setText(text)
                if ratings_changed:
                    for col, c in enumerate(fw.criteria, start=2):
                        self._show_rating(self.table.item(row, col), opt, c,
                                          overrides.get(opt.id, {}))
            if ratings_changed:
                for col in range(2, self.table.columnCount()):
                    self.table.resizeColumnToContents(col)
        finally:
            del blocker
            self._filling = False
            self.table.setUpdatesEnabled(True)

    def _show_rating(self, cell: QTableWidgetItem, opt, c, edits: dict) -> None:
        rating = opt.ratings[c.id]
        edited = c.id in edits
        value = edits[c.id] if edited else rating.value
        text = c.label_of(value)
        cell.setText(f"{text} *" if edited else text)
        cell.setData(RATING_ROLE, value)
        f = cell.font()
        f.setItalic(edited)
        cell.setFont(f)
        tip = [f"{opt.name} / {c.name}: {text} ({value:g} on {c.scale[0]:g}-{c.scale[1]:g})"]
        if edited:
            tip.append(f"Edited; the default is {c.label_of(rating.value)}. Right-click to reset.")
        if rating.rationale:
            tip.append(f"Why: {rating.rationale}")
        if rating.source:
            tip.append(f"Source: {rating.source}")
        cell.setToolTip("\n".join(tip))

    def _on_current_cell(self, row: int, *_):
        self._show_details(row)

    def _show_details(self, row: int) -> None:
        fw = self.framework
        if not 0 <= row < len(fw.options):
            self.details.clear()
            return
        opt = fw.options[row]
        parts = [f"<h3>{html.escape(opt.name)}</h3>"]
        if opt.description:
            parts.append(f"<p>{html.escape(opt.description)}</p>")
        if opt.example:
            parts.append(f"<p><b>Example:</b> {html.escape(opt.example)}</p>")
        if opt.strengths:
            parts.append(f"<p><b>Strengths:</b> {html.escape(opt.strengths)}</p>")
        if opt.weaknesses:
            parts.append(f"<p><b>Weaknesses:</b> {html.escape(opt.weaknesses)}</p>")
        if fw.provenance == "authored-default":
            items = []
            for c in fw.criteria:
                r = opt.ratings[c.id]
                if r.rationale:
                    items.append(f"<li><b>{html.escape(c.label)}</b> "
                                 f"({html.escape(c.label_of(r.value))}): {html.escape(r.rationale)}"
                                 f" <i>[{html.escape(r.source)}]</i></li>")
            if items:
                parts.append("<p><b>Why these default ratings</b> (editable defaults, not "
                              "published findings):</p><ul>" + "".join(items) + "</ul>")
        parts.append(f"<p style='color:gray'><small>Source: {html.escape(fw.source)}</small></p>")
        self.details.setHtml("".join(parts))

    def _provenance_text(self) -> str:
        fw = self.framework
        if fw.provenance == "published":
            return "Published ratings. Tick to show on the radar; double-click a rating to edit it."
        return ("<b>Editable defaults</b>, not published findings: hover for the rationale, "
                "double-click to edit, right-click to reset.")

    def _table_menu(self, pos) -> None:
        item = self.table.itemAt(pos)
        if item is None or item.column() < 2:
            return
        opt = self.framework.options[item.row()]
        crit = self.framework.criteria[item.column() - 2]
        menu = QMenu(self)
        reset = QAction(f"Reset {opt.label} / {crit.label} to default", menu)
        reset.setEnabled(self.document.is_rating_edited(self.framework_id, opt.id, crit.id))
        reset.triggered.connect(lambda: self.reset_rating(opt.id, crit.id))
        menu.addAction(reset)
        reset_all = QAction("Reset all edited ratings", menu)
        reset_all.triggered.connect(self.reset_all_ratings)
        menu.addAction(reset_all)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def reset_all_ratings(self) -> None:
        settings = self.document.settings(self.framework_id)
        edits = [self.document.set_rating(self.framework_id, oid, cid, None)
                 for oid, row in settings.rating_overrides.items() for cid in row]
        self.controller.push_many(edits, "Reset edited ratings")

    def _chart_menu(self, pos) -> None:
        chart = self.sender()
        window = self.window()
        export = getattr(window, "export_chart", None)
        if export is None or not isinstance(chart, Chart):
            return
        menu = QMenu(self)
        action = QAction(f"Export “{chart.title}” as PNG…", menu)
        action.triggered.connect(lambda: export(chart))
        menu.addAction(action)
        menu.exec(chart.mapToGlobal(pos))

    def restyle(self) -> None:
        for chart in self.charts.values():
            chart.restyle()


class _RatingDelegate(QStyledItemDelegate):
    """Edits a rating with a spin box on the criterion's scale, in half steps."""

    def __init__(self, tab: FrameworkTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        if index.column() < 2:
            return None
        crit = self.tab.framework.criteria[index.column() - 2]
        editor = QDoubleSpinBox(parent)
        editor.setRange(*crit.scale)
        editor.setSingleStep(0.5)
        editor.setDecimals(1)
        editor.setAccessibleName(f"Rating on {crit.name}")
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(RATING_ROLE)
        if value is not None:
            editor.setValue(float(value))

    def setModelData(self, editor, model, index):  # noqa: N802
        editor.interpretText()
        model.setData(index, editor.value(), RATING_ROLE)


def _direction_text(direction: str) -> str:
    return {"benefit": "higher is better", "cost": "lower is better",
            "target": "best when it matches your target"}[direction]
