"""Small widgets for showing how sure a setting is: a slider with a band on its groove, a
one-line label that elides (full text in its tooltip), and a clickable name.

The band is painted by the slider itself, between its groove and its handle, so the slider
stays a plain QSlider for ``findChild``, the keyboard and screen readers. Setting the same band
again costs nothing; a new band repaints only the slider.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QWidget,
)

from ..charts.style import contrast
from ..plain import guarded, visible

LabelT = TypeVar("LabelT", bound=QLabel)
TEXT_CONTRAST = 4.6
"""Secondary text is greyer than the main text but keeps WCAG AA's 4.5:1 on its background."""


def legible(colour: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``colour`` moved towards black (white on a dark background) until it reads."""
    c = QColor(colour)
    toward = QColor("#ffffff" if background.lightnessF() < 0.5 else "#000000")
    for step in range(1, 11):
        if contrast(c, background) >= ratio:
            return c
        t = step / 10
        c = QColor.fromRgbF(colour.redF() + (toward.redF() - colour.redF()) * t,
                            colour.greenF() + (toward.greenF() - colour.greenF()) * t,
                            colour.blueF() + (toward.blueF() - colour.blueF()) * t)
    return toward


BAND_COLOUR = QColor(0, 158, 115, 95)
"""Translucent green: reads on light and dark palettes, behind the groove's own fill."""
BAND_EDGE = QColor(0, 110, 80, 220)
BAND_HEIGHT = 12
"""Pixels; the groove is about half as tall, so the band shows as a halo around it."""


class BandedSlider(QSlider):
    """A horizontal QSlider that can show a band, given as fractions 0-1 of its range."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._band: tuple[float, float] | None = None

    @property
    def band(self) -> tuple[float, float] | None:
        return self._band

    def set_band(self, band: tuple[float, float] | None) -> None:
        """Show ``(low, high)`` (fractions of the range, clamped) or nothing (None)."""
        if band is not None:
            lo, hi = (min(1.0, max(0.0, float(v))) for v in band)
            band = (min(lo, hi), max(lo, hi))
        if band == self._band:
            return
        before = self._pixels()
        self._band = band
        if self._pixels() != before:  # repaint only when a pixel would change (drag path)
            self.update()

    def _pixels(self) -> tuple[int, ...] | None:
        rect = self.band_rect()
        return None if rect is None else (round(rect.left()), round(rect.right()))

    def band_rect(self) -> QRectF | None:
        """Where the band is painted, in the slider's coordinates (None without a band)."""
        if self._band is None or self.orientation() != Qt.Orientation.Horizontal:
            return None
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                      QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                      QStyle.SubControl.SC_SliderHandle, self)
        left = groove.x() + handle.width() / 2
        span = max(1, groove.width() - handle.width())
        lo, hi = self._band
        x0, x1 = left + lo * span, left + hi * span
        if x1 - x0 < 3:  # a single point still shows
            mid = (x0 + x1) / 2
            x0, x1 = mid - 1.5, mid + 1.5
        cy = groove.center().y() + 0.5
        return QRectF(x0, cy - BAND_HEIGHT / 2, x1 - x0, BAND_HEIGHT)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        rect = self.band_rect()
        if rect is None:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAND_COLOUR)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(BAND_EDGE)
        for x in (rect.left(), rect.right() - 2):
            painter.drawRect(QRectF(x, rect.top(), 2, rect.height()))
        groove_and_ticks = QStyle.SubControl.SC_SliderGroove
        if self.tickPosition() != QSlider.TickPosition.NoTicks:
            groove_and_ticks |= QStyle.SubControl.SC_SliderTickmarks
        opt.subControls = groove_and_ticks
        painter.drawComplexControl(QStyle.ComplexControl.CC_Slider, opt)
        opt.subControls = QStyle.SubControl.SC_SliderHandle
        painter.drawComplexControl(QStyle.ComplexControl.CC_Slider, opt)


class ElidedLabel(QLabel):
    """Plain text on ``max_lines`` lines (one unless set), wrapped at spaces, the last line cut
    with an ellipsis when narrow; the whole text as tooltip. Secondary (greyer) text keeps a
    4.5:1 contrast with the window (``legible``).

    The text is painted here, not laid out by QLabel: a new text that needs no more lines
    repaints the label only and never re-lays out the panel around it (it changes on every
    step of a slider drag); one that needs another line (up to ``max_lines``) grows it. The
    wrapped lines and the legible colour are kept until the text, width, type or palette
    change (a paint, a size hint and a fit ask for the same lines).
    """

    max_lines = 1
    keep_height = False
    """True: once grown, the label keeps its height while its width and type size stay (a
    line that changes on every step of a drag then never re-lays out the panel around it, and
    never moves the slider under the pointer); a new width or type size fits it afresh."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary: greyer
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._full = ""
        self._lines_key: tuple[str, int, int] | None = None
        self._lines: tuple[str, ...] = ("",)
        self._colour_key: tuple[int, int] | None = None
        self._colour = QColor()
        self._fitted_width = -1
        self.set_full_text(text)

    def text(self) -> str:
        return self._full

    def set_full_text(self, text: str, tooltip: str | None = None) -> None:
        text = visible(text)  # names from files: no control characters, no markup
        tooltip = guarded(text if tooltip is None else tooltip)
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)
        if text != self._full:
            self._full = text
            self.setAccessibleName(text)
            self._fit_lines()
            self.update()

    def setText(self, text: str) -> None:  # noqa: N802
        self.set_full_text(text)

    def wrapped_lines(self, width: int | None = None) -> list[str]:
        """The text as painted at ``width`` (the current one): at most ``max_lines`` lines,
        the last cut with an ellipsis if the text needs more."""
        room = max(1, (self.contentsRect().width() if width is None else
                       width - self.contentsMargins().left() - self.contentsMargins().right()))
        key = (self._full, room, self.max_lines)
        if key != self._lines_key:  # the font is in the key through changeEvent
            self._lines = tuple(self._wrap(room))
            self._lines_key = key
        return list(self._lines)

    def _wrap(self, room: int) -> list[str]:
        fm = self.fontMetrics()
        if self.max_lines <= 1:
            return [fm.elidedText(self._full, Qt.TextElideMode.ElideRight, room)]
        lines: list[str] = []
        words = self._full.split(" ")
        while words and len(lines) < self.max_lines:
            line = words.pop(0)
            while words and fm.horizontalAdvance(f"{line} {words[0]}") <= room:
                line = f"{line} {words.pop(0)}"
            lines.append(line)
        if words:
            lines[-1] = fm.elidedText(f"{lines[-1]} {' '.join(words)}",
                                      Qt.TextElideMode.ElideRight, room)
        elif lines:
            lines[-1] = fm.elidedText(lines[-1], Qt.TextElideMode.ElideRight, room)
        return lines or [""]

    def _height_for(self, lines: int) -> int:
        m = self.contentsMargins()
        fm = self.fontMetrics()
        return fm.height() + (lines - 1) * fm.lineSpacing() + m.top() + m.bottom()

    def _fit_lines(self, afresh: bool = False) -> None:
        if self.max_lines <= 1 or self.width() <= 1:
            return
        needed = self._height_for(len(self.wrapped_lines()))
        if self.keep_height and not afresh and self.width() == self._fitted_width:
            needed = max(needed, self.minimumHeight())
        self._fitted_width = self.width()
        if needed != self.minimumHeight() or needed != self.maximumHeight():
            self.setFixedHeight(needed)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_lines(afresh=True)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        kind = event.type()
        if not hasattr(self, "_fitted_width"):  # during QLabel's own __init__
            return
        if kind == QEvent.Type.FontChange:
            self._lines_key = None
            self._fit_lines(afresh=True)
        elif kind == QEvent.Type.PaletteChange:
            self._colour_key = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        lines = len(self.wrapped_lines()) if self.max_lines > 1 and self.width() > 1 else 1
        return QSize(120, self._height_for(lines))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(20, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        palette = self.palette()
        colour = palette.color(self.foregroundRole())
        if self.isEnabled():  # greyed (out of date) stays greyed; current text must read
            colour = self._legible(colour, palette.color(self.backgroundRole()))
        painter.setPen(colour)
        painter.setFont(self.font())
        rect = self.contentsRect()
        step = self.fontMetrics().lineSpacing()
        lines = self.wrapped_lines()
        if len(lines) == 1:
            painter.drawText(rect, int(self.alignment()) | int(Qt.TextFlag.TextSingleLine),
                             lines[0])
            return
        for i, text in enumerate(lines):
            painter.drawText(QRect(rect.left(), rect.top() + i * step, rect.width(), step),
                             int(self.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask)
                             | int(Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextSingleLine),
                             text)

    def shown_text(self) -> str:
        """The text as painted at the current width (its lines joined by a space)."""
        return " ".join(self.wrapped_lines())

    def text_colour(self) -> QColor:
        """The colour the text is painted in while enabled."""
        palette = self.palette()
        return self._legible(palette.color(self.foregroundRole()),
                             palette.color(self.backgroundRole()))

    def _legible(self, colour: QColor, background: QColor) -> QColor:
        key = (colour.rgba(), background.rgba())
        if key != self._colour_key:
            self._colour, self._colour_key = legible(colour, background), key
        return QColor(self._colour)


class NameLabel(QLabel):
    """A criterion's name that can be clicked (to pick it for the sensitivity chart)."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(visible(text), parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(visible(text))

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setToolTip(guarded(text))

    def set_clickable(self, hint: str) -> None:
        """A pointing hand and ``hint`` added under the tooltip the label already has."""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        current = self.toolTip()
        self.setToolTip(f"{current}\n{hint}" if current else hint)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()


def small(label: LabelT, scale: float = 0.88) -> LabelT:
    """A smaller font for secondary text (still readable on a projector)."""
    font = label.font()
    font.setPointSizeF(max(7.5, font.pointSizeF() * scale))
    label.setFont(font)
    return label
