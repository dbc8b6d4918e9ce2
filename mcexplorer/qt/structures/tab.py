"""The Three Horizons tab: the generic framework view plus horizons, balance and coherence.

Layout: weights on the left (FrameworkTab's part); in the middle two pages, "Three Horizons"
(the horizons chart with the planner's initiatives and the balance chart) and "Fit of the
structures" (FrameworkTab's ranking, radar and ratings table, given the width); on the right,
beside the Three Horizons, the balance sliders with their locks, the reference split and the
coherence list. Parts are built in ``build_parts``, placed in ``arrange``.

The coherence list reads the business models too: the tab refreshes when either changes.
Edits go through ``controller.push``; sliders and list follow at once, charts next turn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog  # noqa: F401 - tests replace its static functions here
from PySide6.QtWidgets import (
    QAbstractItemView, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidgetItem, QMenu, QPushButton, QSizePolicy, QSplitter,
    QTabWidget, QVBoxLayout, QWidget,
)

from ...core.structures import balance as hz_balance, edits as hz_edits, rules as hz_rules
from ...core.structures.models import Split
from .balance_controls import TENSIONS_TIP, BalanceSlider, TensionList, rules_note, show_plan
from ...core.structures.chart_data import (BALANCE_TITLE, HORIZONS_TITLE, BalanceData,
                                           HorizonsData, balance_data, horizons_data)
from .view_data import ranked_by_name, short_names
from .charts.balance import BalanceChart
from ...core.chart_data import RadarData, RankingData
from ...core.derived import EVERYTHING, Path, shows, view_paths
from ...core.document import Document
from ...core.weighting import Weighting, applied
from ..charts.base import ChartPlan
from .. import prompts
from .charts.horizons import HorizonsChart
from ..plain import guarded
from ..chart_menu import open_chart_menu
from ..framework.tab import FrameworkTab

NO_TENSIONS = ("No tensions by the rules below: the balance, the structures and the "
               "business models agree.")


class StructuresTab(FrameworkTab):
    """Structures, their fit, the Three Horizons chart, the balance and the coherence list."""

    EXTENSION = hz_rules.EXTENSION_ID

    def build_parts(self) -> None:
        framework_id = self.framework_id
        self._balance_gesture: tuple | None = None
        self._balance_base: Split | None = None

        # -- charts -------------------------------------------------------------------------
        self.horizons_chart = HorizonsChart(framework_id, HORIZONS_TITLE)
        self.balance_chart = BalanceChart(framework_id, BALANCE_TITLE)
        self.charts["horizons"] = self.horizons_chart
        self.charts["balance"] = self.balance_chart
        for chart in (self.horizons_chart, self.balance_chart):
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.balance_chart.customContextMenuRequested.connect(self._chart_menu)
        self.horizons_chart.customContextMenuRequested.connect(self._horizons_menu)
        hc = self.horizons_chart
        hc.initiativeMoved.connect(self._on_initiative_moved)
        hc.renameRequested.connect(self._ask_rename)
        hc.resizeRequested.connect(self._ask_size)
        hc.initiativeDeleteRequested.connect(self._on_initiative_delete)
        hc.selectionChanged.connect(self._on_selection)

        # -- initiative toolbar -----------------------------------------------------------------
        self.add_button = QPushButton("Add initiative")
        self.add_button.setObjectName(f"add-initiative:{framework_id}")
        self.add_button.setToolTip("Place a new initiative in a free spot (on H2 where there "
                                   "is room); drag it where it belongs")
        self.add_button.clicked.connect(self.add_initiative)
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setObjectName(f"rename-initiative:{framework_id}")
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName(f"delete-initiative:{framework_id}")
        self.delete_button.clicked.connect(self._delete_selected)
        hint = QLabel("Drag a pink square along or between the curves. Keyboard: click the "
                      "chart, Space picks, arrows move, F2 renames.")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_button, self.rename_button, self.delete_button):
            bar.addWidget(b)
        bar.addWidget(hint, 1)

        horizons_page = QWidget()
        hp = QVBoxLayout(horizons_page)
        hp.setContentsMargins(0, 4, 0, 0)
        hp.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.horizons_chart)
        split.addWidget(self.balance_chart)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 170])
        self.horizons_splitter = split
        hp.addWidget(split, 1)

        self.horizons_page = horizons_page
        self.ranking_chart.setMinimumHeight(140)

        # -- right column: balance, reference, coherence -----------------------------------------
        side = QWidget()
        side.setObjectName(f"horizons-panel:{framework_id}")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        balance_box = QGroupBox("Balance of effort (intended)")
        bl = QVBoxLayout(balance_box)
        bl.setSpacing(2)
        self.balance_sliders: dict[str, BalanceSlider] = {}
        for key in hz_balance.KEYS:
            row = BalanceSlider(key, balance_box)
            row.shareChanged.connect(self._on_balance)
            row.lockToggled.connect(self._on_lock)
            bl.addWidget(row)
            self.balance_sliders[key] = row
        note = QLabel("Always 100%: moving one share rebalances the other two in proportion; "
                      "a locked share stays put.")
        note.setWordWrap(True)
        note.setEnabled(False)
        bl.addWidget(note)
        side_layout.addWidget(balance_box)

        ref_box = QGroupBox("Reference split (common practice)")
        ref_box.setToolTip("A split to compare with. 70/20/10 is a common budgeting rule of "
                           "thumb in practice; it does not come from the sources.")
        rl = QGridLayout(ref_box)
        rl.setContentsMargins(6, 4, 6, 4)
        self.reference_spins: dict[str, QDoubleSpinBox] = {}
        for col, key in enumerate(hz_balance.KEYS):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"reference:{key}")
            spin.setRange(0.0, 100.0)
            spin.setDecimals(0)
            spin.setSingleStep(5.0)
            spin.setSuffix("%")
            spin.setPrefix(f"H{key[1]} ")
            spin.setKeyboardTracking(False)
            spin.setAccessibleName(f"Reference share on H{key[1]}")
            spin.valueChanged.connect(self._on_reference)
            rl.addWidget(spin, 0, col)
            self.reference_spins[key] = spin
        reset_ref = QPushButton("70/20/10")
        reset_ref.setObjectName(f"reset-reference:{framework_id}")
        reset_ref.setToolTip("Back to the 70/20/10 rule of thumb")
        reset_ref.clicked.connect(self._reset_reference)
        rl.addWidget(reset_ref, 1, 1, 1, 2)  # under the spin boxes: they keep the width
        side_layout.addWidget(ref_box)

        tension_box = QGroupBox("Coherence with the business models")
        tl = QVBoxLayout(tension_box)
        tl.setContentsMargins(4, 4, 4, 4)
        self.tensions_list = TensionList()
        self.tensions_list.setObjectName(f"tensions:{framework_id}")
        self.tensions_list.setAccessibleName("Tensions between this tab and the business models")
        self.tensions_list.setWordWrap(True)
        self.tensions_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tensions_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tensions_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tensions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tensions_list.setSpacing(2)
        self.tensions_list.setToolTip(TENSIONS_TIP)
        tl.addWidget(self.tensions_list, 1)
        self.thresholds = rules_note(framework_id)
        tl.addWidget(self.thresholds)
        side_layout.addWidget(tension_box, 1)
        side.setMinimumWidth(290)
        side.setMaximumWidth(330)
        side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.side_panel = side

    def arrange(self) -> None:
        """Weights | two pages, the Three Horizons and the fit of the structures (ranking beside
        radar, as on the business models' tab, then the ratings) | balance and coherence,
        beside the Three Horizons only. (The ranking over the radar left the radar about 130
        px across at 1024x768.)"""
        fit = self.fit_charts(Qt.Orientation.Horizontal, stretch=(9, 11))
        self.main_area = self.charts_over_table(fit, self.table_and_details())
        self.main_area.setSizes([475, 165])  # the radar keeps >= 240 px across at 1024x768
        self.pages = QTabWidget()
        self.pages.setObjectName(f"pages:{self.framework_id}")
        self.pages.addTab(self.horizons_page, "Three Horizons")
        self.pages.addTab(self.main_area, "Fit of the four structures")
        self.pages.setTabToolTip(1, "Ranking, radar and the editable ratings of the structures")
        self.pages.currentChanged.connect(lambda i: self.side_panel.setVisible(i == 0))
        self.place(self.pages, self.side_panel)

    # -- reading ------------------------------------------------------------------------------

    @property
    def plan(self):
        return self.document.scenario.horizons

    def tensions(self) -> list[hz_rules.Tension]:
        return hz_rules.tensions(applied(self.document, self.in_view()))

    def horizons_data(self) -> HorizonsData:
        return horizons_data(self.document, self.framework_id, self.in_view())

    def balance_data(self) -> BalanceData:
        return balance_data(self.document, self.framework_id)

    @classmethod
    def radar_for(cls, doc: Document, framework_id: str, weighting: Weighting) -> RadarData:
        return short_names(super().radar_for(doc, framework_id, weighting), doc, framework_id)

    @classmethod
    def ranking_for(cls, doc: Document, framework_id: str, weighting: Weighting) -> RankingData:
        data = super().ranking_for(doc, framework_id, weighting)
        return ranked_by_name(data, doc, framework_id)

    @classmethod
    def chart_plans(cls, doc: Document, framework_id: str, weighting: Weighting) -> list[ChartPlan]:
        return [*super().chart_plans(doc, framework_id, weighting),
                ChartPlan("horizons", HorizonsChart, HORIZONS_TITLE,
                          horizons_data(doc, framework_id, weighting)),
                ChartPlan("balance", BalanceChart, BALANCE_TITLE,
                          balance_data(doc, framework_id, weighting))]

    # -- refreshing -----------------------------------------------------------------------

    def _on_changed(self, framework_id: str, path: Path = EVERYTHING) -> None:
        models = hz_rules.business_models(self.document)
        shown = [self.framework_id, *([models] if models else [])]
        if framework_id not in ("", *shown) or not shows(
                [p for fid in shown for p in view_paths(self.document, fid)], path):
            return
        try:
            if framework_id == models:
                self._update_tensions()  # the coherence list stays live
            if framework_id == models and not self.isVisible():
                # A business-model drag elsewhere: redraw the charts when this tab is shown.
                self._charts_stale = True
                return
            self._controls_stale = framework_id != models
            self.schedule_refresh()  # syncs the controls when it runs now
            if self._controls_stale:
                self._sync_controls()  # the refresh waits for the turn's end: sync them now
        except RuntimeError:  # the tab is being torn down
            return

    _charts_stale = _controls_stale = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._charts_stale:
            self._charts_stale = False
            self.schedule_refresh()

    def refresh(self) -> None:
        super().refresh()
        self._sync_controls()
        self.horizons_chart.show_data(self.horizons_data())
        self.balance_chart.show_data(self.balance_data())
        has = self.horizons_chart.selected != ""
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _sync_controls(self) -> None:
        self._controls_stale = False
        show_plan(self.plan, self.balance_sliders, self.reference_spins)
        self._update_tensions()

    _shown_tensions: tuple | None = None

    def _update_tensions(self) -> None:
        found = self.tensions()
        key = tuple((t.id, t.message, tuple(t.settings)) for t in found)
        if key == self._shown_tensions:
            return  # unchanged: rebuilding the list on every slider tick costs a repaint
        self._shown_tensions = key
        lst = self.tensions_list
        lst.clear()
        if not found:
            item = QListWidgetItem(NO_TENSIONS)
            item.setData(Qt.ItemDataRole.UserRole, "")
            item.setForeground(lst.palette().placeholderText())
            lst.addItem(item)
        for t in found:
            item = QListWidgetItem(f"⚠ {t.message}\n↔ {t.settings[0]}\n↔ {t.settings[1]}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(guarded(f"{t.message}\n\nSettings behind it:\n• {t.settings[0]}\n"
                                    f"• {t.settings[1]}"))
            lst.addItem(item)
        lst.fit_items()

    def tension_ids(self) -> list[str]:
        """The ids of the tensions shown (empty when the list says there are none)."""
        ids = [self.tensions_list.item(n).data(Qt.ItemDataRole.UserRole)
               for n in range(self.tensions_list.count())]
        return [i for i in ids if i]

    # -- edits: balance ---------------------------------------------------------------------

    def _on_balance(self, key: str, value: int, gesture: int) -> None:
        if self._balance_gesture != (key, gesture):
            self._balance_gesture = (key, gesture)
            self._balance_base = self.plan.balance.model_copy()
        revision = self.document.revision
        self._push(hz_edits.set_balance, self.document, key, value, gesture, self._balance_base)
        self._sync_unless(revision)

    def _on_lock(self, key: str, checked: bool) -> None:
        self._balance_gesture = None
        current = self.plan.locked
        revision = self.document.revision
        if checked:
            self._push(hz_edits.set_lock, self.document, key)
        elif current == key:
            self._push(hz_edits.set_lock, self.document, None)
        self._sync_unless(revision)

    def _on_reference(self, value: float) -> None:
        spin = self.sender()
        key = next((k for k, s in self.reference_spins.items() if s is spin), None)
        if key is None:
            return
        revision = self.document.revision
        self._push(hz_edits.set_reference_share, self.document, key, value)
        self._sync_unless(revision)

    def _sync_unless(self, revision: int) -> None:  # an edit that changed nothing: sync now
        if self.document.revision == revision:
            self._sync_controls()

    def _reset_reference(self) -> None:
        self._push(hz_edits.set_reference, self.document, None)

    # -- edits: initiatives -----------------------------------------------------------------

    def add_initiative(self) -> None:
        """A new initiative where the chart has room (on H2 if it can), selected."""
        self.horizons_chart.show_data(self.horizons_data())
        time, horizon = self.horizons_chart.free_spot()
        edit = self._push(hz_edits.add_initiative, self.document, None, time, horizon,
                          refused="Cannot add")
        if edit is None:
            return
        new_id = edit.new[-1].id
        self.pages.setCurrentIndex(0)
        self.horizons_chart.show_data(self.horizons_data())
        self.horizons_chart.select(new_id)
        self.horizons_chart.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_initiative_moved(self, iid: str, t: float, h: float, gesture: int) -> None:
        self._push(hz_edits.move_initiative, self.document, iid, t, h, gesture)

    def _ask_rename(self, iid: str, current: str) -> None:
        name, ok = prompts.get_text(self, "Rename initiative", "Name:",
                                    QLineEdit.EchoMode.Normal, current)
        if ok and name.strip() and name.strip() != current:
            self._on_initiative_renamed(iid, name.strip())

    def _ask_size(self, iid: str, current: float) -> None:
        size, ok = prompts.get_double(
            self, "Size of initiative", "Relative effort or budget (weights the observed split):",
            current, 0.1, 1000.0, 1)
        if ok:
            self._on_initiative_resized(iid, size)

    def _on_initiative_renamed(self, iid: str, name: str) -> None:
        self._push(hz_edits.rename_initiative, self.document, iid, name)

    def _on_initiative_resized(self, iid: str, size: float) -> None:
        self._push(hz_edits.set_initiative_size, self.document, iid, size)

    def _on_initiative_delete(self, iid: str) -> None:
        self._push(hz_edits.delete_initiative, self.document, iid)

    def _on_selection(self, iid: str) -> None:
        self.rename_button.setEnabled(bool(iid))
        self.delete_button.setEnabled(bool(iid))

    def _horizons_menu(self, pos) -> None:
        chart = self.horizons_chart
        menu = QMenu(self)
        hit = chart.hit_test(chart.mapToScene(pos))
        if hit:
            chart.select(hit)
            chart.add_initiative_actions(hit, menu)
        open_chart_menu(self.chart_menu, chart, pos, menu)

    def _rename_selected(self) -> None:
        if self.horizons_chart.selected:
            self.horizons_chart.request_rename(self.horizons_chart.selected)

    def _delete_selected(self) -> None:
        if self.horizons_chart.selected:
            self._on_initiative_delete(self.horizons_chart.selected)
