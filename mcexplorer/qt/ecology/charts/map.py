"""The credential-ecology map: a 2x2 plane with the planner's offerings as markers.

x runs from bundled (-1) to unbundled (+1), y from non-credit-bearing (-1) to credit-bearing
(+1). The four quadrants are shaded and named after the current lens; a 'list' lens
(Camilleri's six scenarios) writes its numbered items in the quadrant they are drawn near.
Markers are circles whose area follows the offering's volume (radius ~ sqrt(volume)), with a
number badge (unique, also shown in the tab's list) and the name beside them.

Like every chart it is a view: ``show_data(MapData)`` draws it. When ``interactive`` it also
turns mouse and keyboard gestures into signals (the tab turns those into edits):

* press on a marker, move, release: ``offeringMoved(id, x, y, gesture)`` with one gesture
  id per drag (so one drag is one undo step); positions are clamped to the plane.
* click or Tab / Shift+Tab: select a marker (``selectionChanged``); Tab leaves the map after
  the last marker.
* arrow keys move the selected marker by 0.05 (Shift: 0.2); Delete / Backspace asks to delete
  it, F2, Enter or a double-click asks to rename it.

``clone()`` gives a non-interactive copy for export. Its data: core.ecology.chart_data; the
plane's graphics: ``map_items``; the offerings, painted as one item: ``map_markers``; the
placing of names: ``map_layout`` (on screen, once per size the view is painted at)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor

from ....core.ecology.mix import clamp
from ...charts.base import Chart, text_item
from ...charts.style import font
from ...gestures import new_gesture
from .map_items import (
    BIG_STEP,
    DRAG_THRESHOLD,
    LABEL_SCALE,
    MARGIN,
    PLANE,
    STEP,
    Y_MARGIN,
    MapData,
    MapMarker,
    esc,
    list_html,
    marker_radius,
    plane_items,
)
from .map_layout import pixel_size, place_labels, place_region_texts, text_rect
from .map_markers import MarkerLayer, Spot, shown_text


class EcologyMap(Chart):
    kind = "map"
    export_aspect = 0.86

    offeringMoved = Signal(str, float, float, int)
    """offering id, new x, new y, gesture id (one per drag or held key)"""
    selectionChanged = Signal(str)
    """offering id, or '' for none"""
    deleteRequested = Signal(str)
    renameRequested = Signal(str)

    def __init__(self, framework_id: str, title: str = "Credential ecology map", parent=None,
                 interactive: bool = True) -> None:
        super().__init__(framework_id, title, parent)
        self.interactive = interactive
        self.view = self.addViewBox(row=1, col=0, lockAspect=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.view.setMouseEnabled(False, False)
        self.view.setRange(xRange=(-PLANE - MARGIN, PLANE + MARGIN),
                           yRange=(-PLANE - Y_MARGIN, PLANE + Y_MARGIN), padding=0)
        self._list = self.addLabel("", row=2, col=0)
        self._list.setMaximumHeight(0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._static: list = []
        self._layer = MarkerLayer()
        self.view.addItem(self._layer)
        self._spots: list[Spot] = []
        self._by_id: dict[str, Spot] = {}
        self._placed_for: tuple | None = None
        self._names_due = False
        self._left_out = 0
        self._note = ""
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(30)
        self.view.addItem(self._message)
        self._region_texts: list[pg.TextItem] = []
        self._region_homes: list[tuple[float, float]] = []
        self._selected = ""
        self._press: tuple[str, QPointF, float, float] | None = None
        self._dragging = False
        self._gesture = 0
        self._key_gesture = 0
        self.view.sigResized.connect(self._relayout)
        if interactive:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setMouseTracking(True)
            self.viewport().setMouseTracking(True)
            self.setToolTip("Drag an offering to move it; arrow keys move the selected one "
                            "(Shift: bigger steps); F2 or double-click renames; Delete removes.")
        else:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- public reading ---------------------------------------------------------------------

    @property
    def selected(self) -> str:
        return self._selected

    def marker_ids(self) -> list[str]:
        return [s.marker.id for s in self._spots]

    def marker_texts(self) -> list[str]:
        """Every marker's name as drawn (or as it would be where it is left out), in
        portfolio order (tests and accessibility)."""
        return [s.text for s in self._spots]

    def disc_rects(self) -> list[QRectF]:
        """Each marker's disc in plane units, in portfolio order."""
        return [s.disc_rect() for s in self._spots]

    def label_boxes(self) -> list[tuple[str, str, QRectF]]:
        """(offering id, name, box in plane units) of every name shown."""
        self._place_names()
        return [(s.marker.id, s.shown, s.label_rect()) for s in self._spots if s.label]

    def names_left_out(self) -> int:
        """How many names the map leaves out where it is too crowded to place them."""
        self._place_names()
        return self._left_out

    def region_rects(self) -> list[QRectF]:
        """The region names' boxes in plane units."""
        px, py = self._pixel_size()
        return [text_rect(t, px, py) for t in self._region_texts]

    def region_texts(self) -> list[str]:
        return [t.toPlainText() for t in self._region_texts]

    def marker_viewport_pos(self, offering_id: str) -> QPointF:
        """Where a marker's centre is, in viewport pixels (for tests and tooltips)."""
        m = self._by_id[offering_id]
        scene = self.view.mapViewToScene(QPointF(m.marker.x, m.marker.y))
        return QPointF(self.mapFromScene(scene))

    # -- drawing ----------------------------------------------------------------------------

    def _draw(self, data: MapData) -> None:
        self._draw_plane(data)
        self._draw_markers(data)
        self._message.setHtml(
            f"<div style='text-align:center;color:{self.style.foreground.name()}'>"
            f"{esc(data.message).replace(chr(10), '<br>')}</div>")
        self._message.setPos(0, 0)
        panel = QColor(self.style.background)
        panel.setAlpha(235)
        self._message.fill = pg.mkBrush(panel)
        self._message.setVisible(bool(data.message))
        self._note = data.note
        self.set_caption(self._caption_text())  # the lens, what a marker's size means
        self._list.setText(list_html(data.lens), size=f"{font(0.9).pointSizeF():.0f}pt",
                           color=self.style.foreground.name())
        self._list.setMaximumHeight(10_000 if data.lens.kind == "list" else 0)
        self._list.setVisible(data.lens.kind == "list")
        self._relayout()

    def list_text(self) -> str:
        """The list under the plane as plain text ('' for quadrant lenses)."""
        return self._list.item.toPlainText() if self._list.isVisible() else ""

    def _draw_plane(self, data: MapData) -> None:
        for item in self._static:
            self.view.removeItem(item)
        self._static, self._region_texts = plane_items(data, self.style)
        self._region_homes = [(t.pos().x(), t.pos().y()) for t in self._region_texts]
        for item in self._static:
            self.view.addItem(item)

    def _relayout(self, *_) -> None:
        """Move the region names off the markers; the markers' names are placed when the
        view is next painted (on screen: once the view has its size, not at every step of
        its first layout) or at once (a copy for export)."""
        px, py = self._pixel_size()
        self._message.setTextWidth(max(120.0, 1.5 / px))
        place_region_texts(self._region_texts, self._region_homes, self.disc_rects(), px, py)
        self._names_due = True
        if self.interactive and self.isVisible():
            self.viewport().update()
        else:
            self._place_names()

    def _place_names(self) -> None:
        """Place names beside markers, in their quadrant, off the region names and each
        other; say how many are left out."""
        if not self._names_due:
            return
        self._names_due = False
        px, py = self._pixel_size()
        obstacles = self.region_rects()
        layer = self._layer
        key = (px, py, layer.label_font.toString(), tuple((s.marker, s.r) for s in self._spots),
               tuple(r.getRect() for r in obstacles))
        if key != self._placed_for:
            size = layer.label_size
            self._left_out = place_labels(self._spots, lambda t: (size(t).width(),
                                                                  size(t).height()),
                                          obstacles, px, py)
            self._placed_for = key
            layer.update()
        if self._caption_text() != self.caption:
            self.set_caption(self._caption_text())

    def _caption_text(self) -> str:
        if not self._left_out:
            return self._note
        many = "name" if self._left_out == 1 else "names"
        return f"{self._left_out} {many} left out where crowded (the list has all)  \u00b7  " \
            + self._note

    def paintEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        self._place_names()
        super().paintEvent(ev)

    def _draw_markers(self, data: MapData) -> None:
        markers = data.markers
        largest = max((m.volume for m in markers), default=0.0)
        # Big markers first (below), so small ones stay clickable on top.
        order = sorted(range(len(markers)), key=lambda i: -markers[i].volume)
        z_of = {i: z for z, i in enumerate(order)}
        self._spots = [Spot(m, marker_radius(m.volume, largest), z_of[i], shown_text(m.text))
                       for i, m in enumerate(markers)]
        self._by_id = {s.marker.id: s for s in self._spots}
        self._selected = data.selected if data.selected in self._by_id else ""
        layer = self._layer
        layer.set_look(font(LABEL_SCALE, True), font(0.85, True), self.style.foreground,
                       self.style.background)
        layer.spots = self._spots
        layer.selected = self._selected
        self._placed_for = None
        layer.update()

    def _pixel_size(self) -> tuple[float, float]:
        """Data units per pixel, from the current view range and size (never stale)."""
        return pixel_size(self.view)

    def clone(self) -> EcologyMap:
        twin = EcologyMap(self.framework_id, self.title, interactive=False)
        twin.set_caption(self.caption)
        if self.data is not None:
            twin.show_data(self.data)
        return twin

    # -- interaction --------------------------------------------------------------------------

    def _to_plane(self, pos: QPointF) -> QPointF:
        return self.view.mapSceneToView(self.mapToScene(pos.toPoint()))

    def marker_at(self, pos: QPointF) -> str:
        """The id of the topmost marker under a viewport position, or ''."""
        p = self._to_plane(pos)
        px, _ = self._pixel_size()
        best = ""
        best_z = -math.inf
        for s in self._spots:
            m = s.marker
            if math.hypot(p.x() - m.x, p.y() - m.y) <= s.r + 3 * px and s.z > best_z:
                best, best_z = m.id, s.z
        return best

    def select(self, offering_id: str) -> None:
        """Select a marker (or none with '') and tell the tab."""
        if offering_id and offering_id not in self._by_id:
            offering_id = ""
        if offering_id == self._selected:
            return
        self._selected = offering_id
        self._layer.selected = offering_id
        self._layer.update()
        self.selectionChanged.emit(offering_id)

    def mousePressEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if self.interactive and ev.button() == Qt.MouseButton.LeftButton:
            hit = self.marker_at(ev.position())
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            if hit:
                m = self._by_id[hit].marker
                p = self._to_plane(ev.position())
                self._press = (hit, QPointF(ev.position()), p.x() - m.x, p.y() - m.y)
                self._dragging = False
                self._gesture = new_gesture()
                self.select(hit)
                ev.accept()
                return
            self.select("")
        super().mousePressEvent(ev)

    def mouseMoveEvent(self, ev) -> None:  # noqa: N802
        if self.interactive and self._press is not None:
            oid, start, dx, dy = self._press
            if not self._dragging:
                d = ev.position() - start
                if math.hypot(d.x(), d.y()) < DRAG_THRESHOLD:
                    ev.accept()
                    return
                self._dragging = True
            p = self._to_plane(ev.position())
            self._move(oid, p.x() - dx, p.y() - dy, self._gesture)
            ev.accept()
            return
        if self.interactive:
            hit = self.marker_at(ev.position())
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if hit
                                      else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(ev)

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802
        left = ev.button() == Qt.MouseButton.LeftButton
        if self.interactive and self._press is not None and left:
            oid, _start, dx, dy = self._press
            if self._dragging:
                p = self._to_plane(ev.position())
                self._move(oid, p.x() - dx, p.y() - dy, self._gesture)
            self._press = None
            self._dragging = False
            ev.accept()
            return
        super().mouseReleaseEvent(ev)

    def mouseDoubleClickEvent(self, ev) -> None:  # noqa: N802
        if self.interactive and ev.button() == Qt.MouseButton.LeftButton:
            hit = self.marker_at(ev.position())
            if hit:
                self._press = None
                self.select(hit)
                self.renameRequested.emit(hit)
                ev.accept()
                return
        super().mouseDoubleClickEvent(ev)

    def _move(self, oid: str, x: float, y: float, gesture: int) -> None:
        """Show the move at once and ask for the edit (the tab pushes it)."""
        g = self._by_id.get(oid)
        if g is None:
            return
        x, y = clamp(x), clamp(y)
        if math.isclose(x, g.marker.x) and math.isclose(y, g.marker.y):
            return
        g.marker = MapMarker(g.marker.id, g.marker.name, x, y, g.marker.volume, g.marker.number,
                             g.marker.label)
        self._layer.update()
        self._relayout()
        self.offeringMoved.emit(oid, x, y, gesture)

    def keyPressEvent(self, ev) -> None:  # noqa: N802
        if not self.interactive:
            super().keyPressEvent(ev)
            return
        key = ev.key()
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
        if key in arrows and self._selected:
            g = self._by_id[self._selected]
            step = BIG_STEP if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
            if not ev.isAutoRepeat() or not self._key_gesture:
                self._key_gesture = new_gesture()
            dx, dy = arrows[key]
            self._move(self._selected, g.marker.x + dx * step, g.marker.y + dy * step,
                       self._key_gesture)
            ev.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected:
            self.deleteRequested.emit(self._selected)
            ev.accept()
            return
        if key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.renameRequested.emit(self._selected)
            ev.accept()
            return
        if key == Qt.Key.Key_Escape and self._selected:
            self.select("")
            ev.accept()
            return
        super().keyPressEvent(ev)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab walks through the markers, then leaves the map."""
        ids = self.marker_ids()
        if self.interactive and ids and self.hasFocus():
            if self._selected in ids:
                i = ids.index(self._selected)
            else:
                i = -1 if forward else len(ids)
            j = i + (1 if forward else -1)
            if 0 <= j < len(ids):
                self.select(ids[j])
                return True
            self.select("")
        return super().focusNextPrevChild(forward)
