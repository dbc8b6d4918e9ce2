"""Help for a facilitator (issue 25, point 9): a "Running a workshop" page with first steps, a
60-minute agenda in the paper's order and what to say when it is too close to call; pages on
How sure, leadership and risks, exports and the report; a first-run hint beside the first tab."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame

from mcexplorer.qt.window.help import guide_pages, page_title


def test_the_guide_has_a_workshop_page_second_and_the_new_pages(open_window):
    titles = [page_title(p) for p in guide_pages()]
    assert titles[:2] == ["Guide: what the numbers mean", "Running a workshop"]
    assert {"How sure is the ranking", "Leadership and risks",
            "Exports and the report"} <= set(titles)
    window = open_window()
    guide = window.help.show_guide()
    guide.list.setCurrentRow(1)
    text = guide.browser.toPlainText()
    assert "60-minute agenda" in text and "too close to call" in text.lower()
    # The agenda walks the tabs in the paper's order of its five key questions.
    order = [text.index(tab) for tab in ("Credential ecology", "Leadership and risks: Leadership",
                                         "Internal structures", "Business models",
                                         "Leadership and risks: Risks")]
    assert order == sorted(order)


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: raise() of the guide
def test_a_first_run_hint_on_the_first_tab_until_got_it(open_window, qtbot):
    window = open_window()
    hint = window.findChild(QFrame, "first-run-hint")
    assert hint is not None and hint.isVisible()
    hint.open_guide()
    assert window.help.show_guide().list.currentItem().text() == "Running a workshop"
    window.help.show_guide().close()
    hint.dismiss()
    qtbot.waitUntil(lambda: not window.findChildren(QFrame, "first-run-hint"))
    again = open_window()
    assert again.findChild(QFrame, "first-run-hint") is None
