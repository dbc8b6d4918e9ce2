"""The credential-ecology tab: the generic framework view plus the portfolio map.

Layout: the driver weights on the left (FrameworkTab's part); the map, the largest chart,
above three pages: the portfolio (portfolio fit, classification, mix | lens, offerings, size),
the ratings table (editable defaults with rationale and reset) and the quadrant's details; on
the right the ranking above the radar's pages, which take the column's height. The tab adds
its parts in ``build_parts`` and places them with FrameworkTab's in ``arrange``. Every change
goes through ``controller.push`` as an edit built by core.ecology.edits; the tab redraws from
the Document when the controller says the framework changed.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QInputDialog,  # noqa: F401 - tests replace its static functions here
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
)

from ...core.chart_data import Colour, RadarData
from ...core.document import Document
from ...core.ecology import edits as eco_edits, lenses as eco_lenses, mix as eco_mix
from ...core.ecology.chart_data import MapData, map_data, marker_labels
from ...core.weighting import Weighting, applied
from .. import prompts
from ..charts.base import ChartPlan
from ..framework.tab import TABLE_SETTLE_MS, FrameworkTab
from ..labels import WrapLabel
from ..plain import guarded, visible
from ..signals import signals_blocked
from .charts.map import EcologyMap
from .charts.map_items import QUADRANT_TINTS
from .panel import CLASSIFICATION_TIP, build_portfolio_panel, lens_html, lens_sources

ID_ROLE = Qt.ItemDataRole.UserRole + 7
"""Lenses whose axes or placements on the plane are the tool's reading, not the source's."""


class LowerPages:
    """What presenting (and the room's view) hides in this tab: the ratings and the quadrant's
    details under the map, as two pages of the tabs there; the portfolio page stays."""

    def __init__(self, tabs: QTabWidget, pages: tuple) -> None:
        self.tabs, self.pages = tabs, pages

    def setVisible(self, on: bool) -> None:  # noqa: N802 - as QWidget, which presenting calls
        if not on and self.tabs.currentWidget() in self.pages:
            self.tabs.setCurrentIndex(0)
        for page in self.pages:
            self.tabs.setTabVisible(self.tabs.indexOf(page), on)

    def isVisible(self) -> bool:  # noqa: N802
        return self.tabs.isVisible() and any(
            self.tabs.isTabVisible(self.tabs.indexOf(p)) for p in self.pages)


class EcologyTab(FrameworkTab):
    """Drivers, radar and ranking of the four quadrants, and the planner's portfolio map."""

    EXTENSION = eco_mix.EXTENSION_ID
    RANKING_KEEP_PX = 140
    """Four quadrants: the ranking's rows stay legible in less height than a framework's."""

    _sized = False
    # Made by panel.build_portfolio_panel:
    fit_label: WrapLabel
    class_label: WrapLabel
    mix_bars: dict[str, QProgressBar]
    mix_labels: dict[str, QLabel]
    lens_combo: QComboBox
    lens_info: WrapLabel
    add_button: QPushButton
    rename_button: QPushButton
    delete_button: QPushButton
    offering_list: QListWidget
    volume_spin: QDoubleSpinBox
    unit_combo: QComboBox

    def build_parts(self) -> None:
        fid = self.framework_id
        self._selected = ""

        # -- the map ----------------------------------------------------------------------
        self.map_chart = EcologyMap(fid, "Portfolio map")
        self.map_chart.setMinimumSize(260, 260)
        self.map_chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.map_chart.customContextMenuRequested.connect(self._chart_menu)
        self.map_chart.offeringMoved.connect(self._on_moved)
        self.map_chart.selectionChanged.connect(self._on_map_selection)
        self.map_chart.deleteRequested.connect(self.delete_offering)
        self.map_chart.renameRequested.connect(self.rename_offering)
        self.charts = {"map": self.map_chart, **self.charts}

        # -- the portfolio panel ----------------------------------------------------------
        self.portfolio_panel = build_portfolio_panel(self, fid)

        # -- the generic charts, named for quadrants --------------------------------------
        self.ranking_chart.set_title("Fit by quadrant")
        self.radar_chart.set_title("Quadrant profile")
        self.radar_chart.legend_columns = 4  # four short quadrant names fit a row
        self.ranking_chart.setMinimumSize(240, 140)
        self.radar_chart.setMinimumSize(240, 200)

    def arrange(self) -> None:
        """(map over the portfolio | ratings | quadrant pages) beside (ranking over the radar's
        pages): at 1024x768 the radar gets the right column's height (issue 25: a plotted
        diameter of at least 240 px), the map keeps its width."""
        fid = self.framework_id
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName(f"ecology-lower:{fid}")
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(self.portfolio_panel, "Portfolio")
        self.lower_tabs.addTab(self.table_box, "Ratings")  # the page says they are defaults
        self.lower_tabs.addTab(self.details, "Quadrant")
        self.table_area = LowerPages(self.lower_tabs, (self.table_box, self.details))
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName(f"ecology-left:{fid}")
        left.addWidget(self.map_chart)
        left.addWidget(self.lower_tabs)
        left.setChildrenCollapsible(False)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setSizes([430, 280])
        fit = self.fit_charts(Qt.Orientation.Vertical, stretch=(0, 1))
        assert self.chart_splitter is not None  # fit_charts made it
        self.chart_splitter.setSizes([200, 510])
        self.main_area = QSplitter(Qt.Orientation.Horizontal)
        self.main_area.addWidget(left)
        self.main_area.addWidget(fit)
        self.main_area.setStretchFactor(0, 1)
        self.main_area.setStretchFactor(1, 1)
        self.main_area.setSizes([450, 555])  # the map is as high as wide: the radar the rest
        self.left_column, self.right_column = left, fit
        self.place(self.main_area)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """On first show, give the portfolio page the height it needs under the map and the
        radar what the ranking leaves (splitters ignore sizes set before they have a
        geometry)."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            assert self.chart_splitter is not None  # arrange made it
            total = sum(self.chart_splitter.sizes())
            if total > 0:
                ranking = max(150, min(195, total // 3))
                self.chart_splitter.setSizes([ranking, total - ranking])
            total = sum(self.left_column.sizes())
            if total > 0:
                below = self.portfolio_panel.sizeHint().height() + \
                    self.lower_tabs.tabBar().sizeHint().height() + 6
                below = min(below, total // 2)
                self.left_column.setSizes([total - below, below])

    # -- reading ------------------------------------------------------------------------------

    @property
    def offerings(self):
        return list(self.document.scenario.portfolio.offerings)

    @property
    def selected_offering(self) -> str:
        return self._selected

    @classmethod
    def colours(cls, doc: Document, framework_id: str) -> Colour:
        """A quadrant has one colour in every chart: its tint on the map and in the mix."""
        tints = {q.id: QUADRANT_TINTS[q.position] for q in eco_mix.QUADRANTS}
        others = super().colours(doc, framework_id)
        return lambda option_id: tints.get(option_id) or others(option_id)

    def portfolio_fit_text(self) -> str:
        doc = applied(self.document, self.in_view())  # the weighting on screen
        fit = eco_mix.portfolio_fit(doc)
        if fit is None:
            note = eco_mix.portfolio_fit_note(doc)
            return f"Portfolio fit: {note}" if note else "Portfolio fit: -"
        return f"Portfolio fit {fit:.1f}%"

    def map_data(self) -> MapData:
        return self.map_for(self.document, self._selected)

    @classmethod
    def map_for(cls, doc: Document, selected: str = "") -> MapData:
        return map_data(doc, selected=selected)

    @classmethod
    def radar_for(cls, doc: Document, framework_id: str, weighting: Weighting) -> RadarData:
        """The generic radar with the quadrants' short names, so the legend fits."""
        data = super().radar_for(doc, framework_id, weighting)
        short = {o.name: o.label for o in doc.framework(framework_id).options}
        series = tuple(replace(s, name=short.get(s.name, s.name)) for s in data.series)
        return replace(data, series=series, weights_label="Weights")

    @classmethod
    def chart_plans(cls, doc: Document, framework_id: str,
                    weighting: Weighting) -> list[ChartPlan]:
        lens = eco_lenses.lens(doc.scenario.portfolio.lens)
        ranking, radar = super().chart_plans(doc, framework_id, weighting)
        return [ChartPlan("map", EcologyMap, f"Portfolio map: {lens.title}", cls.map_for(doc)),
                replace(ranking, title="Fit by quadrant"),
                replace(radar, title="Quadrant profile")]

    # -- refreshing -----------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        doc = self.document
        p = doc.scenario.portfolio
        ids = [o.id for o in p.offerings]
        if self._selected not in ids:
            self._selected = ""
        lens = eco_lenses.lens(p.lens)
        self.map_chart.set_title(f"Portfolio map: {lens.title}")
        self.map_chart.show_data(self.map_data())
        with signals_blocked(self.lens_combo):
            self.lens_combo.setCurrentIndex(self.lens_combo.findData(p.lens))
        self.lens_info.setText(f"{lens_sources(lens)} (hover for more)")
        self.lens_info.setToolTip(lens_html(lens))
        self.lens_combo.setToolTip(lens_html(lens))
        with signals_blocked(self.unit_combo):
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(p.volume_unit))
        # Fit, classification, mix
        self.fit_label.setText(self.portfolio_fit_text())
        m = eco_mix.mix(p.offerings)
        c = eco_mix.classify(m)
        # The reason in its tooltip: one line here leaves the map above its height.
        self.class_label.setText(f"Reads as: <b>{html.escape(c.label)}</b>")
        tip = guarded(f"{c.reason}\n\n{CLASSIFICATION_TIP}")
        if self.class_label.toolTip() != tip:
            self.class_label.setToolTip(tip)
        for q in eco_mix.QUADRANTS:
            share = m.share[q.id]
            self.mix_bars[q.id].setValue(round(1000 * share))
            self.mix_labels[q.id].setText("-" if m.empty else f"{100 * share:.0f}%")
        # Offerings list: rebuilt when what it shows changes; a weight only moves the fits
        # in the tooltips, which follow once the hand pauses (as the table's Fit column).
        labels = marker_labels([o.name for o in p.offerings])
        key = tuple((o.id, label, o.volume) for o, label in zip(p.offerings, labels))
        if key != self._list_key or self._selected != self._list_selected:
            self._list_key, self._list_selected = key, self._selected
            with signals_blocked(self.offering_list):
                self.offering_list.clear()
                for i, (o, label) in enumerate(zip(p.offerings, labels), start=1):
                    item = QListWidgetItem(f"{i}. {visible(label)} ({o.volume:,.0f})")
                    item.setData(ID_ROLE, o.id)
                    self.offering_list.addItem(item)
                    if o.id == self._selected:
                        self.offering_list.setCurrentItem(item)
            self._update_offering_tips()
        else:
            self.controller.scheduler.settle(("offering-tips", id(self)),
                                             self._update_offering_tips, TABLE_SETTLE_MS)
        self._update_selection_widgets()

    _list_key: tuple | None = None
    _list_selected = ""

    def _update_offering_tips(self) -> None:
        """Each offering's tooltip: where it sits and its fit under the current weights."""
        doc = self.document
        offerings = {o.id: o for o in doc.scenario.portfolio.offerings}
        fits = eco_mix.quadrant_fits(applied(doc, self.in_view()))
        for row in range(self.offering_list.count()):
            item = self.offering_list.item(row)
            o = offerings.get(item.data(ID_ROLE))
            if o is None:
                continue
            ofit = eco_mix.offering_fit(o, fits)
            where = eco_mix.QUADRANTS[eco_mix.QUADRANT_IDS.index(
                eco_mix.main_quadrant(o.x, o.y))].name
            tip = guarded(f"{o.name}: mostly {where} (x {o.x:+.2f}, y {o.y:+.2f})"
                          + ("" if ofit is None else f"; fit {ofit:.1f}%"))
            if item.toolTip() != tip:
                item.setToolTip(tip)

    def _update_selection_widgets(self) -> None:
        has = bool(self._selected)
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.volume_spin.setEnabled(has)
        value = (eco_edits.find(self.document, self._selected).volume if has
                 else self.volume_spin.minimum())
        if value != self.volume_spin.value():  # a spin box repaints even for the same value
            with signals_blocked(self.volume_spin):  # the unit is the combo box beside it
                self.volume_spin.setValue(value)

    # -- selection ----------------------------------------------------------------------------

    def select_offering(self, offering_id: str) -> None:
        if offering_id == self._selected:
            return
        self._selected = offering_id
        self.map_chart.select(offering_id)
        with signals_blocked(self.offering_list):
            self.offering_list.setCurrentRow(-1)
            for row in range(self.offering_list.count()):
                if self.offering_list.item(row).data(ID_ROLE) == offering_id:
                    self.offering_list.setCurrentRow(row)
        self._update_selection_widgets()

    def _on_map_selection(self, offering_id: str) -> None:
        self.select_offering(offering_id)

    def _on_list_selection(self, current, _previous=None) -> None:
        self.select_offering(current.data(ID_ROLE) if current is not None else "")

    def _on_list_double_click(self, item) -> None:
        self.rename_offering(item.data(ID_ROLE))

    # -- edits --------------------------------------------------------------------------------

    def add_offering(self) -> None:
        """Add "Offering N" at a free spot near the centre and select it."""
        edit = self._push(eco_edits.add_offering, self.document, refused="Cannot add an offering")
        if edit is None:
            return
        self.refresh()
        self.select_offering(eco_edits.added_offering_id(edit))

    def _on_moved(self, offering_id: str, x: float, y: float, gesture: int) -> None:
        self._push(eco_edits.move_offering, self.document, offering_id, x, y, gesture)

    def rename_offering(self, offering_id: str) -> None:
        try:
            current = eco_edits.find(self.document, offering_id).name
        except Exception:  # noqa: BLE001 - gone meanwhile
            return
        name, ok = prompts.get_text(self, "Rename offering", "Name:",
                                        QLineEdit.EchoMode.Normal, current)
        if ok and name.strip() and name.strip() != current:
            self._push(eco_edits.rename_offering, self.document, offering_id, name)

    def delete_offering(self, offering_id: str) -> None:
        self._push(eco_edits.delete_offering, self.document, offering_id)

    def _rename_selected(self) -> None:
        if self._selected:
            self.rename_offering(self._selected)

    def _delete_selected(self) -> None:
        if self._selected:
            self.delete_offering(self._selected)

    def _on_volume(self, value: float) -> None:
        if self._selected:
            self._push(eco_edits.resize_offering, self.document, self._selected, value)

    def _on_lens(self, index: int) -> None:
        lens_id = self.lens_combo.itemData(index)
        if lens_id:
            self._push(eco_edits.set_lens, self.document, lens_id)

    def _on_unit(self, index: int) -> None:
        unit = self.unit_combo.itemData(index)
        if unit:
            self._push(eco_edits.set_volume_unit, self.document, unit)
