"""The export dialog: which chart, at which size, PNG or SVG, on white or transparent, with or
without a caption line. The file itself is chosen afterwards through QFileDialog's static
function (tests replace it).

Presets: slide 16:9 (1920 x 1080), slide 4:3 (1600 x 1200), document (a width in cm at
300 dpi, with the dpi written in the PNG), custom pixels. On a headless platform the dialog is
not shown (nobody could answer it): ``ask`` accepts its current choices.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..charts.base import Chart
from ..charts.export import MAX_WIDTH, MIN_WIDTH, ImageSpec, pixels_for
from ..prompts import can_answer

DOC_DPI = 300.0


@dataclass(frozen=True)
class Preset:
    id: str
    title: str
    width: int = 0
    height: int = 0


PRESETS = (
    Preset("slide-16-9", "Slide 16:9 (1920 x 1080 px)", 1920, 1080),
    Preset("slide-4-3", "Slide 4:3 (1600 x 1200 px)", 1600, 1200),
    Preset("document", "Document (width in cm, 300 dpi)"),
    Preset("custom", "Custom size in pixels"),
)


@dataclass(frozen=True)
class Choices:
    """What the dialog remembers between two exports in one session."""

    preset: str = "slide-16-9"
    cm: float = 16.0
    width: int = 1920
    height: int = 1080
    fmt: str = "png"
    transparent: bool = False
    caption: bool = False


class ExportDialog(QDialog):
    def __init__(self, charts: Sequence[Chart], chosen: Chart | None = None,
                 choices: Choices | None = None, caption_of: Callable[[Chart], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle("Export chart")
        self._charts = list(charts)
        self._caption_of = caption_of
        c = choices or Choices()
        form = QFormLayout()
        self.chart_box = QComboBox()
        self.chart_box.setObjectName("export-chart")
        for chart in self._charts:
            self.chart_box.addItem(chart.title)
        if chosen in self._charts:
            self.chart_box.setCurrentIndex(self._charts.index(chosen))
        form.addRow("&Chart", self.chart_box)
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("export-preset")
        for p in PRESETS:
            self.preset_box.addItem(p.title, p.id)
        form.addRow("&Size", self.preset_box)
        self.cm_spin = QDoubleSpinBox()
        self.cm_spin.setObjectName("export-cm")
        self.cm_spin.setRange(4.0, 60.0)
        self.cm_spin.setDecimals(1)
        self.cm_spin.setSuffix(" cm wide")
        self.cm_spin.setValue(c.cm)
        form.addRow("Width on paper", self.cm_spin)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin, name, value in ((self.width_spin, "export-width", c.width),
                                  (self.height_spin, "export-height", c.height)):
            spin.setObjectName(name)
            spin.setRange(MIN_WIDTH, MAX_WIDTH)
            spin.setSuffix(" px")
            spin.setValue(value)
        pixels = QHBoxLayout()
        pixels.addWidget(self.width_spin)
        pixels.addWidget(QLabel("x"))
        pixels.addWidget(self.height_spin)
        self._pixels_row = QWidget()
        self._pixels_row.setLayout(pixels)
        pixels.setContentsMargins(0, 0, 0, 0)
        form.addRow("Pixels", self._pixels_row)
        self.format_box = QComboBox()
        self.format_box.setObjectName("export-format")
        self.format_box.addItem("PNG image", "png")
        self.format_box.addItem("SVG drawing (text stays text)", "svg")
        self.format_box.setCurrentIndex(0 if c.fmt == "png" else 1)
        form.addRow("&Format", self.format_box)
        self.white = QRadioButton("&White")
        self.white.setObjectName("export-white")
        self.transparent = QRadioButton("&Transparent")
        self.transparent.setObjectName("export-transparent")
        (self.transparent if c.transparent else self.white).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.white)
        group.addButton(self.transparent)
        background = QHBoxLayout()
        background.addWidget(self.white)
        background.addWidget(self.transparent)
        background.addStretch(1)
        form.addRow("Background", background)
        self.caption_check = QCheckBox("Add a caption line: scenario, date, weights or "
                                       "target, source")
        self.caption_check.setObjectName("export-caption")
        self.caption_check.setChecked(c.caption)
        form.addRow(self.caption_check)
        self.caption_preview = QLabel()
        self.caption_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.caption_preview.setWordWrap(True)
        self.caption_preview.setEnabled(False)
        form.addRow(self.caption_preview)
        self.size_label = QLabel()
        self.size_label.setObjectName("export-size")
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.preset_box.setCurrentIndex(max(0, [p.id for p in PRESETS].index(c.preset)
                                            if c.preset in [p.id for p in PRESETS] else 0))
        for signal in (self.preset_box.currentIndexChanged, self.chart_box.currentIndexChanged,
                       self.format_box.currentIndexChanged, self.caption_check.toggled):
            signal.connect(self._update)
        for spin in (self.cm_spin, self.width_spin, self.height_spin):
            spin.valueChanged.connect(self._update)
        self._update()

    # -- reading ----------------------------------------------------------------------------

    def chart(self) -> Chart:
        return self._charts[max(0, self.chart_box.currentIndex())]

    def preset(self) -> str:
        return self.preset_box.currentData()

    def spec(self) -> ImageSpec:
        """The image to write (its caption is filled in when the caption is asked for)."""
        preset = self.preset()
        fmt = self.format_box.currentData()
        transparent = self.transparent.isChecked()
        caption = self._caption_text() if self.caption_check.isChecked() else ""
        if preset == "document":
            return ImageSpec(pixels_for(self.cm_spin.value(), DOC_DPI), None, DOC_DPI,
                             transparent, caption, fmt)
        if preset == "custom":
            return ImageSpec(self.width_spin.value(), self.height_spin.value(), None,
                             transparent, caption, fmt)
        p = next(p for p in PRESETS if p.id == preset)
        return ImageSpec(p.width, p.height, None, transparent, caption, fmt)

    def choices(self) -> Choices:
        return Choices(self.preset(), self.cm_spin.value(), self.width_spin.value(),
                       self.height_spin.value(), self.format_box.currentData(),
                       self.transparent.isChecked(), self.caption_check.isChecked())

    def _caption_text(self) -> str:
        return self._caption_of(self.chart()) if self._caption_of is not None else ""

    def _update(self, *_args) -> None:
        preset = self.preset()
        self.cm_spin.setEnabled(preset == "document")
        self._pixels_row.setEnabled(preset == "custom")
        spec = self.spec()
        if spec.height is None:
            height = round(spec.width * self.chart().export_aspect)
            size = f"{spec.width} px wide, about {height} px high"
        else:
            size = f"{spec.width} x {spec.height} px"
        if spec.dpi:
            size += f" at {spec.dpi:g} dpi ({self.cm_spin.value():g} cm wide)"
        if spec.fmt == "svg":
            size = f"SVG, drawn for {size}"
        self.size_label.setText(size)
        self.caption_preview.setText(spec.caption)
        self.caption_preview.setVisible(bool(spec.caption))


def ask(dialog: ExportDialog) -> bool:
    """Show the dialog; True when the planner chose Export. Headless and not replaced by a
    test, the dialog is not shown and its current choices are taken."""
    if not can_answer(ExportDialog, "exec"):
        return True
    return dialog.exec() == QDialog.DialogCode.Accepted
