"""The workshop report: a PDF whose pages all render (A4 and US Letter) and one HTML file
with its images inside it, from the window and for a scenario with participants."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QFileDialog

from mcexplorer.core.document import Document
from mcexplorer.core.notes import set_notes
from mcexplorer.core.outputs.report_build import build_report
from mcexplorer.core.room import edits as room_edits
from mcexplorer.qt.export.report_writer import write_report

BM = "business-models"
POPPLER = shutil.which("pdftoppm") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftoppm, pdfinfo) is not installed: apt install "
                        "poppler-utils")


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def rendered_pages(path: Path, folder: Path, gray: bool = False) -> list[QImage]:
    args = ["pdftoppm", "-r", "24", "-png"] + (["-gray"] if gray else []) + [str(path),
                                                                            str(folder / "p")]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return [QImage(str(p)) for p in sorted(folder.glob("p-*.png"))]


def with_participants() -> Document:
    doc = Document()
    ana = room_edits.add_participant(doc, "Ana <Finance>", "CFO")
    doc.apply(ana)
    doc.apply(room_edits.add_participant(doc, "Ben", "Faculty"))
    doc.apply(room_edits.set_participant_weight(doc, room_edits.added_participant_id(ana), BM,
                                                "costs", 100))
    doc.apply(set_notes(doc, BM, "Agreed: <b>pilot</b> first & review in June."))
    return doc


@needs_poppler
@pytest.mark.parametrize("paper, size", [("a4", "595 x 842"), ("letter", "612 x 792")])
def test_the_pdf_has_the_pages_it_says_and_every_page_renders(qtbot, tmp_path, paper, size):
    doc = with_participants()
    path = tmp_path / f"report-{paper}.pdf"
    pages = write_report(doc, path, "Away day", paper=paper, date="2025-03-14")
    info = pdfinfo(path)
    assert int(info["Pages"]) == pages
    assert 6 <= pages <= 30
    assert info["Page size"].strip().startswith(size)
    images = rendered_pages(path, tmp_path, gray=True)
    assert len(images) == pages
    for i, image in enumerate(images):
        dark = sum(QColor(image.pixel(x, y)).lightness() < 128
                   for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
        assert dark > 5, f"page {i + 1} is blank"


def test_the_html_is_one_file_with_its_images_inside(qtbot, tmp_path):
    doc = with_participants()
    path = tmp_path / "report.html"
    assert write_report(doc, path, "Away day", date="2025-03-14") is None
    text = path.read_text(encoding="utf-8")
    sources = re.findall(r'<img[^>]*src="([^"]+)"', text)
    expected = len(build_report(doc, "Away day", "2025-03-14").charts())
    assert len(sources) == expected >= 9
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<link" not in text and "http://" not in re.sub(r"<li>.*?</li>", "", text)
    # Names and notes are text, never markup.
    assert "Ana &lt;Finance&gt;" in text and "<b>pilot</b>" not in text
    assert "Agreed: &lt;b&gt;pilot&lt;/b&gt; first &amp; review in June." in text
    for question in ("How do you strategically position micro-credentials?",
                     "What could possibly go wrong?"):
        assert question in text
    assert text.count("<h2 class=\"q\"") == 6  # the five questions and the sources


@needs_poppler
def test_the_report_action_writes_the_chosen_paper(open_window, tmp_path, monkeypatch):
    window = open_window(BM)
    target = tmp_path / "board.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(target), "PDF, US Letter (*.pdf)")))
    window.findChild(QAction, "action:export-report").trigger()
    info = pdfinfo(target)
    assert info["Page size"].strip().startswith("612 x 792")
    assert window.statusBar().currentMessage() == \
        f"Wrote the workshop report {target}, {int(info['Pages'])} pages"
