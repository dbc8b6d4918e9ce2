"""The export dialog, one for everything that leaves the room (File > Export…): what to write
(one chart, every chart, the slide deck, the board paper, the workbook, the workshop report),
whose weights it shows, and for images which chart, at which size, PNG or SVG, on white or
transparent, with or without a caption line; for the deck an optional house template (its
first layout is used), remembered; with every chart, optionally the deck, the paper and the
workbook beside the images. The file or folder itself is chosen afterwards through
QFileDialog's static functions (tests replace them).

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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.weighting import SCENARIO, Weighting
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


WHATS = (
    ("chart", "One chart (PNG or SVG)"),
    ("all", "Every chart of every tab, into a folder"),
    ("deck", "Slide deck (PowerPoint .pptx, charts you can restyle)"),
    ("paper", "Board paper (Word .docx)"),
    ("workbook", "Workbook (Excel .xlsx, fits as live formulas)"),
    ("report", "Workshop report (PDF or HTML)"),
)
"""What the dialog can write: (id, as the list shows it)."""
IMAGES = ("chart", "all")
WEIGHTED = ("deck", "paper", "workbook", "report")
BESIDE = ("deck", "paper", "workbook")
"""What "every chart" can also write into its folder."""


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
    what: str = "chart"
    template: str = ""
    beside: tuple[str, ...] = ()


class ExportDialog(QDialog):
    def __init__(self, charts: Sequence[Chart], chosen: Chart | None = None,
                 choices: Choices | None = None, caption_of: Callable[[Chart], str] | None = None,
                 parent: QWidget | None = None, *, what: str | None = None,
                 weightings: Sequence[tuple[str, Weighting]] = (),
                 shown: Weighting | None = None) -> None:
        """``shown``: the weighting in view (core.view), picked at first."""
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle("Export")
        self._charts = list(charts)
        self._caption_of = caption_of
        c = choices or Choices()
        form = QFormLayout()
        self._form = form
        self.what_box = QComboBox()
        self.what_box.setObjectName("export-what")
        for wid, title in WHATS:
            self.what_box.addItem(title, wid)
        wanted = what or c.what
        self.what_box.setCurrentIndex(max(0, self.what_box.findData(wanted)))
        form.addRow("&Export", self.what_box)
        self.weighting_box = QComboBox()
        self.weighting_box.setObjectName("export-weighting")
        self.weighting_box.setAccessibleName("Whose weights the output shows")
        for label, weighting in weightings or (("The scenario's weights", SCENARIO),):
            self.weighting_box.addItem(label, weighting)
            if weighting == shown:
                self.weighting_box.setCurrentIndex(self.weighting_box.count() - 1)
        form.addRow("&Whose weights", self.weighting_box)
        self.template_edit = QLineEdit(c.template)
        self.template_edit.setObjectName("export-template")
        self.template_edit.setPlaceholderText("none: a plain 16:9 deck")
        self.template_edit.setToolTip("A .pptx of your institution: every slide uses its first "
                                      "layout, with its fonts, colours and logo")
        browse = QPushButton("Browse…")
        browse.setObjectName("export-template-browse")
        browse.clicked.connect(self._browse_template)
        template = QHBoxLayout()
        template.setContentsMargins(0, 0, 0, 0)
        template.addWidget(self.template_edit, 1)
        template.addWidget(browse)
        self._template_row = QWidget()
        self._template_row.setLayout(template)
        form.addRow("House &template", self._template_row)
        self.beside_checks: dict[str, QCheckBox] = {}
        beside = QHBoxLayout()
        beside.setContentsMargins(0, 0, 0, 0)
        for wid, label in (("deck", "the slide deck"), ("paper", "the board paper"),
                           ("workbook", "the workbook")):
            box = QCheckBox(label)
            box.setObjectName(f"export-with-{wid}")
            box.setChecked(wid in c.beside)
            self.beside_checks[wid] = box
            beside.addWidget(box)
        beside.addStretch(1)
        self._beside_row = QWidget()
        self._beside_row.setLayout(beside)
        form.addRow("Also write", self._beside_row)
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
        self._background = background
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
                       self.format_box.currentIndexChanged, self.caption_check.toggled,
                       self.what_box.currentIndexChanged):
            signal.connect(self._update)
        for spinner in (self.cm_spin, self.width_spin, self.height_spin):
            spinner.valueChanged.connect(self._update)
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

    def what(self) -> str:
        return self.what_box.currentData()

    def weighting(self) -> Weighting:
        return self.weighting_box.currentData() or SCENARIO

    def template(self) -> str:
        return self.template_edit.text().strip()

    def beside(self) -> tuple[str, ...]:
        """What "every chart" also writes into its folder."""
        return tuple(w for w, box in self.beside_checks.items() if box.isChecked())

    def choices(self) -> Choices:
        return Choices(self.preset(), self.cm_spin.value(), self.width_spin.value(),
                       self.height_spin.value(), self.format_box.currentData(),
                       self.transparent.isChecked(), self.caption_check.isChecked(),
                       self.what(), self.template(), self.beside())

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "House template", self.template(),
                                              "PowerPoint (*.pptx)")
        if path:
            self.template_edit.setText(path)

    def _show_rows(self) -> None:
        """Only the rows that matter for what is chosen."""
        what = self.what()
        rows = {self.chart_box: what == "chart", self.weighting_box: what in WEIGHTED,
                self._template_row: what == "deck", self._beside_row: what == "all"}
        for widget in (self.preset_box, self.cm_spin, self._pixels_row, self.format_box,
                       self.caption_check, self.size_label):
            rows[widget] = what in IMAGES
        for widget, shown in rows.items():
            self._form.setRowVisible(widget, shown)
        self._form.setRowVisible(self._background, what in IMAGES)

    def _caption_text(self) -> str:
        return self._caption_of(self.chart()) if self._caption_of is not None else ""

    def _update(self, *_args) -> None:
        self._show_rows()
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
        self._form.setRowVisible(self.caption_preview,
                                 bool(spec.caption) and self.what() in IMAGES)


def ask(dialog: ExportDialog) -> bool:
    """Show the dialog; True when the planner chose Export. Headless and not replaced by a
    test, the dialog is not shown and its current choices are taken."""
    if not can_answer(ExportDialog, "exec"):
        return True
    return dialog.exec() == QDialog.DialogCode.Accepted
