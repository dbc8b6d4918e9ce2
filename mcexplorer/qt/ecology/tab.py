"""The credential-ecology tab: the generic framework view plus the portfolio map.

Layout at 1280x720: the driver weights on the left (from FrameworkTab); the map, the largest
chart, above the ratings table (editable defaults with rationale and reset, in a tab beside
the quadrant details); on the right the portfolio panel (portfolio fit, classification, mix |
lens, offerings, size) above the ranking and the radar. FrameworkTab's widgets are re-parented
into this layout, not rebuilt. Every change goes through ``controller.push`` as an edit built
by core.portfolio; the tab redraws from the Document when the controller says the framework
changed.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QInputDialog  # noqa: F401 - tests replace its static functions here
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from ...core.ecology import edits as eco_edits, lenses as eco_lenses, mix as eco_mix
from ..charts.radar import RadarData
from ..charts.map import EcologyMap
from ..charts.map_items import QUADRANT_TINTS, MapData, MapMarker, marker_labels
from ..controller import DocumentController
from .. import prompts
from ..framework.tab import FrameworkTab

ID_ROLE = Qt.ItemDataRole.UserRole + 7


class EcologyTab(FrameworkTab):
    """Drivers, radar and ranking of the four quadrants, and the planner's portfolio map."""

    EXTENSION = eco_mix.EXTENSION_ID

    _built = False

    def __init__(self, controller: DocumentController, framework_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, framework_id, parent)
        fid = framework_id
        self._selected = ""

        # -- the map ----------------------------------------------------------------------
        self.map_chart = EcologyMap(fid, "Portfolio map")
        self.map_chart.setMinimumSize(300, 300)
        self.map_chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.map_chart.customContextMenuRequested.connect(self._chart_menu)
        self.map_chart.offeringMoved.connect(self._on_moved)
        self.map_chart.selectionChanged.connect(self._on_map_selection)
        self.map_chart.deleteRequested.connect(self.delete_offering)
        self.map_chart.renameRequested.connect(self.rename_offering)
        self.charts = {"map": self.map_chart, **self.charts}

        # -- the portfolio panel ----------------------------------------------------------
        self.portfolio_panel = self._build_panel(fid)

        # -- layout: (map over ratings) | (portfolio panel over ranking over radar) -------
        self.ranking_chart.set_title("Fit by quadrant")
        self.radar_chart.set_title("Quadrant profile")
        bottom = self.main_area.widget(1)
        table_box, details = bottom.widget(0), bottom.widget(1)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName(f"ecology-lower:{fid}")
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(table_box, "Ratings (editable defaults)")
        self.lower_tabs.addTab(details, "About the selected quadrant")
        bottom.setParent(None)
        bottom.deleteLater()
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName(f"ecology-left:{fid}")
        left.addWidget(self.map_chart)
        left.addWidget(self.lower_tabs)
        left.setChildrenCollapsible(False)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setSizes([500, 145])
        self.chart_splitter.setOrientation(Qt.Orientation.Vertical)
        self.chart_splitter.setStretchFactor(0, 1)
        self.chart_splitter.setStretchFactor(1, 2)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName(f"ecology-right:{fid}")
        right.addWidget(self.portfolio_panel)
        right.addWidget(self.chart_splitter)
        right.setChildrenCollapsible(False)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        right.setSizes([190, 455])
        self.chart_splitter.setSizes([150, 305])
        self.radar_chart.legend.setColumnCount(4)
        self.main_area.setOrientation(Qt.Orientation.Horizontal)
        self.main_area.addWidget(left)
        self.main_area.addWidget(right)
        self.main_area.setStretchFactor(0, 1)
        self.main_area.setStretchFactor(1, 1)
        self.main_area.setSizes([500, 505])
        self.left_column, self.right_column = left, right
        self.ranking_chart.setMinimumSize(240, 140)
        self.radar_chart.setMinimumSize(240, 200)
        self._built = True
        self.refresh()

    # -- construction -------------------------------------------------------------------------

    def _build_panel(self, fid: str) -> QScrollArea:
        """Two columns: fit, classification and mix | lens and the list of offerings."""
        panel = QWidget()
        panel.setObjectName(f"portfolio-panel:{fid}")
        outer = QHBoxLayout(panel)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(4)
        right = QVBoxLayout()
        right.setSpacing(4)
        outer.addLayout(left, 1)
        outer.addLayout(right, 1)

        # Portfolio fit and classification
        self.fit_label = QLabel()
        self.fit_label.setObjectName(f"portfolio-fit:{fid}")
        big = QFont(self.fit_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.fit_label.setFont(big)
        self.fit_label.setWordWrap(True)
        self.fit_label.setToolTip(
            "Each quadrant's fit (see Fit by quadrant) weighted by the share of planned volume "
            "you placed in it.")
        left.addWidget(self.fit_label)
        self.class_label = QLabel()
        self.class_label.setObjectName(f"classification:{fid}")
        self.class_label.setWordWrap(True)
        self.class_label.setTextFormat(Qt.TextFormat.RichText)
        self.class_label.setToolTip(
            "Figure 3 language (Brown, McGreal & Peters 2023). Supplementary: under half the "
            "volume carries credit. Integrated / stackable: at least half carries credit and "
            "micro- and macro-credentials each hold 20% or more. Credit-bearing: the rest.")
        left.addWidget(self.class_label)

        # Mix
        mix_box = QWidget()
        grid = QGridLayout(mix_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        self.mix_bars: dict[str, QProgressBar] = {}
        self.mix_labels: dict[str, QLabel] = {}
        for row, q in enumerate(eco_mix.QUADRANTS):
            name = QLabel(q.name)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setFixedHeight(9)
            bar.setMinimumWidth(40)
            bar.setAccessibleName(f"Share of volume in {q.name}")
            colour = QColor(QUADRANT_TINTS[q.position])
            bar.setStyleSheet(
                "QProgressBar { border: 1px solid palette(mid); border-radius: 2px; "
                "background: palette(base); }"
                f"QProgressBar::chunk {{ background: {colour.name()}; }}")
            pct = QLabel()
            pct.setObjectName(f"mix:{fid}:{q.id}")
            pct.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            pct.setMinimumWidth(pct.fontMetrics().horizontalAdvance("100%") + 2)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(pct, row, 2)
            self.mix_bars[q.id] = bar
            self.mix_labels[q.id] = pct
        grid.setColumnStretch(1, 1)
        left.addWidget(QLabel("<b>Mix</b> (share of planned volume)"))
        left.addWidget(mix_box)
        left.addStretch(1)

        # Lens
        lens_row = QHBoxLayout()
        lens_label = QLabel("&Lens")
        self.lens_combo = QComboBox()
        self.lens_combo.setObjectName(f"lens:{fid}")
        self.lens_combo.setAccessibleName("Lens: the framing drawn on the map")
        for lens in eco_lenses.lenses():
            self.lens_combo.addItem(lens.title, lens.id)
            self.lens_combo.setItemData(self.lens_combo.count() - 1,
                                        f"{lens.description}\nSource: {lens.source}",
                                        Qt.ItemDataRole.ToolTipRole)
        self.lens_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lens_combo.setMinimumContentsLength(10)
        self.lens_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        lens_label.setBuddy(self.lens_combo)
        self.lens_combo.currentIndexChanged.connect(self._on_lens)
        lens_row.addWidget(lens_label)
        lens_row.addWidget(self.lens_combo, 1)
        right.addLayout(lens_row)
        self.lens_info = QLabel()
        self.lens_info.setObjectName(f"lens-info:{fid}")
        self.lens_info.setWordWrap(True)
        self.lens_info.setTextFormat(Qt.TextFormat.RichText)
        small = self.lens_info.font()
        small.setPointSizeF(small.pointSizeF() * 0.88)
        self.lens_info.setFont(small)
        right.addWidget(self.lens_info)

        # Offerings
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.add_button = QPushButton("&Add offering")
        self.add_button.setObjectName(f"add-offering:{fid}")
        self.add_button.setToolTip("Place a new offering near the centre of the map")
        self.add_button.clicked.connect(self.add_offering)
        self.rename_button = QPushButton("Rename")
        self.rename_button.setObjectName(f"rename-offering:{fid}")
        self.rename_button.setToolTip("Rename the selected offering (F2 on the map)")
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName(f"delete-offering:{fid}")
        self.delete_button.setToolTip("Remove the selected offering (Delete on the map)")
        self.delete_button.clicked.connect(self._delete_selected)
        for b in (self.add_button, self.rename_button, self.delete_button):
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) + 14)
        buttons.addWidget(self.add_button, 2)
        buttons.addWidget(self.rename_button, 1)
        buttons.addWidget(self.delete_button, 1)
        right.addLayout(buttons)
        self.offering_list = QListWidget()
        self.offering_list.setObjectName(f"offerings:{fid}")
        self.offering_list.setAccessibleName("Planned offerings")
        self.offering_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.offering_list.setMinimumHeight(self.offering_list.fontMetrics().height() * 4)
        self.offering_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.offering_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.offering_list.currentItemChanged.connect(self._on_list_selection)
        self.offering_list.itemDoubleClicked.connect(self._on_list_double_click)
        right.addWidget(self.offering_list, 1)
        size_row = QHBoxLayout()
        size_label = QLabel("&Size")
        self.volume_spin = QDoubleSpinBox()
        self.volume_spin.setObjectName(f"volume:{fid}")
        self.volume_spin.setAccessibleName("Planned volume of the selected offering")
        self.volume_spin.setRange(1, eco_edits.MAX_VOLUME)
        self.volume_spin.setDecimals(0)
        self.volume_spin.setSingleStep(10)
        self.volume_spin.setKeyboardTracking(False)
        self.volume_spin.setGroupSeparatorShown(True)
        self.volume_spin.valueChanged.connect(self._on_volume)
        size_label.setBuddy(self.volume_spin)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName(f"volume-unit:{fid}")
        self.unit_combo.setAccessibleName("Unit of the marker size")
        self.unit_combo.addItem("learners", "learners")
        self.unit_combo.addItem("hours", "hours")
        self.unit_combo.currentIndexChanged.connect(self._on_unit)
        size_row.addWidget(size_label)
        size_row.addWidget(self.volume_spin, 1)
        size_row.addWidget(self.unit_combo)
        right.addLayout(size_row)

        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(160)
        return scroll

    _sized = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """On first show, give the radar two thirds of the chart column (splitters ignore
        sizes set before they have a geometry)."""
        super().showEvent(event)
        if not self._sized and self._built:
            self._sized = True
            total = sum(self.chart_splitter.sizes())
            if total > 0:
                ranking = max(140, min(170, total // 3))
                self.chart_splitter.setSizes([ranking, total - ranking])

    # -- reading ------------------------------------------------------------------------------

    @property
    def offerings(self):
        return list(self.document.scenario.portfolio.offerings)

    @property
    def selected_offering(self) -> str:
        return self._selected

    def portfolio_fit_text(self) -> str:
        fit = eco_mix.portfolio_fit(self.document)
        if fit is None:
            note = eco_mix.portfolio_fit_note(self.document)
            return f"Portfolio fit: {note}" if note else "Portfolio fit: -"
        return f"Portfolio fit {fit:.1f}%"

    def map_data(self) -> MapData:
        doc = self.document
        p = doc.scenario.portfolio
        lens = eco_lenses.lens(p.lens)
        labels = marker_labels([o.name for o in p.offerings])
        markers = tuple(MapMarker(o.id, o.name, o.x, o.y, o.volume, i, label)
                        for i, (o, label) in enumerate(zip(p.offerings, labels), start=1))
        m = eco_mix.mix(p.offerings)
        shares = {} if m.empty else {q.position: m.share[q.id] for q in eco_mix.QUADRANTS}
        message = "" if markers else ("No offerings yet.\nPress \u201cAdd offering\u201d and "
                                      "drag it to where it sits.")
        unit = "planned learners" if p.volume_unit == "learners" else "learner hours"
        note = f"Lens: {lens.title}  \u00b7  marker area \u221d {unit}"
        return MapData(lens, markers, shares, self._selected, message, p.volume_unit, note)

    def radar_data(self) -> RadarData:
        """The generic radar with the quadrants' short names, so the legend fits."""
        data = super().radar_data()
        short = {o.name: o.label for o in self.framework.options}
        series = tuple(replace(s, name=short.get(s.name, s.name)) for s in data.series)
        return replace(data, series=series, weights_label="Weights")

    # -- refreshing -----------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        if not self._built:
            return
        doc = self.document
        p = doc.scenario.portfolio
        ids = [o.id for o in p.offerings]
        if self._selected not in ids:
            self._selected = ""
        lens = eco_lenses.lens(p.lens)
        self.map_chart.set_title(f"Portfolio map: {lens.title}")
        self.map_chart.show_data(self.map_data())
        with QSignalBlocker(self.lens_combo):
            self.lens_combo.setCurrentIndex(self.lens_combo.findData(p.lens))
        self.lens_info.setText(f"<i>{html.escape(_short_source(lens.source))}</i> "
                               "<span style='color:gray'>(hover for more)</span>")
        self.lens_info.setToolTip(_lens_html(lens))
        self.lens_combo.setToolTip(_lens_html(lens))
        with QSignalBlocker(self.unit_combo):
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(p.volume_unit))
        # Fit, classification, mix
        self.fit_label.setText(self.portfolio_fit_text())
        m = eco_mix.mix(p.offerings)
        c = eco_mix.classify(m)
        self.class_label.setText(f"Reads as: <b>{html.escape(c.label)}</b><br>"
                                 f"<span style='font-size:small'>{html.escape(c.reason)}</span>")
        for q in eco_mix.QUADRANTS:
            share = m.share[q.id]
            self.mix_bars[q.id].setValue(round(1000 * share))
            self.mix_labels[q.id].setText("-" if m.empty else f"{100 * share:.0f}%")
        # Offerings list
        fits = eco_mix.quadrant_fits(doc)
        labels = marker_labels([o.name for o in p.offerings])
        with QSignalBlocker(self.offering_list):
            self.offering_list.clear()
            for i, (o, label) in enumerate(zip(p.offerings, labels), start=1):
                item = QListWidgetItem(f"{i}. {label} ({o.volume:,.0f})")
                item.setData(ID_ROLE, o.id)
                ofit = eco_mix.offering_fit(o, fits)
                where = eco_mix.QUADRANTS[eco_mix.QUADRANT_IDS.index(eco_mix.main_quadrant(o.x, o.y))].name
                item.setToolTip(f"{o.name}: mostly {where} (x {o.x:+.2f}, y {o.y:+.2f})"
                                + ("" if ofit is None else f"; fit {ofit:.1f}%"))
                self.offering_list.addItem(item)
                if o.id == self._selected:
                    self.offering_list.setCurrentItem(item)
        self._update_selection_widgets()

    def _update_selection_widgets(self) -> None:
        has = bool(self._selected)
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.volume_spin.setEnabled(has)
        unit = self.document.scenario.portfolio.volume_unit
        with QSignalBlocker(self.volume_spin):
            self.volume_spin.setSuffix(f" {unit}")
            if has:
                self.volume_spin.setValue(eco_edits.find(self.document, self._selected).volume)
            else:
                self.volume_spin.setValue(self.volume_spin.minimum())

    # -- selection ----------------------------------------------------------------------------

    def select_offering(self, offering_id: str) -> None:
        if offering_id == self._selected:
            return
        self._selected = offering_id
        self.map_chart.select(offering_id)
        with QSignalBlocker(self.offering_list):
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


def _short_source(source: str) -> str:
    """The source up to its first comma or 'as presented' (the full text is in the tooltip)."""
    for sep in (", as presented", " as presented", "; "):
        if sep in source:
            source = source.split(sep)[0]
    return source if len(source) <= 70 else source[:67].rstrip() + "\u2026"


def _lens_html(lens: eco_lenses.Lens) -> str:
    parts = [html.escape(lens.description)]
    if lens.kind == "list":
        items = "".join(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.description)}</li>"
                        for r in lens.regions)
        parts.append(f"<ol>{items}</ol>")
    parts.append(f"<i>Source: {html.escape(lens.source)}</i>")
    return "".join(parts) if lens.kind == "list" else "<br>".join(parts)
