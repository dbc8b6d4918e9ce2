"""The Three Horizons chart: three overlapping curves of value over time, with markers.

Structures (numbered circles) and business models (diamonds) sit where the data put them. The
planner's initiatives (squares) can move: drag one with the mouse (one drag is one gesture, so
one undo step), or click the chart, select with Space and move with the arrow keys (Left/Right
along time, Up/Down between curves; Shift for small steps). F2 or a double click renames,
Delete removes. It never edits the scenario nor asks the user anything: it emits signals
(``renameRequested``, ``resizeRequested``...) and the tab asks and edits."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ....core.structures import balance as hz_balance, curves as hz_curves
from ...charts.base import Chart, text_item
from ...charts.fit import make_legend
from ...charts.label_pool import LabelPool
from ...charts.painted import TextBoxes
from ...charts.style import font, needs_edge
from ...gestures import GestureTracker, new_gesture
from ...plain import escaped
from .horizons_data import (CURVES_NOTE, HIT_RADIUS_PX, HORIZON_COLOURS, HORIZON_FINE,
                            HORIZON_NAMES, HORIZON_STEP, INITIATIVE_COLOUR, SAMPLES,
                            SELECTED_COLOUR, TIME_FINE, TIME_STEP, HorizonMarker, HorizonsData,
                            free_spot, marker_px)
from .horizons_names import leader_item, place_names
from .horizons_view import HorizonsView, set_points


class HorizonsChart(Chart):
    kind = "horizons"
    CAPTION = "Curve shapes are the tool's picture; drag a pink square (your initiative)"
    export_aspect = 0.75
    """Tall enough on a page or a slide for every name beside its marker (0.56 crowded them)."""

    initiativeMoved = Signal(str, float, float, int)
    """initiative id, time, horizon, gesture id"""
    renameRequested = Signal(str, str)
    """initiative id, its current name (the tab asks for the new one)"""
    resizeRequested = Signal(str, float)
    """initiative id, its current size (the tab asks for the new one)"""
    initiativeDeleteRequested = Signal(str)
    selectionChanged = Signal(str)

    def __init__(self, framework_id: str, title: str = "Three Horizons", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.interactive = True
        self.selected = ""
        self.dragging: str | None = None
        self._gesture = 0
        self._key_gesture = 0
        self._drag_horizon = 2.0
        self._key_gestures = GestureTracker()  # a run of quick nudges is one undo step
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(CURVES_NOTE)
        self.view = HorizonsView(self)
        self.plot = self.addPlot(row=1, col=0, viewBox=self.view)
        self.view.sigResized.connect(self._view_resized)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._curves: dict[int, pg.PlotCurveItem] = {}
        self._curve_labels: dict[int, pg.TextItem] = {}
        ts = [i / (SAMPLES - 1) for i in range(SAMPLES)]
        for k in (1, 2, 3):
            item = pg.PlotCurveItem(ts, [hz_curves.curve(k, t) for t in ts])
            item.setZValue(-5)
            self.plot.addItem(item)
            self._curves[k] = item
            lab = text_item(f"H{k}", HORIZON_COLOURS[k], 1.3, bold=True)
            lab.setZValue(8)
            self.plot.addItem(lab)
            self._curve_labels[k] = lab
        # Short names where each curve has room; the legend spells them out.
        self._curve_labels[1].setAnchor((0, 0))
        self._curve_labels[1].setPos(-0.02, hz_curves.curve(1, 0.0) - 0.04)
        self._curve_labels[2].setAnchor((1, 0.5))
        self._curve_labels[2].setPos(0.3, hz_curves.curve(2, 0.31))
        self._curve_labels[3].setAnchor((1, 1))
        self._curve_labels[3].setPos(1.02, hz_curves.curve(3, 1.0) + 0.03)
        self._structures = pg.ScatterPlotItem(symbol="o", pxMode=True)
        self._models = pg.ScatterPlotItem(symbol="d", pxMode=True)
        self._initiatives = pg.ScatterPlotItem(symbol="s", pxMode=True)
        self._structures.setZValue(5)
        self._models.setZValue(4)
        self._initiatives.setZValue(10)
        for item in (self._structures, self._models, self._initiatives):
            self.plot.addItem(item)
        self._leaders = leader_item(self.plot)  # lines to names apart from their markers
        self._labels: list[pg.TextItem] = []  # shown now, from a pool reused by each redraw
        self._pool = LabelPool(self.plot)
        self._boxes = TextBoxes()  # the names' sizes: the same names are placed on every redraw
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(20)
        self.plot.addItem(self._message)
        self.legend = make_legend(colCount=3, labelTextColor=self.style.foreground,
                                    labelTextSize=f"{font(0.95).pointSizeF():.0f}pt")
        self.addItem(self.legend, row=2, col=0)
        self._style_items()

    # -- styling ----------------------------------------------------------------------------

    def _style_items(self) -> None:
        st = self.style
        for k, item in self._curves.items():
            item.setPen(pg.mkPen(HORIZON_COLOURS[k], width=3.5))
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(st.grid))
            axis.setTextPen(pg.mkPen(st.muted))
            axis.setTickFont(font(0.9))
        label_style = {"font-size": f"{font(0.95).pointSizeF():.0f}pt", "color": st.muted.name()}
        self.plot.getAxis("left").setLabel("Value / prevalence", **label_style)
        self.plot.getAxis("bottom").setLabel("Time", **label_style)
        self.plot.getAxis("left").setTicks([[(0.0, "low"), (1.0, "high")]])
        self.plot.getAxis("bottom").setTicks([[(0.0, "now"), (0.5, "medium term"),
                                               (1.0, "long term")]])
        self.plot.setXRange(-0.03, 1.03, padding=0)
        self.plot.setYRange(0.0, 1.06, padding=0)
        self.legend.clear()
        self.legend.opts["labelTextColor"] = st.foreground
        for k in (1, 2, 3):
            self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(HORIZON_COLOURS[k], width=3.5)),
                                HORIZON_NAMES[k])
        samples = (
            (pg.ScatterPlotItem(symbol="o", size=13, brush=pg.mkBrush(st.muted),
                                pen=pg.mkPen(st.background)), "Structure, scenario 1-4"),
            (pg.ScatterPlotItem(symbol="d", size=12, brush=pg.mkBrush(st.background),
                                pen=pg.mkPen(st.foreground, width=1.5)), "Business model"),
            (pg.ScatterPlotItem(symbol="s", size=12, brush=pg.mkBrush(INITIATIVE_COLOUR),
                                pen=pg.mkPen(st.foreground)), "Your initiative"),
        )
        for sample, name in samples:
            self.legend.addItem(sample, escaped(name))

    def restyle(self) -> None:
        self.style = self.restyled()
        self._style_items()
        super().restyle()

    # -- drawing ------------------------------------------------------------------------------

    def _draw(self, data: HorizonsData) -> None:
        st = self.style
        ids = {m.id for m in data.initiatives}
        if self.selected and self.selected not in ids:
            self.selected = ""
        self._labels = self._pool.begin()  # names re-placed with the items already in the plot
        structures = [m for m in data.fixed if m.kind == "structure"]
        models = [m for m in data.fixed if m.kind != "structure"]
        # A scatter's setData renders its symbols again: only the ones whose points changed
        # (a drag that moves the top structure leaves the models and initiatives alone).
        set_points(self._structures, [(m.time, hz_curves.height(m.time, m.horizon),
                                         marker_px(m.kind, m.emphasis),
                                         m.colour or HORIZON_COLOURS[round(m.horizon)],
                                         st.foreground, 3 if m.emphasis else 1.2)
                                        for m in structures])
        set_points(self._models, [(m.time, hz_curves.height(m.time, m.horizon),
                                     marker_px(m.kind, m.emphasis),
                                     st.foreground if m.emphasis else st.background,
                                     st.foreground, 1.6) for m in models])
        selected_pen = SELECTED_COLOUR if not st.dark else "#ffffff"
        set_points(self._initiatives, [(m.time, hz_curves.height(m.time, m.horizon),
                                          marker_px(m.kind, m.id == self.selected),
                                          INITIATIVE_COLOUR, selected_pen,
                                          3.5 if m.id == self.selected else 1.2)
                                         for m in data.initiatives])
        for m in structures:
            if m.badge:
                ink = "#1a1a1a" if m.colour and needs_edge(m.colour) else "#ffffff"
                badge = self._pool.take(m.badge, ink, 0.9, bold=True)
                badge.setPos(m.time, hz_curves.height(m.time, m.horizon))
                badge.setZValue(6)
                badge.overlap_ok = True  # it sits on its own marker
                self._add_label(badge)
        place_names(self, data)
        self._pool.end()
        self._message.setText(data.message)
        self._message.setColor(st.foreground)
        self._message.setPos(0.5, 0.97)
        names = ", ".join(f"{m.label} at {hz_balance.horizon_label(m.horizon)}"
                          for m in data.initiatives)
        self.setAccessibleDescription(
            "Three overlapping curves H1, H2 and H3 over time. " + CURVES_NOTE + " "
            + (f"Initiatives: {names}." if names else "No initiatives yet.")
            + " Space selects an initiative, arrow keys move it, F2 renames, Delete removes.")

    def tooltip_at(self, scene_pos) -> str:
        """An initiative's or a fixed marker's full name and horizon under the mouse."""
        best, best_d = None, HIT_RADIUS_PX
        data = self.data or HorizonsData()
        for m in list(data.initiatives) + list(data.fixed):
            p = self.scene_pos(m.time, m.horizon)
            d = ((p.x() - scene_pos.x()) ** 2 + (p.y() - scene_pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = m, d
        if best is not None:
            return f"{best.label}: {hz_balance.horizon_label(best.horizon)}"
        return super().tooltip_at(scene_pos)

    def _text_size(self, text: str, scale: float, bold: bool,
                   unit: bool = False) -> tuple[float, float]:
        """Width and height of a label in data units at the chart's current size (with
        ``unit``: the size of one pixel)."""
        rect = self.view.sceneBoundingRect()
        px_w, px_h = (rect.width() if rect.width() > 50 else 560.0,
                      rect.height() if rect.height() > 50 else 300.0)
        if unit:
            return 1.06 / px_w, 1.06 / px_h
        size = self._boxes.size(text, font(scale, bold))  # 4 px around it, measured once
        return size.width() * 1.06 / px_w, size.height() * 1.06 / px_h

    def _view_resized(self, *_args) -> None:  # names are placed in pixels: place them again
        if getattr(self, "data", None) is not None and hasattr(self, "_labels"):
            self.redraw()

    def _add_label(self, item: pg.TextItem) -> None:  # a pool's label (already in the plot)
        item.setZValue(max(item.zValue(), 7))
        self._labels.append(item)

    # -- geometry helpers (also used by tests) -------------------------------------------

    def free_spot(self) -> tuple[float, float]:
        """A (time, horizon) where a new initiative is clear of every marker on the chart."""
        self.ensure_drawn()
        d = self.data or HorizonsData()
        taken = [(m.time, hz_curves.height(m.time, m.horizon)) for m in d.fixed + d.initiatives]
        taken += [(lab.pos().x(), lab.pos().y()) for lab in self._curve_labels.values()]
        return free_spot(taken, hz_curves.height, self._text_size("", 1.0, False, unit=True))

    def initiatives(self) -> tuple[HorizonMarker, ...]:
        return self.data.initiatives if self.data is not None else ()

    def initiative(self, initiative_id: str) -> HorizonMarker | None:
        return next((m for m in self.initiatives() if m.id == initiative_id), None)

    def scene_pos(self, time: float, horizon: float) -> QPointF:
        return self.view.mapViewToScene(QPointF(time, hz_curves.height(time, horizon)))

    def viewport_pos(self, time: float, horizon: float) -> QPoint:
        """Where a point of the chart is in the viewport's pixels (for mouse events)."""
        return self.mapFromScene(self.scene_pos(time, horizon))

    def hit_test(self, scene_pos: QPointF) -> str | None:
        best, best_d = None, HIT_RADIUS_PX
        for m in self.initiatives():
            p = self.scene_pos(m.time, m.horizon)
            d = ((p.x() - scene_pos.x()) ** 2 + (p.y() - scene_pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = m.id, d
        return best

    # -- interaction ------------------------------------------------------------------------

    def clone(self) -> HorizonsChart:
        """A non-interactive copy without the selection ring (for export)."""
        twin = HorizonsChart(self.framework_id, self.title)
        twin.set_caption(self.caption)
        twin.interactive = False
        twin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if self.data is not None:
            twin.show_data(self.data)
        return twin

    def select(self, initiative_id: str) -> None:
        if initiative_id != self.selected:
            self.selected = initiative_id
            if self.data is not None:
                self._draw(self.data)
            self.selectionChanged.emit(initiative_id)

    def begin_drag(self, initiative_id: str) -> None:
        self.select(initiative_id)
        self.dragging = initiative_id
        self._gesture = new_gesture()
        m = self.initiative(initiative_id)
        self._drag_horizon = m.horizon if m else 2.0

    def drag_to(self, point: QPointF) -> None:
        if self.dragging is None:
            return
        t = min(1.0, max(0.0, point.x()))
        h = hz_curves.horizon_at(t, point.y(), self._drag_horizon)
        self._drag_horizon = h
        self.initiativeMoved.emit(self.dragging, t, h, self._gesture)

    def end_drag(self) -> None:
        self.dragging = None

    def request_rename(self, initiative_id: str) -> None:
        """Ask the tab to rename an initiative (F2, double click, the Rename… action)."""
        m = self.initiative(initiative_id)
        if m is None or not self.interactive:
            return
        self.renameRequested.emit(initiative_id, m.label)

    def request_resize(self, initiative_id: str) -> None:
        """Ask the tab for a new size of an initiative (the Size… action)."""
        m = self.initiative(initiative_id)
        self.resizeRequested.emit(initiative_id, m.size if m else 1.0)

    def add_initiative_actions(self, initiative_id: str, menu: QMenu) -> None:
        """Rename, Size and Delete for one initiative, added to a context menu."""
        for text, slot in (("Rename…", self.request_rename), ("Size…", self.request_resize),
                           ("Delete", self.initiativeDeleteRequested.emit)):
            action = QAction(f"{text}", menu)
            action.setObjectName(f"initiative-{text.strip('…').lower()}")
            action.triggered.connect(lambda _=False, s=slot: s(initiative_id))
            menu.addAction(action)

    def mouseDoubleClickEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        hit = self.hit_test(self.mapToScene(ev.position().toPoint())) if self.interactive else None
        if hit:
            ev.accept()
            self.select(hit)
            self.request_rename(hit)
            return
        super().mouseDoubleClickEvent(ev)

    def keyPressEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if not self.interactive:
            return super().keyPressEvent(ev)
        key = ev.key()
        items = self.initiatives()
        if key == Qt.Key.Key_Space and items:
            ids = [m.id for m in items]
            n = (ids.index(self.selected) + 1) % len(ids) if self.selected in ids else 0
            self.select(ids[n])
            ev.accept()
            return
        m = self.initiative(self.selected)
        if m is None:
            return super().keyPressEvent(ev)
        fine = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        dt = TIME_FINE if fine else TIME_STEP
        dh = HORIZON_FINE if fine else HORIZON_STEP
        moves = {Qt.Key.Key_Left: (-dt, 0.0), Qt.Key.Key_Right: (dt, 0.0),
                 Qt.Key.Key_Up: (0.0, dh), Qt.Key.Key_Down: (0.0, -dh)}
        if key in moves:
            self._key_gesture = self._key_gestures.current(dragging=False)
            ddt, ddh = moves[key]
            t = min(1.0, max(0.0, m.time + ddt))
            h = min(3.0, max(1.0, m.horizon + ddh))
            self.initiativeMoved.emit(m.id, t, h, self._key_gesture)
            ev.accept()
        elif key == Qt.Key.Key_F2:
            self.request_rename(m.id)
            ev.accept()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.initiativeDeleteRequested.emit(m.id)
            ev.accept()
        elif key == Qt.Key.Key_Escape:
            self.select("")
            ev.accept()
        else:
            super().keyPressEvent(ev)


