"""The import question for a CSV with 60 criteria fits a 1024x768 screen, its Yes and No on
it (issue 24, item 16): the notes on how the file was read scroll in the box's details."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTextEdit

B = QMessageBox.StandardButton
SCREEN = QRect(0, 0, 1024, 768)


def sixty_criteria_csv(path):
    names = [f"Criterion number {i}" for i in range(60)]  # no scale row: a note for each
    rows = ["option," + ",".join(names)]
    rows += [f"Option {j}," + ",".join(str(1 + (i + j) % 5) for i in range(60))
             for j in range(4)]
    path.write_text("\n".join(rows) + "\n")
    return path


def test_the_import_question_for_60_criteria_fits_the_screen_with_its_buttons(
        open_window, qtbot, tmp_path, monkeypatch):
    window = open_window()
    path = sixty_criteria_csv(tmp_path / "Sixty.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    seen = {}

    def look_and_answer(box):
        box.show()
        qtbot.waitExposed(box)
        seen["size"] = box.size()
        seen["text"] = box.text()
        seen["details"] = box.detailedText()
        buttons = [box.button(B.Yes), box.button(B.No)]
        seen["buttons"] = [QRect(b.mapTo(box, b.rect().topLeft()), b.size()) for b in buttons]
        seen["scrolls"] = box.findChild(QTextEdit) is not None
        box.button(B.Yes).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look_and_answer)
    window.findChild(QAction, "action:import-framework").trigger()
    assert seen, "no question was asked"
    width, height = seen["size"].width(), seen["size"].height()
    assert width <= SCREEN.width() and height <= SCREEN.height() - 60  # a title bar, a panel
    for rect in seen["buttons"]:
        assert QRect(0, 0, width, height).contains(rect)
    assert "60 criteria" in seen["text"] and "61 notes" in seen["text"]  # and the encoding
    assert seen["details"].count("no scale given") == 60 and seen["scrolls"]
    assert "sixty" in window.framework_tabs  # Yes imported it
    window.controller.undo_stack.setClean()
