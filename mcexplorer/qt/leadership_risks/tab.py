"""The leadership-and-risks tab: five pages over the scenario's ``leadership`` and ``risks``
sections, for a register framework (it ranks nothing, so it has no sliders or ranking).

Pages: "Strategy on a page" (the five key questions answered), "Leadership", "Culture",
"Risks" and "Plan B". It provides what the window expects of a tab: ``framework_id``,
``charts`` (``culture`` and ``heatmap``, exportable), ``refresh()``, ``restyle()``. Every
change is an Edit from core.leadership_risks.edits pushed through the controller (undoable,
saved). The strategy page reads the other tabs too: the tab follows its own edits at once and
other tabs' changes once they settle, and only while it is visible (else on the next show).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...core.answers import strategy
from ...core.derived import EVERYTHING, Path, scenario_paths, shows
from ...core.document import Document
from ...core.edits import Edit
from ...core.errors import ScenarioError
from ...core.leadership_risks import extension as lr_extension
from ...core.leadership_risks.chart_data import culture_data, heatmap_data
from ...core.leadership_risks.strategy import Strategy
from ...core.view import in_view
from ...core.weighting import Weighting
from .. import prompts
from ..chart_menu import ChartMenu, open_chart_menu
from ..charts.base import Chart, ChartPlan
from ..controller import DocumentController
from .charts.culture import CultureChart
from .charts.heatmap import HeatmapChart
from .culture_page import CulturePage
from .leadership_page import LeadershipPage
from .plan_b_page import PlanBPage
from .risks_page import RisksPage
from .strategy_page import StrategyPage

CULTURE_TITLE = "Culture: where we are, what is needed"
HEATMAP_TITLE = "Risks: likelihood x impact"

OTHER_TABS_SETTLE_MS = 150
"""Another tab's drag shows here this long after it pauses (the strategy page is a summary)."""


class LeadershipRisksTab(QWidget):
    EXTENSION = lr_extension.EXTENSION_ID

    def __init__(self, controller: DocumentController, framework_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.framework_id = framework_id
        self.setObjectName(f"tab:{framework_id}")
        self._stale = False
        self.strategy: Strategy | None = None

        self.culture_chart = CultureChart(framework_id, CULTURE_TITLE)
        self.heatmap_chart = HeatmapChart(framework_id, HEATMAP_TITLE)
        self.charts: dict[str, Chart] = {"culture": self.culture_chart,
                                         "heatmap": self.heatmap_chart}
        self.chart_menu: ChartMenu | None = None
        """What a chart's context menu offers: the tab host gives it (the window's export)."""
        for chart in self.charts.values():
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(self._chart_menu)

        self.strategy_page = StrategyPage(self)
        self.leadership_page = LeadershipPage(self)
        self.culture_page = CulturePage(self)
        self.risks_page = RisksPage(self)
        self.plan_b_page = PlanBPage(self)
        self.pages = QTabWidget()
        self.pages.setObjectName(f"pages:{framework_id}")
        for page, title, tip in (
                (self.strategy_page, "Strategy on a page", "The five key questions answered "
                 "from this scenario"),
                (self.leadership_page, "Leadership", "Approach, who leads, governance, team"),
                (self.culture_page, "Culture", "The enabling-culture principles, rated"),
                (self.risks_page, "Risks", "The risk register and its heat map"),
                (self.plan_b_page, "Plan B", "Targets, review date and threshold")):
            self.pages.addTab(page, title)
            self.pages.setTabToolTip(self.pages.count() - 1, tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

        controller.changed.connect(self._on_changed)
        controller.viewChanged.connect(self._on_view)  # another weighting in view
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    @classmethod
    def chart_plans(cls, doc: Document, framework_id: str,
                    weighting: Weighting) -> list[ChartPlan]:
        """The charts the tab exports, as data (no tab built)."""
        return [ChartPlan("culture", CultureChart, CULTURE_TITLE,
                          culture_data(doc, framework_id, weighting)),
                ChartPlan("heatmap", HeatmapChart, HEATMAP_TITLE,
                          heatmap_data(doc, framework_id, weighting))]

    @property
    def document(self):
        return self.controller.document

    # -- editing ----------------------------------------------------------------------------

    def push(self, make: Callable[..., Edit], *args, **kwargs) -> Edit | None:
        """Build an edit from the Document and push it; a refusal is shown in one line and
        changes nothing. Returns the edit, or None when it was refused."""
        try:
            edit = make(self.document, *args, **kwargs)
        except ScenarioError as exc:
            prompts.warn(self, "Value refused", exc.message)
            self.refresh()
            return None
        self.controller.push(edit)
        return edit

    # -- refreshing -------------------------------------------------------------------------

    def _on_changed(self, framework_id: str, path: Path = EVERYTHING) -> None:
        if not shiboken6.isValid(self) or not shows(scenario_paths(), path):
            return  # the strategy reads the frameworks and the features' sections only
        if framework_id in ("", self.framework_id):
            self.schedule_refresh()
        elif self.isVisible():
            self.controller.scheduler.settle(("tab", self.framework_id, id(self)),
                                             self.refresh, OTHER_TABS_SETTLE_MS)
        else:
            self._stale = True

    def _on_view(self) -> None:
        self._on_changed("")

    def schedule_refresh(self) -> None:
        self.controller.scheduler.soon(("tab", self.framework_id, id(self)), self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw every page from the Document."""
        self._stale = False
        s = strategy(self.document, in_view(self.document))
        self.strategy = s
        for page in (self.strategy_page, self.leadership_page, self.culture_page,
                     self.risks_page, self.plan_b_page):
            page.refresh(s)

    def restyle(self) -> None:
        for chart in self.charts.values():
            chart.restyle()
        self.strategy_page.restyle()

    # -- export -----------------------------------------------------------------------------

    def _chart_menu(self, pos) -> None:
        chart = self.sender()
        if isinstance(chart, Chart):
            open_chart_menu(self.chart_menu, chart, pos)
