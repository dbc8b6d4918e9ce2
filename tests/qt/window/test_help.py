"""Help > Guide shows the docs/ pages offline and opens no link out of the app; Help >
References lists every source in full with how it is cited."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

from mcexplorer.core.references import references
from mcexplorer.qt.window import help as help_module
from mcexplorer.qt.window.help import guide_pages, references_html


def test_guide_opens_from_the_help_menu_with_every_page(open_window, monkeypatch):
    window = open_window()
    action = window.findChild(QAction, "action:guide")
    assert action is not None and action.shortcut() == QKeySequence("F1")
    action.trigger()
    guide = window.findChild(help_module.GuideDialog)
    assert guide is not None and guide.isVisible()
    titles = [guide.list.item(i).text() for i in range(guide.list.count())]
    assert titles[0] == "Guide: what the numbers mean"
    assert {"The Credential ecology tab", "The Three Horizons tab"} <= set(titles)
    assert len(titles) == len(guide_pages()) >= 3
    text = guide.browser.toPlainText()
    assert "Fit (%)" in text and "a quarter to each" in text
    assert "##" not in text and "**" not in text  # rendered, not shown as Markdown
    # The dialog fits the screen it opens on.
    room = guide.screen().availableGeometry()
    assert guide.width() <= room.width() and guide.height() <= room.height()


def test_guide_links_move_between_pages_and_never_leave_the_app(open_window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    window = open_window()
    guide = window.help.show_guide()
    horizons = next(i for i, p in enumerate(guide.pages) if p.name == "horizons.md")
    guide.browser.anchorClicked.emit(QUrl("horizons.md"))
    assert guide.list.currentRow() == horizons
    assert guide.browser.toPlainText().startswith("The Three Horizons tab")
    guide.browser.anchorClicked.emit(QUrl("https://doi.org/10.5334/jime.801"))
    assert opened == []
    assert guide.list.currentRow() == horizons  # stays on the page
    assert "https://doi.org/10.5334/jime.801" in guide.note.text()
    assert not guide.browser.openExternalLinks() and not guide.browser.openLinks()


def test_references_list_every_source_in_full_and_how_it_is_cited(open_window):
    window = open_window()
    window.findChild(QAction, "action:references").trigger()
    dialog = window.findChild(help_module.ReferencesDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for ref in references():
        assert ref.short in text
        assert ref.full() in text
        if ref.note:
            assert ref.note in text
    assert "How it is cited:" in text
    assert not dialog.browser.openExternalLinks()


def test_reference_text_is_shown_as_written(monkeypatch):
    class Ref:
        short = "<a href='http://x/'>CLICK</a> 2024"
        note = "<b>not bold</b>"

        def full(self):
            return "Someone (2024). <i>Title</i>."

    class Lib:
        about = ""
        references = [Ref()]

    monkeypatch.setattr(help_module, "library", lambda: Lib())
    html = references_html()
    assert "<a href" not in html and "&lt;a href=&#x27;http://x/&#x27;&gt;CLICK&lt;/a&gt;" in html
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html and "&lt;i&gt;Title&lt;/i&gt;" in html
