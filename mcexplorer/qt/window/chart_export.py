"""What leaves the room, from the window: export a chart (the export dialog), copy it, export
every chart into a folder, the data as CSV and the workshop report; and the sessions' preview.

A mixin of MainWindow. ``build_export_actions(menu)`` adds the actions (named
``action:export`` (the one dialog for everything: see office_export.py),
``action:export-png``, ``action:copy-chart``, ``action:export-all``, ``action:export-csv``,
``action:export-report``) to the File menu. File dialogs are QFileDialog's static functions
and start in the last folder used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QProgressDialog

from ...core.errors import ScenarioError
from ...core.outputs.caption import caption
from ...core.outputs.names import already_there, export_name, sanitise, scenario_label, today
from ...core.outputs.tables import csv_paths, write_csvs
from ...core.view import in_view
from ...core.weighting import GROUP, SCENARIO, Weighting, describe, person
from .. import prompts
from ..charts.base import Chart
from ..charts.export import ImageSpec, export_image, png_bytes, render_chart
from ..export.charts import drawn_charts, export_all
from ..export.dialog import Choices, ExportDialog, ask
from ..framework.tab import FrameworkTab
from ..plain import visible
from . import folders
from .office_export import OfficeExport

PROGRESS_AFTER_MS = 500
"""The progress dialog (with Cancel) appears when a run takes longer than this."""
REPORT_FILTERS = {"PDF, A4 (*.pdf)": "a4", "PDF, US Letter (*.pdf)": "letter",
                  "HTML, one file with its images (*.html)": ""}
COPY_SPEC = ImageSpec(width=1920)


class ChartExport(OfficeExport):
    """A mixin of MainWindow: exports, the copy of a chart and the session preview."""

    _export_choices: Choices | None = None
    _menu_chart: Chart | None = None

    # -- actions ------------------------------------------------------------------------------

    def build_export_actions(self, menu: QMenu) -> None:
        add = self._action
        self.action_export_any = add("export", "E&xport…", self.export_any,
                                     QKeySequence("Ctrl+Alt+E"),
                                     "One dialog for a chart, every chart, the slide deck, the "
                                     "board paper, the workbook or the report")
        self.action_export = add("export-png", "&Export chart…", self.export_dialog,
                                 QKeySequence("Ctrl+E"),
                                 "Save a chart of this tab as PNG or SVG, sized for a slide "
                                 "or a document")
        self.action_copy_chart = add("copy-chart", "&Copy chart", self.copy_chart,
                                     QKeySequence("Ctrl+Shift+C"),
                                     "Put this tab's chart on the clipboard as an image")
        self.action_export_all = add("export-all", "Export &all charts…", self.export_all_charts,
                                     QKeySequence("Ctrl+Shift+E"),
                                     "Every chart of every tab into a folder, in one step")
        self.action_export_csv = add("export-csv", "Export &data as CSV…", self.export_csv,
                                     tip="Weights, ratings and fit of each framework, "
                                         "for a spreadsheet")
        self.action_export_report = add("export-report", "Workshop &report…",
                                        self.export_report, QKeySequence("Ctrl+P"),
                                        "The five key questions answered from this scenario, "
                                        "as PDF or HTML")
        for action in (self.action_export_any, self.action_export, self.action_copy_chart,
                       self.action_export_all,
                       self.action_export_csv, self.action_export_report):
            menu.addAction(action)

    def fill_chart_menu(self, menu: QMenu, chart: Chart) -> None:
        """A chart's context menu: export it, copy it."""
        self._menu_chart = chart
        export = QAction(f"Export \u201c{chart.title}\u201d…", menu)
        export.triggered.connect(lambda: self.export_chart(chart))
        copy = QAction("Copy chart", menu)
        copy.triggered.connect(lambda: self.copy_chart(chart))
        menu.addAction(export)
        menu.addAction(copy)

    # -- reading ------------------------------------------------------------------------------

    def current_tab(self) -> FrameworkTab:
        self._build_current_if_pending(self.tabs.currentIndex())
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def all_tabs(self) -> dict[str, FrameworkTab]:
        for fid in list(self._pending_tabs):
            self.build_tab(fid)
        return dict(self.framework_tabs)

    def scenario_name(self) -> str:
        return scenario_label(self.document.scenario, self.path)

    def chart_caption(self, chart: Chart) -> str:
        """Scenario, date, the weights the chart shows and whose they are, source."""
        fid = chart.framework_id
        weighting = in_view(self.document, fid) if fid in self.document.frameworks else SCENARIO
        return caption(self.document, fid, self.scenario_name(), today(), weighting)

    def current_chart(self) -> Chart:
        tab = self.current_tab()
        charts = list(tab.charts.values())
        chosen = self._menu_chart
        return chosen if chosen in charts else charts[0]

    # -- one chart ----------------------------------------------------------------------------

    def export_dialog(self, chart: Chart | None = None) -> bool:
        """The export dialog for a chart of the current tab, then the file to write."""
        chart = chart if isinstance(chart, Chart) else None  # triggered(bool) passes False
        tab = self.current_tab()
        charts = list(tab.charts.values())
        if chart is not None and chart not in charts:
            charts.append(chart)
        dialog = ExportDialog(charts, chart or self.current_chart(), self._export_choices,
                              self.chart_caption, self, what="chart",
                              weightings=self.weighting_choices(), shown=in_view(self.document))
        try:
            if not ask(dialog):
                return False
            self._export_choices = dialog.choices()
            chart, spec, what = dialog.chart(), dialog.spec(), dialog.what()
            weighting, template = dialog.weighting(), dialog.template()
        finally:
            dialog.deleteLater()
        if what != "chart":  # the planner picked something else in the one dialog
            if what == "all":
                return self.export_all_charts() > 0
            if what == "report":
                return self.export_report(weighting)
            return self.export_office(what, weighting, template or None)
        return self._ask_and_write_chart(chart, spec)

    def _ask_and_write_chart(self, chart: Chart, spec: ImageSpec) -> bool:
        ext = spec.fmt
        name = export_name(self.scenario_name(), chart.framework_id, chart.kind, ext)
        kind = "SVG drawing (*.svg)" if ext == "svg" else "PNG image (*.png)"
        path, _ = QFileDialog.getSaveFileName(self, f"Export \u201c{chart.title}\u201d",
                                              folders.start_path(self.path, name), kind)
        if not path:
            return False
        folders.remember(path)
        target = Path(path)
        if target.suffix.lower() != f".{ext}":
            target = target.with_suffix(f".{ext}")
        return self._write_chart(chart, target, spec)

    def export_chart(self, chart: Chart, path: str | Path | None = None) -> bool:
        """Export one chart: through the dialog, or straight to ``path`` (PNG at 1920 px)."""
        if path is None:
            return self.export_dialog(chart)
        return self._write_chart(chart, Path(path), ImageSpec())

    def _write_chart(self, chart: Chart, target: Path, spec: ImageSpec) -> bool:
        try:
            written = export_image(chart, target, spec)
        except ScenarioError as exc:
            prompts.error(self, "Could not export", exc.message)
            return False
        size = f"{spec.width} px wide" if spec.fmt == "png" else "SVG"
        self.statusBar().showMessage(f"Exported {written} ({size})", 6000)
        return True

    def copy_chart(self, chart: Chart | None = None) -> None:
        """The chart on the clipboard as an image (1920 px wide, on white), for slides."""
        chart = chart if isinstance(chart, Chart) else self.current_chart()
        QGuiApplication.clipboard().setImage(render_chart(chart, spec=COPY_SPEC))
        self.statusBar().showMessage(f"Copied \u201c{chart.title}\u201d: paste it into a slide",
                                     5000)

    # -- every chart, the data, the report ------------------------------------------------------

    def _progress(self, title: str, total: int) -> QProgressDialog:
        dialog = QProgressDialog(title, "Cancel", 0, total, self)
        dialog.setObjectName("export-progress")
        dialog.setWindowTitle("mcexplorer")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(True)
        dialog.setValue(0)
        self.export_progress = dialog
        return dialog

    @staticmethod
    def _step(dialog: QProgressDialog):
        def step(done: int, total: int, what: str) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            if what:
                dialog.setLabelText(f"Writing {what} ({done + 1} of {total})")
            QApplication.processEvents()
            return not dialog.wasCanceled()
        return step

    def export_all_charts(self) -> int:
        """Every chart of every tab into one folder; returns how many were written."""
        folder = QFileDialog.getExistingDirectory(self, "Export all charts into a folder",
                                                  str(folders.last_folder(self.path)))
        if not folder:
            return 0
        folders.remember(folder)
        c = self._export_choices or Choices()
        spec = ImageSpec(width=c.width if c.preset == "custom" else 1920, fmt=c.fmt,
                         transparent=c.transparent)
        weighting = in_view(self.document)  # what is on screen
        room = getattr(self, "room", None)  # the room's names (P1, P2 ... when hidden)
        names = room.state.names() if room is not None else None
        with drawn_charts(self.document, weighting, pages=True, names=names) as items:
            label = self.scenario_name()
            names = [Path(folder) / export_name(label, i.framework_id, i.kind, spec.fmt)
                     for i in items]
            keep_both = self._ask_replace(folder, names, "charts")
            if keep_both is None:
                return 0
            progress = self._progress("Exporting charts…", len(items))
            try:
                run = export_all(self.document, items, Path(folder), spec, label, today(),
                                 self._step(progress), with_caption=c.caption,
                                 weighting=weighting, keep_both=keep_both)
            except ScenarioError as exc:
                prompts.error(self, "Could not export", exc.message)
                return 0
            finally:
                progress.close()
        n = len(run.written)
        if run.cancelled:
            text = f"Export cancelled: {n} of {run.total} charts written to {folder}"
        else:
            text = f"Exported {n} charts to {folder}"
            beside = self.write_beside(Path(folder), c.beside)
            if beside:
                text += " with " + ", ".join(p.name for p in beside)
        self.statusBar().showMessage(text, 8000)
        return n

    def export_csv(self) -> int:
        folder = QFileDialog.getExistingDirectory(self, "Export the data as CSV into a folder",
                                                  str(folders.last_folder(self.path)))
        if not folder:
            return 0
        folders.remember(folder)
        names = list(csv_paths(self.document, folder, self.scenario_name()).values())
        keep_both = self._ask_replace(folder, names, "CSV files")
        if keep_both is None:
            return 0
        try:
            written = write_csvs(self.document, folder, self.scenario_name(),
                                 in_view(self.document), keep_both=keep_both)
        except ScenarioError as exc:
            prompts.error(self, "Could not export", exc.message)
            return 0
        self.statusBar().showMessage(f"Wrote {len(written)} CSV files to {folder}", 8000)
        return len(written)

    def _ask_replace(self, folder: str, paths: list[Path], what: str) -> bool | None:
        """When files of these names are already in the folder, ask once: replace them all
        (False), keep both (True: the new ones get " (2)" in their names) or cancel (None,
        also when nobody can answer). False when none is there."""
        there = already_there(paths)
        if not there:
            return False
        B = QMessageBox.StandardButton
        shown_names = ", ".join(p.name for p in there[:3]) + (", …" if len(there) > 3 else "")
        answer = prompts.ask_buttons(
            self, "Files already there",
            f"{len(there)} of the {len(paths)} {what} to export already exist in {folder} "
            f"({shown_names}).\n\nReplace them all, or keep both (the new files get \u201c (2)"
            f"\u201d in their names)?",
            {B.YesToAll: "Replace all", B.Save: "Keep both", B.Cancel: "Cancel"}, B.Save)
        if answer == B.YesToAll:
            return False
        if answer == B.Save:
            return True
        self.statusBar().showMessage("Export cancelled: nothing was written", 5000)
        return None

    def export_report(self, weighting: Weighting | bool | None = None) -> bool:
        """The workshop report as PDF or HTML under ``weighting`` (from the one export
        dialog), or else the one ``report_weighting`` gives."""
        weighting = weighting if isinstance(weighting, Weighting) else None
        filters = list(REPORT_FILTERS)
        letter = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        name = f"{sanitise(self.scenario_name())}-report.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Workshop report", folders.start_path(self.path, name), ";;".join(filters),
            filters[1 if letter else 0])
        if not path:
            return False
        folders.remember(path)
        paper = REPORT_FILTERS.get(chosen, "letter" if letter else "a4")
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".html", ".htm"):
            target = target.with_suffix(".html" if chosen.startswith("HTML") else ".pdf")
        weighting = weighting or self.report_weighting()
        if weighting is None:
            return False
        from ..export.report_writer import write_report  # not on the start path

        progress = self._progress("Drawing the report's charts…", 1)
        try:
            pages = write_report(self.document, target, self.scenario_name(),
                                 weighting=weighting, paper=paper or "a4",
                                 progress=self._step(progress))
        except ScenarioError as exc:
            prompts.error(self, "Could not write the report", exc.message)
            return False
        finally:
            progress.close()
        if pages == -1:
            self.statusBar().showMessage("Report cancelled", 5000)
            return False
        extra = "" if pages is None else f", {pages} pages"
        self.statusBar().showMessage(f"Wrote the workshop report {target}{extra}", 8000)
        return True

    def report_weighting(self) -> Weighting | None:
        """Whose weighting the report shows: what is on screen, unless the room has people
        and the planner picks another (the scenario's, the group's, a person's). None when
        the choice is cancelled."""
        doc = self.document
        shown = in_view(doc)
        people = doc.scenario.participants
        if not people:
            return shown
        choices = [shown, SCENARIO, GROUP, *(person(p.id) for p in people)]
        choices = list(dict.fromkeys(choices))
        labels = [visible(f"What is on screen: {describe(doc, shown)}")] + \
            [visible(describe(doc, w)) for w in choices[1:]]  # names from a file: no escapes
        label, ok = prompts.get_item(
            self, "Workshop report", "Whose weights should every number of the report be "
            "from? (With people in the room, the group's answers are added beside the "
            "scenario's.)", labels, 0, False)
        if not ok or label not in labels:
            return None
        return choices[labels.index(label)]

    # -- the sessions' preview ------------------------------------------------------------------

    def preview_png(self) -> bytes | None:
        """A small picture of the first tab's ranking for the session library."""
        tab = next(iter(self.framework_tabs.values()), None)
        if tab is None or "ranking" not in tab.charts:
            return None
        try:
            return png_bytes(render_chart(tab.charts["ranking"], 640, ratio=2.0))  # sharp
        except ScenarioError:
            return None
