"""What leaves the room as a document: the workshop report (PDF or HTML), the slide deck, the
board paper and the workbook, under a weighting; and the progress dialog every export shows.

A part the window owns (``window.office_export``); the one export dialog (chart_export.py)
hands it what the planner picked. The deck's house template is remembered (QSettings
``export/template``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QProgressDialog, QWidget

from ...core.errors import ScenarioError
from ...core.outputs.names import sanitise
from ...core.view import in_view
from ...core.weighting import GROUP, SCENARIO, Weighting, describe, person
from .. import prompts
from ..controller import DocumentController
from ..export.dialog import BESIDE
from ..plain import visible
from . import folders, settings
from .part import WindowPart
from .scenario_file import ScenarioFile

TEMPLATE_KEY = "export/template"
OUTPUTS = {"deck": ("Slide deck", "PowerPoint (*.pptx)", ".pptx", "deck"),
           "paper": ("Board paper", "Word (*.docx)", ".docx", "board-paper"),
           "workbook": ("Workbook", "Excel workbook (*.xlsx)", ".xlsx", "workbook")}
PROGRESS_AFTER_MS = 500
"""The progress dialog (with Cancel) appears when a run takes longer than this."""
REPORT_FILTERS = {"PDF, A4 (*.pdf)": "a4", "PDF, US Letter (*.pdf)": "letter",
                  "HTML, one file with its images (*.html)": ""}

Step = Callable[[int, int, str], bool]


def progress_dialog(parent: QWidget, title: str, total: int) -> QProgressDialog:
    """The export's progress (``export-progress``), with Cancel, shown after a moment."""
    dialog = QProgressDialog(title, "Cancel", 0, total, parent)
    dialog.setObjectName("export-progress")
    dialog.setWindowTitle("mcexplorer")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setAutoClose(True)
    dialog.setValue(0)
    return dialog


def progress_step(dialog: QProgressDialog) -> Step:
    """A writer's progress callback: moves the dialog on; False once Cancel was pressed."""
    def step(done: int, total: int, what: str) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if what:
            dialog.setLabelText(f"Writing {what} ({done + 1} of {total})")
        QApplication.processEvents()
        return not dialog.wasCanceled()
    return step


class OfficeExport(WindowPart):
    """The report, the deck, the paper and the workbook, and whose weights they show."""

    def __init__(self, window: QMainWindow, controller: DocumentController,
                 scenario_file: ScenarioFile) -> None:
        super().__init__(window, controller)
        self._file = scenario_file
        self.progress: QProgressDialog | None = None
        """The last export's progress dialog."""

    def _progress(self, title: str) -> QProgressDialog:
        self.progress = progress_dialog(self._window, title, 1)
        return self.progress

    # -- whose weights ----------------------------------------------------------------------

    def weighting_choices(self) -> list[tuple[str, Weighting]]:
        """The dialog's "Whose weights": the scenario's, the group's, each person's; the one
        in view says so."""
        people = self.document.scenario.participants
        out = [("The scenario's weights", SCENARIO)]
        if people:
            out.append((f"The group's ({self.document.scenario.group.method})", GROUP))
            out += [(f"{p.name}'s" + (f" ({p.role})" if p.role else ""), person(p.id))
                    for p in people]
        shown = in_view(self.document)
        return [(f"{label} (on screen)" if w == shown and len(out) > 1 else label, w)
                for label, w in out]

    def report_weighting(self) -> Weighting | None:
        """Whose weighting the report shows: what is on screen, unless the room has people
        and the planner picks another (the scenario's, the group's, a person's). None when
        the choice is cancelled."""
        doc = self.document
        shown = in_view(doc)
        people = doc.scenario.participants
        if not people:
            return shown
        choices = list(dict.fromkeys([shown, SCENARIO, GROUP, *(person(p.id) for p in people)]))
        labels = [visible(f"What is on screen: {describe(doc, shown)}")] + \
            [visible(describe(doc, w)) for w in choices[1:]]  # names from a file: no escapes
        label, ok = prompts.get_item(
            self._window, "Workshop report", "Whose weights should every number of the report "
            "be from? (With people in the room, the group's answers are added beside the "
            "scenario's.)", labels, 0, False)
        if not ok or label not in labels:
            return None
        return choices[labels.index(label)]

    # -- the deck's template ----------------------------------------------------------------

    @staticmethod
    def template() -> str:
        """The deck's house template last chosen ("" for none)."""
        return str(settings.store().value(TEMPLATE_KEY, "") or "")

    @staticmethod
    def remember_template(template: str) -> None:
        settings.set_value(TEMPLATE_KEY, template)

    # -- the report ---------------------------------------------------------------------------

    def export_report(self, weighting: Weighting | None = None) -> bool:
        """The workshop report as PDF or HTML under ``weighting`` (from the one export
        dialog), or else the one ``report_weighting`` gives."""
        filters = list(REPORT_FILTERS)
        letter = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        name = f"{sanitise(self._file.scenario_name())}-report.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self._window, "Workshop report", folders.start_path(self._file.path, name),
            ";;".join(filters), filters[1 if letter else 0])
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

        done, pages = self._with_progress(
            "Drawing the report's charts…", "Could not write the report", "Report cancelled",
            lambda step: write_report(self.document, target, self._file.scenario_name(),
                                      weighting=weighting, paper=paper or "a4", progress=step))
        if not done:
            return False
        extra = "" if pages is None else f", {pages} pages"
        self._status(f"Wrote the workshop report {target}{extra}", 8000)
        return True

    # -- the deck, the paper, the workbook ------------------------------------------------------

    def export_office(self, kind: str, weighting: Weighting = SCENARIO,
                      template: str | None = None, path: str | Path | None = None) -> bool:
        """Ask where (unless ``path``) and write the deck, the paper or the workbook."""
        title, kind_filter, suffix, stem = OUTPUTS[kind]
        if path is None:
            name = f"{sanitise(self._file.scenario_name())}-{stem}{suffix}"
            chosen, _ = QFileDialog.getSaveFileName(self._window, title,
                                                    folders.start_path(self._file.path, name),
                                                    kind_filter)
            if not chosen:
                return False
            folders.remember(chosen)
            path = chosen
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        if self._write_office(target, weighting, template):
            self._status(f"Wrote the {title.lower()} {target}", 8000)
            return True
        return False

    def _write_office(self, target: Path, weighting: Weighting, template: str | None,
                      paper: str = "a4") -> bool:
        from ..export.office import write_output  # not on the start path

        done, _result = self._with_progress(
            f"Writing {target.name}…", "Could not export", "Export cancelled",
            lambda step: write_output(self.document, target, self._file.scenario_name(),
                                      weighting, template=template, paper=paper,
                                      progress=step))
        return done

    def _with_progress(self, label: str, failure: str, cancelled: str,
                       write: Callable[[Step], object]
                       ) -> tuple[bool, object]:
        """``write(step)`` under a progress dialog: (True, what it returned), or (False, None)
        when it failed (said in a box titled ``failure``) or was cancelled (it returned -1;
        said in the status bar)."""
        progress = self._progress(label)
        try:
            result = write(progress_step(progress))
        except ScenarioError as exc:
            prompts.error(self._window, failure, exc.message)
            return False, None
        finally:
            progress.close()
        if result == -1:
            self._status(cancelled, 5000)
            return False, None
        return True, result

    def write_beside(self, folder: Path, kinds: tuple[str, ...]) -> list[Path]:
        """The deck, paper or workbook (as ``kinds`` says) into the charts' folder."""
        written = []
        for kind in kinds:
            if kind not in BESIDE:
                continue
            _, _, suffix, stem = OUTPUTS[kind]
            target = folder / f"{sanitise(self._file.scenario_name())}-{stem}{suffix}"
            if self._write_office(target, in_view(self.document), self.template() or None):
                written.append(target)
        return written
