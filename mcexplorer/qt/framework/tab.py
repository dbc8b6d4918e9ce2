"""The view of one framework: weight sliders, ranking and radar charts, options and ratings.

Every framework gets this tab (a framework is data); feature tabs add parts and arrange them
their own way. The tab reads the Document and pushes edits through the controller; it redraws
when an edit's path is one it draws (core.derived.view_paths), once per event-loop turn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout, QMenu, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from ...core import chart_data
from ...core.chart_data import (  # noqa: F401 - API
    NO_SELECTION_MESSAGE, NO_WEIGHT_MESSAGE, RANKING_MAX_ROWS, Colour, RadarData, RankingData,
)
from ...core.derived import EVERYTHING, Path, shows, table_view_paths, view_paths
from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.frameworks import editing as fw_editing
from ...core.models import Framework
from ...core.weighting import Weighting
from .. import prompts
from ..charts.base import Chart, ChartPlan
from ..charts.radar import RadarChart
from ..charts.ranking import RankingChart
from ..chart_menu import ChartMenu, open_chart_menu
from ..controller import DocumentController
from ..labels import AdaptiveRow, WrapLabel
from .details import option_details_html, provenance_text
from .editing import FrameworkEditor
from .options_table import FIRST_RATING_COLUMN, OptionsModel, options_view
from .part_slot import Hideable, PartSlot
from .robustness_panel import RobustnessPanel
from .table_fit import NameColumnFit
from .weighting import SCENARIO_WEIGHTING
from .weights_panel import WeightsPanel

TABLE_SETTLE_MS = 80
"""The table's Fit column follows a drag this long after the last change."""
HEAD_SIDE_BY_SIDE = 480
"""Narrower than this, the provenance note sits above the radar button, not beside it."""


class FrameworkTab(QWidget):
    """One framework's view, built from parts and then arranged.

    The parts: the weights panel (``weights_panel``), the ranking and radar charts with the
    robustness verdict and pages around them (``fit_charts()``), the options table with its
    provenance note (``table_box``) and the details of the selected option (``details``).
    A feature tab adds its own parts in ``build_parts()`` and places everything in its own
    ``arrange()``. The default: weights left; ranking and radar on top; options below.
    """

    def __init__(self, controller: DocumentController, framework_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.framework_id = framework_id
        self.setObjectName(f"tab:{framework_id}")
        fw = self.framework
        self._colour = self.colours(controller.document, framework_id)
        self.weighting = SCENARIO_WEIGHTING
        """Whose weights the sliders and charts show (see weighting.py; the room swaps it)."""

        # -- weights panel ------------------------------------------------------------------
        self.weights_panel = WeightsPanel(controller, fw)
        self.weight_sliders = self.weights_panel.weight_sliders
        self.target_sliders = self.weights_panel.target_sliders
        self.notes_box = self.weights_panel.notes_box
        for w in self.weight_sliders.values():
            w.weightChanged.connect(self._on_weight)
        for s in self.target_sliders.values():
            s.targetChanged.connect(self._on_target)
        self.weights_panel.reset_button.clicked.connect(self._reset_weights)

        # -- charts -------------------------------------------------------------------------
        self.ranking_chart = RankingChart(framework_id, f"{fw.title}: ranking of fit")
        self.radar_chart = RadarChart(framework_id, f"{fw.title}: profile of fit")
        self.charts: dict[str, Chart] = {"ranking": self.ranking_chart, "radar": self.radar_chart}
        self.chart_menu: ChartMenu | None = None  # export, copy...: given by the tab host
        for chart in self.charts.values():
            self.offer_chart_menu(chart)

        # -- options table and details --------------------------------------------------------
        self._build_table(fw)
        self.details = QTextBrowser()
        self.details.setObjectName(f"details:{framework_id}")
        self.details.setOpenExternalLinks(False)
        self.details.setMinimumWidth(180)
        self.editor = FrameworkEditor(self)  # reset all ratings, notes, options and criteria
        self.weights_panel.add_tools(self.editor.tools)
        self.robustness = RobustnessPanel(self)  # verdict, slider bands, "How sure" pages

        # -- the feature's own parts, then the arrangement ------------------------------------
        self.chart_splitter: QSplitter | None = None
        self.fit_slot: PartSlot | None = None
        self.table_area: Hideable | None = None
        self.build_parts()
        self.arrange()

        controller.changed.connect(self._on_changed)
        self.refresh()
        self.table.selectRow(0)
        self._show_details(0)

    def _build_table(self, fw: Framework) -> None:
        fid = self.framework_id
        self.options_model = OptionsModel(self.controller, fid, self.option_colour, self)
        self.options_model.ranking_source = self.current_ranking
        self.options_model.refused.connect(self._refused)
        self.table = options_view(self.options_model, f"options:{fid}",
                                  f"{fw.title}: options and ratings")
        self.name_fit = NameColumnFit(self.table, lambda: [o.name for o in self.framework.options])
        self.name_fit.fit()  # names whole: the Fit column sized for its text, else scroll
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._provenance = WrapLabel(self._provenance_text(), rich=True)
        self._provenance.setObjectName(f"provenance:{fid}")
        self.top_three = QPushButton("Show top three on radar")
        self.top_three.setObjectName(f"radar-top-three:{fid}")
        self.top_three.clicked.connect(self._select_top_three)
        self.table_box = QWidget()
        tb = QVBoxLayout(self.table_box)
        tb.setContentsMargins(0, 0, 0, 0)
        head = AdaptiveRow(HEAD_SIDE_BY_SIDE)  # the note above the button when narrow
        head.add(self._provenance, 1)
        head.add(self.top_three)
        tb.addWidget(head)
        tb.addWidget(self.table, 1)  # the spare height goes to the rows, not around the note

    # -- arranging the parts ------------------------------------------------------------------

    def build_parts(self) -> None:
        """A feature tab builds its own parts here: after the generic parts, before
        ``arrange()`` and the first ``refresh()``. The generic tab has none."""

    def arrange(self) -> None:
        """Weights | (ranking beside radar, over the options table beside the details)."""
        charts = self.fit_charts(Qt.Orientation.Horizontal, stretch=(9, 11))
        self.main_area = self.charts_over_table(charts, self.table_and_details())
        self.main_area.setSizes([450, 190])  # the radar keeps >= 240 px across at 1024x768
        self.place(self.main_area)

    def fit_charts(self, orientation: Qt.Orientation,
                   stretch: tuple[int, int] = (1, 2)) -> PartSlot:
        """The ranking (under the robustness verdict) and the radar's pages (profile,
        sensitivity, how sure) in one splitter (``chart_splitter``), held in ``fit_slot``:
        the place the room shows its own page beside them."""
        splitter = QSplitter(orientation)
        splitter.setObjectName(f"fit-charts:{self.framework_id}")
        splitter.addWidget(self.robustness.ranking_column)
        splitter.addWidget(self.robustness.pages)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        self.chart_splitter = splitter
        self.fit_slot = PartSlot(splitter)
        return self.fit_slot

    def table_and_details(self) -> QSplitter:
        """The options table beside the option's details (``table_area``: presenting hides)."""
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.table_box)
        bottom.addWidget(self.details)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.table_area = bottom
        return bottom

    @staticmethod
    def charts_over_table(charts: QWidget, table: QWidget) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        return split

    def place(self, *columns: QWidget) -> None:
        """The tab's layout: the weights panel, then ``columns`` left to right (the first
        takes the spare width)."""
        self._row = layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.weights_panel)
        for n, column in enumerate(columns):
            layout.addWidget(column, 1 if n == 0 else 0)

    def add_leading(self, widget: QWidget) -> None:
        """Put ``widget`` left of the weights panel (presenting's compact weights strip)."""
        self._row.insertWidget(0, widget)

    # -- reading ------------------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    @property
    def framework(self) -> Framework:
        return self.document.framework(self.framework_id)

    def in_view(self) -> Weighting:
        """Whose weighting the tab shows (core.weighting; the room's pick, else the
        scenario's own): every chart's data is computed from it."""
        return self.weighting.value(self.document, self.framework_id)

    def current_ranking(self):
        """The ranking by the weighting shown (the scenario's unless the room picked one)."""
        return self.weighting.ranking(self.document, self.framework_id)

    def option_colour(self, option_id: str) -> str:
        return self._colour(option_id)

    # -- what the charts draw (class methods: an export needs no tab) -----------------------

    @classmethod
    def colours(cls, doc: Document, framework_id: str) -> Colour:
        return chart_data.palette(doc, framework_id)

    @classmethod
    def ranking_for(cls, doc: Document, framework_id: str, weighting: Weighting) -> RankingData:
        return chart_data.ranking_data(doc, framework_id, weighting,
                                       cls.colours(doc, framework_id))

    @classmethod
    def radar_for(cls, doc: Document, framework_id: str, weighting: Weighting) -> RadarData:
        return chart_data.radar_data(doc, framework_id, weighting, cls.colours(doc, framework_id))

    @classmethod
    def chart_plans(cls, doc: Document, framework_id: str,
                    weighting: Weighting) -> list[ChartPlan]:
        """Every chart the tab exports, as kind, chart class, title and data."""
        title = doc.framework(framework_id).title
        return [ChartPlan("ranking", RankingChart, f"{title}: ranking of fit",
                          cls.ranking_for(doc, framework_id, weighting)),
                ChartPlan("radar", RadarChart, f"{title}: profile of fit",
                          cls.radar_for(doc, framework_id, weighting))]

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
        self._push(self.weighting.weight_edit, self.document, self.framework_id, criterion_id,
                   value, gesture)

    def _on_target(self, criterion_id: str, value: float, gesture: int) -> None:
        self._push(self.weighting.target_edit, self.document, self.framework_id, criterion_id,
                   value, gesture)

    def _reset_weights(self) -> None:
        self.controller.push_many(self.weighting.reset_edits(self.document, self.framework_id),
                                  "Equal weights")

    def _select_top_three(self) -> None:
        self._push(self.document.set_selection, self.framework_id, None)

    def reset_rating(self, option_id: str, criterion_id: str) -> None:
        """Back to the default, the planner's note on it included (one undo step)."""
        self.controller.push_many(fw_editing.reset_rating(
            self.document, self.framework_id, option_id, criterion_id), "Reset rating")

    # -- refreshing -----------------------------------------------------------------------

    def _on_changed(self, framework_id: str, path: Path = EVERYTHING) -> None:
        fid = self.framework_id  # redraw after an edit of what the tab draws, only
        if framework_id in ("", fid) and shows(view_paths(self.document, fid), path):
            self._table_due |= shows(table_view_paths(fid), path)  # ratings, notes: not fits
            self.schedule_refresh()

    _table_due = True

    detached = False
    """True once the window is replacing this tab: it follows nothing any more."""

    def schedule_refresh(self) -> None:
        """Redraw now, or once at the end of this event-loop turn (see qt.scheduler)."""
        if self.detached:
            return
        self.controller.scheduler.soon(("tab", self.framework_id, id(self)), self.refresh)

    def refresh(self) -> None:
        shown = self.current_ranking()
        for cid, slider in self.weight_sliders.items():
            slider.set_value(shown.weights[cid])
        for cid, target in self.target_sliders.items():
            target.set_value(shown.targets[cid])
        self.ranking_chart.show_data(self.ranking_data())
        self.radar_chart.show_data(self.radar_data())
        self.robustness.refresh()
        table_key = ("table", self.framework_id, id(self))
        if self._table_due:
            self._table_due = False
            self._show_details(self.table.currentIndex().row())
            self.controller.scheduler.cancel(table_key)
            self.options_model.update_ratings()  # edited ratings show at once
            self.options_model.update_fits()
            # A rating column is as wide as its ratings; a long criterion name is elided in
            # the header (its tooltip has it whole), so the option names keep their room.
            most = self.table.fontMetrics().horizontalAdvance("M" * 8) + 12
            header = self.table.horizontalHeader()
            for col in range(FIRST_RATING_COLUMN, self.options_model.columnCount()):
                self.table.setColumnWidth(col, max(self.table.sizeHintForColumn(col),
                                                   min(header.sectionSizeHint(col), most)))
            self.name_fit.fit()
        else:
            # Only fits moved: the charts are the live feedback; the table's Fit column
            # follows once the hand pauses (saves painting on every slider tick).
            self.controller.scheduler.settle(table_key, self.options_model.update_fits,
                                             TABLE_SETTLE_MS)

    def ranking_data(self) -> RankingData:
        return self.ranking_for(self.document, self.framework_id, self.in_view())

    def radar_data(self) -> RadarData:
        return self.radar_for(self.document, self.framework_id, self.in_view())

    def _on_current_row(self, current, _previous) -> None:
        self._show_details(current.row())

    def _refused(self, message: str) -> None:
        prompts.warn(self, "Value refused", message)
        self.refresh()

    def _show_details(self, row: int) -> None:
        fw = self.framework
        if not 0 <= row < len(fw.options):
            self.details.clear()
            return
        self.details.setHtml(option_details_html(fw, fw.options[row],
                                                 self.document.settings(self.framework_id)))

    def _provenance_text(self) -> str:
        return provenance_text(self.framework,
                               fw_editing.is_redefined(self.document, self.framework_id))

    def _table_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        opt = self.framework.options[index.row()]
        crit = None
        menu = QMenu(self)
        if index.column() >= FIRST_RATING_COLUMN:
            crit = self.options_model.criterion_at(index.column())
            reset = QAction(f"Reset {opt.label} / {crit.label} to default", menu)
            reset.setEnabled(self.document.is_rating_edited(self.framework_id, opt.id, crit.id)
                             or bool(fw_editing.rating_note(self.document, self.framework_id,
                                                            opt.id, crit.id)))
            reset.triggered.connect(lambda: self.reset_rating(opt.id, crit.id))
            menu.addAction(reset)
        self.editor.add_cell_actions(menu, opt, crit)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def reset_all_ratings(self) -> None:
        """Every edited rating and note of this framework back to the defaults (one step)."""
        self.controller.push_many(fw_editing.reset_all_ratings(self.document, self.framework_id),
                                  "Reset all ratings")

    def detach(self) -> None:
        """Stop following the document: the window is replacing this tab (its framework's
        options or criteria changed) and will delete it."""
        self.detached = True
        try:
            self.controller.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        for key in (("tab", self.framework_id, id(self)), ("table", self.framework_id, id(self))):
            self.controller.scheduler.cancel(key)
        self.options_model.freeze()

    def offer_chart_menu(self, chart: Chart) -> None:
        """Right-clicking ``chart`` (this tab's, or a part's) opens the chart menu."""
        chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        chart.customContextMenuRequested.connect(self._chart_menu)

    def _chart_menu(self, pos) -> None:
        if isinstance(chart := self.sender(), Chart):
            open_chart_menu(self.chart_menu, chart, pos)

    def restyle(self) -> None:
        for chart in self.charts.values():
            chart.restyle()
        self.robustness.restyle()
