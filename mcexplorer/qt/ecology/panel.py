"""The portfolio panel of the credential-ecology tab: portfolio fit, its reading and mix, the
lens, and the list of offerings with their size. Built onto the tab (the tab keeps the widgets
it refreshes); every text from a file or a user is shown as plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.ecology import edits as eco_edits, lenses as eco_lenses, mix as eco_mix
from ...core.references import cited
from ..labels import WrapLabel
from .charts.map_items import QUADRANT_TINTS

CLASSIFICATION_TIP = (
    "The tool's reading of the words in Brown, McGreal & Peters (2023, Figure 3); the "
    "thresholds are the tool's own. It looks at the offer beyond degrees. Supplementary: under "
    "20% of it carries credit. Integrated / stackable: at least 20% carries credit and degrees "
    "hold 20% or more of all volume. Credit-bearing: at least 20% carries credit, degrees under "
    "20%. Degrees only: nothing outside macro-credentials.")
PANEL_MAX_HEIGHT = 340
"""The panel grows to show all of itself up to this height, then scrolls (vertically only)."""


def build_portfolio_panel(tab, fid: str) -> QScrollArea:
    """Two columns: fit, classification and mix | lens and the list of offerings."""
    panel = QWidget()
    panel.setObjectName(f"portfolio-panel:{fid}")
    outer = QHBoxLayout(panel)
    outer.setContentsMargins(2, 2, 2, 2)
    outer.setSpacing(8)
    left = QVBoxLayout()
    left.setSpacing(4)
    right = QVBoxLayout()
    right.setSpacing(4)
    outer.addLayout(left, 1)
    outer.addLayout(right, 1)

    # Portfolio fit and classification
    tab.fit_label = WrapLabel()
    tab.fit_label.setObjectName(f"portfolio-fit:{fid}")
    big = QFont(tab.fit_label.font())
    big.setPointSizeF(big.pointSizeF() * 1.3)
    big.setBold(True)
    tab.fit_label.setFont(big)
    tab.fit_label.setToolTip(
        "Each quadrant's fit (see Fit by quadrant) weighted by the share of planned volume "
        "you placed in it.")
    left.addWidget(tab.fit_label)  # what it weighs is in its tooltip: the map keeps the height
    tab.class_label = WrapLabel(rich=True)
    tab.class_label.setObjectName(f"classification:{fid}")
    tab.class_label.setToolTip(CLASSIFICATION_TIP)
    left.addWidget(tab.class_label)

    # Mix
    mix_box = QWidget()
    grid = QGridLayout(mix_box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(1)
    mix_bars: dict[str, QProgressBar] = {}
    mix_labels: dict[str, QLabel] = {}
    tab.mix_bars, tab.mix_labels = mix_bars, mix_labels
    short = {o.id: o.label for o in tab.framework.options}
    for row, q in enumerate(eco_mix.QUADRANTS):
        name = QLabel(short.get(q.id, q.name))  # the radar's names: the column stays narrow
        name.setToolTip(q.name)
        bar = QProgressBar()
        bar.setRange(0, 1000)
        bar.setTextVisible(False)
        bar.setFixedHeight(9)
        bar.setMinimumWidth(24)
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
        tab.mix_bars[q.id] = bar
        tab.mix_labels[q.id] = pct
    grid.setColumnStretch(1, 1)
    mix_label = WrapLabel("<b>Mix</b> (share of planned volume)", rich=True)
    mix_label.setToolTip("An offering counts towards each quadrant it overlaps: wholly when it "
                         "is at least half-way into one, half to each side on an axis line, a "
                         "quarter to each quadrant at the centre (the tool's reading).")
    left.addWidget(mix_label)
    left.addWidget(mix_box)
    left.addStretch(1)

    # Lens
    lens_row = QHBoxLayout()
    lens_label = QLabel("&Lens")
    tab.lens_combo = QComboBox()
    tab.lens_combo.setObjectName(f"lens:{fid}")
    tab.lens_combo.setAccessibleName("Lens: the framing drawn on the map")
    for lens in eco_lenses.lenses():
        tab.lens_combo.addItem(lens.title, lens.id)
        tab.lens_combo.setItemData(tab.lens_combo.count() - 1,
                                    f"{lens.description}\nSource: {lens.source}",
                                    Qt.ItemDataRole.ToolTipRole)
    tab.lens_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    tab.lens_combo.setMinimumContentsLength(10)
    tab.lens_combo.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    lens_label.setBuddy(tab.lens_combo)
    tab.lens_combo.currentIndexChanged.connect(tab._on_lens)
    lens_row.addWidget(lens_label)
    lens_row.addWidget(tab.lens_combo, 1)
    right.addLayout(lens_row)
    tab.lens_info = WrapLabel()
    tab.lens_info.setObjectName(f"lens-info:{fid}")
    small = tab.lens_info.font()
    small.setPointSizeF(small.pointSizeF() * 0.88)
    small.setItalic(True)
    tab.lens_info.setFont(small)
    right.addWidget(tab.lens_info)

    # Offerings
    buttons = QGridLayout()  # two rows: the column stays narrow beside the map
    buttons.setSpacing(4)
    tab.add_button = QPushButton("&Add offering")
    tab.add_button.setObjectName(f"add-offering:{fid}")
    tab.add_button.setToolTip("Place a new offering in a free spot near the centre of the map; "
                              "drag it to where it sits")
    tab.add_button.clicked.connect(tab.add_offering)
    tab.rename_button = QPushButton("Rename")
    tab.rename_button.setObjectName(f"rename-offering:{fid}")
    tab.rename_button.setToolTip("Rename the selected offering (F2 on the map)")
    tab.rename_button.clicked.connect(tab._rename_selected)
    tab.delete_button = QPushButton("Delete")
    tab.delete_button.setObjectName(f"delete-offering:{fid}")
    tab.delete_button.setToolTip("Remove the selected offering (Delete on the map)")
    tab.delete_button.clicked.connect(tab._delete_selected)
    for b in (tab.add_button, tab.rename_button, tab.delete_button):
        b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    buttons.addWidget(tab.add_button, 0, 0, 1, 2)
    buttons.addWidget(tab.rename_button, 1, 0)
    buttons.addWidget(tab.delete_button, 1, 1)
    right.addLayout(buttons)
    tab.offering_list = QListWidget()
    tab.offering_list.setObjectName(f"offerings:{fid}")
    tab.offering_list.setAccessibleName("Planned offerings")
    tab.offering_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tab.offering_list.setMinimumHeight(tab.offering_list.fontMetrics().height() * 4)
    # It takes the height left over (and scrolls inside), never pushes the panel taller.
    tab.offering_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    tab.offering_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tab.offering_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    tab.offering_list.currentItemChanged.connect(tab._on_list_selection)
    tab.offering_list.itemDoubleClicked.connect(tab._on_list_double_click)
    right.addWidget(tab.offering_list, 1)
    size_row = QHBoxLayout()
    size_label = QLabel("&Size")
    tab.volume_spin = QDoubleSpinBox()
    tab.volume_spin.setObjectName(f"volume:{fid}")
    tab.volume_spin.setAccessibleName("Planned volume of the selected offering")
    tab.volume_spin.setRange(1, eco_edits.MAX_VOLUME)
    tab.volume_spin.setDecimals(0)
    tab.volume_spin.setSingleStep(10)
    tab.volume_spin.setKeyboardTracking(False)
    tab.volume_spin.setGroupSeparatorShown(True)
    # Its hint is as wide as a billion; typical sizes need far less.
    tab.volume_spin.setMinimumWidth(tab.volume_spin.fontMetrics().horizontalAdvance("100,000")
                                    + 30)
    tab.volume_spin.valueChanged.connect(tab._on_volume)
    size_label.setBuddy(tab.volume_spin)
    tab.unit_combo = QComboBox()
    tab.unit_combo.setObjectName(f"volume-unit:{fid}")
    tab.unit_combo.setAccessibleName("Unit of the marker size")
    tab.unit_combo.setToolTip("What the sizes count, for every offering: planned learners or "
                              "learner hours")
    tab.unit_combo.addItem("learners", "learners")
    tab.unit_combo.addItem("hours", "hours")
    tab.unit_combo.currentIndexChanged.connect(tab._on_unit)
    size_row.addWidget(size_label)
    size_row.addWidget(tab.volume_spin, 1)
    size_row.addWidget(tab.unit_combo)
    right.addLayout(size_row)

    scroll = FittingScroll()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class FittingScroll(QScrollArea):
    """A vertical-only scroll area that asks for the height its content needs at its width
    (up to PANEL_MAX_HEIGHT), so a splitter gives the panel room instead of hiding its top."""

    def _content_height(self) -> int:
        """The content's minimum height at the current width (wrapped labels claim theirs;
        the list of offerings scrolls inside itself)."""
        panel = self.widget()
        if panel is None:
            return 160
        return min(PANEL_MAX_HEIGHT, max(160, panel.minimumSizeHint().height() + 4))

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        """As wide as the content's minimum (it never scrolls sideways), as tall as it needs."""
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is not None:
            hint.setWidth(panel.minimumSizeHint().width()
                          + self.verticalScrollBar().sizeHint().width())
        hint.setHeight(self._content_height())
        return hint

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(self._content_height())
        return hint

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()  # wrapped labels now need another height: ask the splitter
        return super().eventFilter(watched, event)


def lens_sources(lens: eco_lenses.Lens) -> str:
    """The references a lens cites, by their short form (the full text is in the tooltip)."""
    return ", ".join(r.short for r in cited(lens.source))


def lens_html(lens: eco_lenses.Lens) -> str:
    parts = [html.escape(lens.description)]
    if lens.kind == "list":
        items = "".join(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.description)}</li>"
                        for r in lens.regions)
        parts.append(f"<ol>{items}</ol>")
    parts.append(f"<i>Source: {html.escape(lens.source)}</i>")
    return "".join(parts) if lens.kind == "list" else "<br>".join(parts)
