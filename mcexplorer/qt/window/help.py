"""Help > Guide and Help > References: the app explains itself offline.

The guide shows the Markdown pages of ``docs/`` (shipped inside the package) in a QTextBrowser;
links between pages work, links out of the app are never opened (the address is shown, to
copy). The references list every source of ``resources/references.json`` in full, with how the
app cites it. Text from files is escaped before it goes into rich text.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError
from ...core.references import library

FIRST_PAGE = "guide.md"
WORKSHOP_PAGE = "workshop.md"
"""Second in the list: how to run a session, for a facilitator opening the guide."""
DIALOG_SIZE = (920, 660)


def docs_dir() -> Path | None:
    """The guide's pages: inside the installed package, or at the top of a source tree."""
    here = Path(__file__).resolve().parents[2]
    for candidate in (here / "docs", here.parent / "docs"):
        if (candidate / FIRST_PAGE).is_file():
            return candidate
    return None


def page_title(path: Path) -> str:
    """A page's first heading, without the '#'."""
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    except OSError:
        pass
    return path.stem


def guide_pages() -> list[Path]:
    """The guide first, running a workshop second, then the other pages by title."""
    folder = docs_dir()
    if folder is None:
        return []
    pages = sorted(folder.glob("*.md"), key=lambda p: (p.name != FIRST_PAGE,
                                                      p.name != WORKSHOP_PAGE, page_title(p)))
    return pages


def _fit_to_screen(dialog: QDialog) -> None:
    w, h = DIALOG_SIZE
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        w, h = min(w, room.width() - 40), min(h, room.height() - 80)
    dialog.resize(w, h)


class GuideDialog(QDialog):
    """The pages of docs/ beside a list of their titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle("mcexplorer guide")
        self.pages = guide_pages()
        self.list = QListWidget()
        self.list.setObjectName("guide-pages")
        self.list.setAccessibleName("Guide pages")
        for path in self.pages:
            item = QListWidgetItem(page_title(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide-text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.note = QLabel()
        self.note.setObjectName("guide-note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 700])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.show_page)
        if self.pages:
            self.list.setCurrentRow(0)
        else:
            self.browser.setPlainText("The guide's pages (docs/) are missing from this "
                                      "installation; README.md describes the app.")
        _fit_to_screen(self)

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        path = self.pages[row]
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            self.browser.setPlainText(f"Cannot read {path.name}: {exc.strerror or exc}")
            return
        self.browser.setMarkdown(text)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.note.clear()

    def _follow(self, url: QUrl) -> None:
        """Links to another page of the guide open it; anything else is only named."""
        target = url.toString()
        name = Path(url.path()).name if url.path() else ""
        if not url.scheme() or url.isLocalFile():
            if not name and url.fragment():
                self.browser.scrollToAnchor(url.fragment())
                return
            for row, path in enumerate(self.pages):
                if path.name == name:
                    self.list.setCurrentRow(row)
                    return
        self.note.setText(f"Not opened (mcexplorer works offline): {target}")


def references_html() -> str:
    """Every reference in full, with how the app cites it; all text escaped."""
    try:
        lib = library()
    except ScenarioError as exc:
        return f"<p>{html.escape(exc.message)}</p>"
    parts = []
    if lib.about:
        parts.append(f"<p>{html.escape(lib.about)}</p>")
    for ref in lib.references:
        item = [f"<b>{html.escape(ref.short)}</b>", html.escape(ref.full())]
        if ref.note:
            item.append(f"<i>How it is cited:</i> {html.escape(ref.note)}")
        parts.append("<p>" + "<br>".join(item) + "</p>")
    return "".join(parts)


class ReferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("references")
        self.setWindowTitle("References")
        self.browser = QTextBrowser()
        self.browser.setObjectName("references-text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(references_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        _fit_to_screen(self)


class Help(QObject):
    """A part the window owns (``window.help``): Help > Guide (F1) and Help > References,
    each one window, made on first use and brought to the front after that."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._guide: GuideDialog | None = None
        self._references: ReferencesDialog | None = None

    def show_guide(self) -> GuideDialog:
        if self._guide is None:
            self._guide = GuideDialog(self._parent)
        _bring_up(self._guide)
        return self._guide

    def show_guide_page(self, name: str) -> GuideDialog:
        """The guide, at the page of file name ``name`` (e.g. WORKSHOP_PAGE)."""
        guide = self.show_guide()
        for row, path in enumerate(guide.pages):
            if path.name == name:
                guide.list.setCurrentRow(row)
        return guide

    def show_references(self) -> ReferencesDialog:
        if self._references is None:
            self._references = ReferencesDialog(self._parent)
        _bring_up(self._references)
        return self._references


def _bring_up(dialog: QDialog) -> None:
    """Show a help window, or bring it to the front when it is already open."""
    if dialog.isVisible():
        dialog.raise_()
    else:
        dialog.show()
