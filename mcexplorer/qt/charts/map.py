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

``clone()`` gives a non-interactive copy with the same drawing, for PNG export.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsRectItem

from ...core.ecology.lenses import Lens, axes
from ...core.ecology.mix import clamp
from .base import Chart, text_item
from ..gestures import new_gesture
from .style import font

PLANE = 1.0
MARGIN = 0.2
"""Room left and right of the plane (data units) for the axis labels."""
Y_MARGIN = 0.17
R_MIN = 0.05
R_MAX = 0.15
STEP = 0.05
BIG_STEP = 0.2
LABEL_SCALE = 0.84
LABEL_CHARS = 24
"""Longer names are shortened on the map (the list and tooltips show them whole)."""
DRAG_THRESHOLD = 3.0
"""Pixels the mouse must travel before a press on a marker becomes a drag."""

QUADRANT_TINTS = {
    "top-left": "#0072B2", "top-right": "#009E73",
    "bottom-left": "#E69F00", "bottom-right": "#CC79A7",
}
MARKER_FILL = "#24466E"
SELECTED = "#D55E00"



@dataclass(frozen=True)
class MapMarker:
    id: str
    name: str
    x: float
    y: float
    volume: float
    number: int
    """1-based position in the portfolio: the badge, also shown in the tab's list."""
    label: str = ""
    """The name as drawn (duplicates get '(2)', '(3)'...); empty means ``name``."""

    @property
    def text(self) -> str:
        """The label as drawn: long names are shortened in the middle of the name part."""
        full = self.label or self.name
        if len(self.name) <= LABEL_CHARS:
            return full
        return self.name[:LABEL_CHARS - 1].rstrip() + "\u2026" + full[len(self.name):]


@dataclass(frozen=True)
class MapData:
    lens: Lens
    markers: tuple[MapMarker, ...] = ()
    shares: dict = field(default_factory=dict)
    """quadrant position ('top-left'...) -> share of volume 0-1 (empty: nothing to show)."""
    selected: str = ""
    message: str = ""
    """Shown over the plane (e.g. the invitation to add an offering)."""
    volume_unit: str = "learners"
    note: str = ""
    """A line under the plane (e.g. which lens and where its placement comes from)."""


def marker_labels(names: list[str]) -> list[str]:
    """Names as drawn: a name used more than once gets its occurrence number, '(2)'."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if counts[n] > 1:
            seen[n] = seen.get(n, 0) + 1
            out.append(f"{n} ({seen[n]})")
        else:
            out.append(n)
    return out


def marker_radius(volume: float, largest: float) -> float:
    if largest <= 0:
        return R_MIN
    return max(R_MIN, R_MAX * math.sqrt(max(volume, 0.0) / largest))


class _Marker:
    """The graphics of one offering: disc, number badge, name label, selection ring."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.disc = QGraphicsEllipseItem()
        self.disc.setZValue(10)
        self.ring = QGraphicsEllipseItem()
        self.ring.setZValue(9)
        self.badge = text_item("", "#ffffff", 0.85, bold=True)
        self.badge.setZValue(12)
        self.label = text_item("", "#1a1a1a", LABEL_SCALE, anchor=(0, 0.5), bold=True)
        self.label.setZValue(5)
        for item in (self.disc, self.ring, self.badge, self.label):
            view.addItem(item)
        self.marker: MapMarker | None = None
        self.r = R_MIN

    def remove(self, view: pg.ViewBox) -> None:
        for item in (self.disc, self.ring, self.badge, self.label):
            view.removeItem(item)

    def set_visible(self, on: bool) -> None:
        for item in (self.disc, self.ring, self.badge, self.label):
            item.setVisible(on)


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
        self._note = self.addLabel("", row=3, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._static: list = []
        self._markers: list[_Marker] = []
        self._by_id: dict[str, _Marker] = {}
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(30)
        self.view.addItem(self._message)
        self._region_texts: list[tuple[pg.TextItem, float]] = []
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
        return [m.marker.id for m in self._markers if m.marker is not None]

    def marker_texts(self) -> list[str]:
        """The marker labels as drawn, in portfolio order (tests and accessibility)."""
        return [m.label.toPlainText() for m in self._markers if m.marker is not None]

    def region_texts(self) -> list[str]:
        return [t.toPlainText() for t, _ in self._region_texts]

    def marker_viewport_pos(self, offering_id: str) -> QPointF:
        """Where a marker's centre is, in viewport pixels (for tests and tooltips)."""
        m = self._by_id[offering_id]
        assert m.marker is not None
        scene = self.view.mapViewToScene(QPointF(m.marker.x, m.marker.y))
        return QPointF(self.mapFromScene(scene))

    # -- drawing ----------------------------------------------------------------------------

    def _draw(self, data: MapData) -> None:
        self._draw_plane(data)
        self._draw_markers(data)
        self._message.setHtml(
            f"<div style='text-align:center;color:{self.style.foreground.name()}'>"
            f"{_esc(data.message).replace(chr(10), '<br>')}</div>")
        self._message.setPos(0, 0)
        self._message.fill = pg.mkBrush(self._panel_colour(235))
        self._message.setVisible(bool(data.message))
        note = data.note
        self._note.setText(note, size=f"{font(0.85).pointSizeF():.0f}pt",
                           color=self.style.muted.name())
        self._list.setText(self._list_html(data.lens), size=f"{font(0.9).pointSizeF():.0f}pt",
                           color=self.style.foreground.name())
        self._list.setMaximumHeight(10_000 if data.lens.kind == "list" else 0)
        self._list.setVisible(data.lens.kind == "list")
        self._relayout()

    @staticmethod
    def _list_html(lens: Lens) -> str:
        """A list lens's items in two columns (drawn under the plane)."""
        if lens.kind != "list":
            return ""
        names = [f"<b>{i}.</b> {_esc(r.name)}" for i, r in enumerate(lens.regions, start=1)]
        half = (len(names) + 1) // 2
        rows = []
        for a, b in itertools.zip_longest(names[:half], names[half:], fillvalue=""):
            rows.append(f"<tr><td style='padding-right:18px'>{a}</td><td>{b}</td></tr>")
        return f"<table>{''.join(rows)}</table>"

    def list_text(self) -> str:
        """The list under the plane as plain text ('' for quadrant lenses)."""
        return self._list.item.toPlainText() if self._list.isVisible() else ""

    def _panel_colour(self, alpha: int) -> QColor:
        c = QColor(self.style.background)
        c.setAlpha(alpha)
        return c

    def _draw_plane(self, data: MapData) -> None:
        for item in self._static:
            self.view.removeItem(item)
        self._static = []
        self._region_texts = []
        lens = data.lens
        fg, muted, grid = self.style.foreground, self.style.muted, self.style.grid
        # Shaded quadrants
        for pos, (x0, y0) in {"top-left": (-1, 0), "top-right": (0, 0),
                              "bottom-left": (-1, -1), "bottom-right": (0, -1)}.items():
            rect = QGraphicsRectItem(QRectF(x0, y0, 1, 1))
            tint = QColor(QUADRANT_TINTS[pos])
            tint.setAlpha(60 if self.style.dark else 34)
            rect.setBrush(QBrush(tint))
            rect.setPen(QPen(Qt.PenStyle.NoPen))
            rect.setZValue(-20)
            self._add(rect)
        # Border and the two axis lines
        border = pg.PlotCurveItem([-1, 1, 1, -1, -1], [-1, -1, 1, 1, -1],
                                  pen=pg.mkPen(grid, width=1.5))
        border.setZValue(-15)
        self._add(border)
        for xs, ys in (([-1, 1], [0, 0]), ([0, 0], [-1, 1])):
            line = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(muted, width=1.5,
                                                         style=Qt.PenStyle.DashLine))
            line.setZValue(-15)
            self._add(line)
        # Axis labels at the edges
        x_axis, y_axis = axes(lens)
        edge = PLANE + 0.035
        for text, pos, anchor, angle in (
                # Rotated a quarter turn, an up-pointing triangle points outwards.
                (f"\u25B2  {x_axis.left}", (-edge, 0), (0.5, 1.0), 90),
                (f"\u25B2  {x_axis.right}", (edge, 0), (0.5, 1.0), -90),
                (f"\u25B2  {y_axis.top}", (0, edge), (0.5, 1.0), 0),
                (f"\u25BC  {y_axis.bottom}", (0, -edge), (0.5, 0.0), 0)):
            item = pg.TextItem(text, color=fg, anchor=anchor, angle=angle)
            item.setFont(font(1.0, True))
            item.setPos(*pos)
            item.setZValue(-5)
            self._add(item)
        # Region names (and the volume share of each quadrant)
        corners = {"top-left": ((-0.98, 0.98), (0, 0)), "top-right": ((0.98, 0.98), (1, 0)),
                   "bottom-left": ((-0.98, -0.98), (0, 1)),
                   "bottom-right": ((0.98, -0.98), (1, 1))}
        for pos, (xy, anchor) in corners.items():
            share = data.shares.get(pos)
            align = "left" if anchor[0] == 0 else "right"
            if lens.kind == "quadrants":
                region = lens.region_at(pos)
                name = region.name if region is not None else ""
                share_line = (f"<div style='color:{muted.name()};text-align:{align}'>"
                              f"{100 * share:.0f}% of volume</div>") if share is not None else ""
                title = (f"<div style='text-align:{align};color:{fg.name()};font-weight:bold'>"
                         f"{_esc(name)}</div>")
                html = share_line + title if anchor[1] == 1 else title + share_line
                wrap = 0.0
            else:
                from ...core.ecology.lenses import lens as get_lens

                eco = get_lens("ecology").region_at(pos)
                numbers = ", ".join(str(i) for i, _ in lens.items_near(pos))
                items = (f"<div style='color:{fg.name()};font-weight:bold'>"
                         f"{'Scenario' if ',' not in numbers else 'Scenarios'} {numbers}</div>"
                         if numbers else "")
                head = (f"<div style='color:{muted.name()};font-style:italic'>"
                        f"{_esc(eco.name if eco else '')}</div>")
                body = items + head if anchor[1] == 1 else head + items
                html = f"<div style='text-align:{align}'>{body}</div>"
                wrap = 0.0
            item = pg.TextItem(html=html, anchor=anchor)
            item.setFont(font(0.9))
            item.setPos(*xy)
            item.setZValue(-4)
            self._add(item)
            self._region_texts.append((item, wrap))

    def _add(self, item) -> None:
        self.view.addItem(item)
        self._static.append(item)

    def _draw_markers(self, data: MapData) -> None:
        markers = data.markers
        while len(self._markers) < len(markers):
            self._markers.append(_Marker(self.view))
        while len(self._markers) > len(markers):
            self._markers.pop().remove(self.view)
        largest = max((m.volume for m in markers), default=0.0)
        self._by_id = {}
        # Big markers first (below), so small ones stay clickable on top.
        order = sorted(range(len(markers)), key=lambda i: -markers[i].volume)
        for z, i in enumerate(order):
            g, m = self._markers[i], markers[i]
            g.marker = m
            g.r = marker_radius(m.volume, largest)
            self._by_id[m.id] = g
            g.label.setZValue(5 + z / max(1, len(markers)))
            g.ring.setZValue(9)
            g.disc.setZValue(10 + 2 * z)
            g.badge.setZValue(11 + 2 * z)
            fill = QColor(SELECTED if m.id == data.selected else MARKER_FILL)
            fill.setAlpha(215)
            g.disc.setBrush(QBrush(fill))
            pen = QPen(self.style.background)
            pen.setCosmetic(True)
            pen.setWidthF(1.5)
            g.disc.setPen(pen)
            ring = QPen(QColor(SELECTED))
            ring.setCosmetic(True)
            ring.setWidthF(2.5)
            ring.setStyle(Qt.PenStyle.DashLine)
            g.ring.setPen(ring)
            g.ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            g.ring.setVisible(m.id == data.selected)
            g.badge.setText(str(m.number))
            g.badge.setColor("#ffffff")
            g.label.setText(m.text)
            g.label.setColor(self.style.foreground)
            g.label.fill = pg.mkBrush(self._panel_colour(200))
            g.set_visible(True)
            g.ring.setVisible(m.id == data.selected)
            self._place(g)
        self._selected = data.selected if data.selected in self._by_id else ""

    def _place(self, g: _Marker) -> None:
        m = g.marker
        assert m is not None
        r = g.r
        g.disc.setRect(QRectF(m.x - r, m.y - r, 2 * r, 2 * r))
        rr = r + 0.025
        g.ring.setRect(QRectF(m.x - rr, m.y - rr, 2 * rr, 2 * rr))
        g.badge.setPos(m.x, m.y)

    def _relayout(self, *_) -> None:
        """Place names beside markers, off the region names, other markers and each other."""
        px, py = self._pixel_size()
        obstacles: list[QRectF] = []
        self._message.setTextWidth(max(120.0, 1.5 / px))
        for item, frac in self._region_texts:
            if frac:
                item.setTextWidth(max(60.0, frac / px))
            obstacles.append(self._text_rect(item, px, py))
        discs = {id(g): g.disc.rect() for g in self._markers if g.marker is not None}
        fm = QFontMetricsF(font(LABEL_SCALE, True))
        span = PLANE + 0.02
        placed: list[QRectF] = []
        for g in sorted(self._markers, key=lambda g: -(g.marker.volume if g.marker else 0)):
            m = g.marker
            if m is None:
                continue
            w = (fm.horizontalAdvance(m.text) + 8) * px
            h = (fm.height() + 2) * py
            gap, r = g.r + 3 * px, g.r
            d = r * 0.72
            candidates = [
                ((0, 0.5), QRectF(m.x + gap, m.y - h / 2, w, h), (m.x + gap, m.y)),
                ((1, 0.5), QRectF(m.x - gap - w, m.y - h / 2, w, h), (m.x - gap, m.y)),
                ((0.5, 1), QRectF(m.x - w / 2, m.y + r, w, h), (m.x, m.y + r)),
                ((0.5, 0), QRectF(m.x - w / 2, m.y - r - h, w, h), (m.x, m.y - r)),
                ((0, 1), QRectF(m.x + d, m.y + d, w, h), (m.x + d, m.y + d)),
                ((0, 0), QRectF(m.x + d, m.y - d - h, w, h), (m.x + d, m.y - d)),
                ((1, 1), QRectF(m.x - d - w, m.y + d, w, h), (m.x - d, m.y + d)),
                ((1, 0), QRectF(m.x - d - w, m.y - d - h, w, h), (m.x - d, m.y - d)),
            ]
            for shift in (1.1 * h, -1.1 * h):
                candidates.append(((0, 0.5), QRectF(m.x + gap, m.y + shift - h / 2, w, h),
                                   (m.x + gap, m.y + shift)))
                candidates.append(((1, 0.5), QRectF(m.x - gap - w, m.y + shift - h / 2, w, h),
                                   (m.x - gap, m.y + shift)))
            others = [rect for key, rect in discs.items() if key != id(g)]

            def cost(c, others=others) -> float:
                rect = c[1]
                out = 0.0
                if rect.left() < -span or rect.right() > span:
                    out += 50.0 * w * h
                if rect.bottom() > PLANE or rect.top() < -PLANE:
                    out += 50.0 * w * h
                for o in placed:
                    out += 3.0 * _overlap(rect, o)
                for o in obstacles:
                    out += 2.0 * _overlap(rect, o)
                for o in others:
                    out += 4.0 * _overlap(rect, o)
                return out

            best = min(enumerate(candidates), key=lambda ic: (cost(ic[1]), ic[0]))[1]
            anchor, rect, pos = best
            g.label.setAnchor(anchor)
            g.label.setPos(*pos)
            placed.append(rect)

    @staticmethod
    def _text_rect(item: pg.TextItem, px: float, py: float) -> QRectF:
        """A TextItem's box in data units (it is drawn in pixels around its anchor)."""
        br = item.textItem.boundingRect()
        w, h = br.width() * px, br.height() * py
        ax, ay = item.anchor.x(), item.anchor.y()
        x, y = item.pos().x(), item.pos().y()
        # y grows upwards in the view, downwards in the text: anchor 0 is the text's top.
        return QRectF(x - ax * w, y - (1 - ay) * h, w, h)

    def _pixel_size(self) -> tuple[float, float]:
        """Data units per pixel, from the current view range and size (never stale)."""
        vr = self.view.viewRect()
        size = self.view.boundingRect()
        if size.width() <= 1 or size.height() <= 1:
            return 0.01, 0.01
        px, py = vr.width() / size.width(), vr.height() / size.height()
        if not (px > 0 and py > 0 and math.isfinite(px) and math.isfinite(py)):
            return 0.01, 0.01
        return px, py

    def clone(self) -> EcologyMap:
        twin = EcologyMap(self.framework_id, self.title, interactive=False)
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
        for g in self._markers:
            m = g.marker
            if m is None or not g.disc.isVisible():
                continue
            if math.hypot(p.x() - m.x, p.y() - m.y) <= g.r + 3 * px and g.disc.zValue() > best_z:
                best, best_z = m.id, g.disc.zValue()
        return best

    def select(self, offering_id: str) -> None:
        """Select a marker (or none with '') and tell the tab."""
        if offering_id and offering_id not in self._by_id:
            offering_id = ""
        if offering_id == self._selected:
            return
        self._selected = offering_id
        for g in self._markers:
            if g.marker is None:
                continue
            on = g.marker.id == offering_id
            fill = QColor(SELECTED if on else MARKER_FILL)
            fill.setAlpha(215)
            g.disc.setBrush(QBrush(fill))
            g.ring.setVisible(on)
        self.selectionChanged.emit(offering_id)

    def mousePressEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if self.interactive and ev.button() == Qt.MouseButton.LeftButton:
            hit = self.marker_at(ev.position())
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            if hit:
                m = self._by_id[hit].marker
                assert m is not None
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
            oid, start, dx, dy = self._press
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
        if g is None or g.marker is None:
            return
        x, y = clamp(x), clamp(y)
        if math.isclose(x, g.marker.x) and math.isclose(y, g.marker.y):
            return
        g.marker = MapMarker(g.marker.id, g.marker.name, x, y, g.marker.volume, g.marker.number,
                             g.marker.label)
        self._place(g)
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
            assert g.marker is not None
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


def _overlap(a: QRectF, b: QRectF) -> float:
    i = a.intersected(b)
    return 0.0 if i.isEmpty() else i.width() * i.height()


def _esc(text: str) -> str:
    import html

    return html.escape(text)
