"""The Sessions panel: the open scenario's title and notes; every scenario worked on, by name,
with when it changed; the selected one's best options and picture.

Open, rename, duplicate and delete sessions; deleted ones go to the trash and can be restored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QInputDialog,  # noqa: F401 - tests replace its static functions here
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError, shown_path
from .. import prompts
from ..plain import guarded
from .scenario_info import ScenarioInfo, SessionPreview

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionsPanel(QWidget):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.keeper = window.keeper
        self.info = ScenarioInfo(window.controller)
        info_box = QGroupBox("Open scenario")
        QVBoxLayout(info_box).addWidget(self.info)
        self.list = QListWidget()
        self.list.setObjectName("sessions")
        self.list.setAccessibleName("Session library")
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._open_item)
        self.list.currentItemChanged.connect(self._show_preview)
        self.preview = SessionPreview()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        buttons = QGridLayout()  # two rows keep the panel narrow beside the charts
        for i, (name, text, slot) in enumerate((("open", "Open", self.open_selected),
                                                ("rename", "Rename…", self.rename_selected),
                                                ("duplicate", "Duplicate", self.duplicate_selected),
                                                ("delete", "Delete", self.delete_selected))):
            b = QPushButton(text)
            b.setObjectName(f"session-{name}")
            b.clicked.connect(slot)
            buttons.addWidget(b, i // 3, i % 3)
        self.trash_button = QPushButton("Trash…")
        self.trash_button.setObjectName("session-trash")
        self.trash_button.setToolTip("Restore a deleted session")
        self.trash_button.clicked.connect(self._trash_menu)
        buttons.addWidget(self.trash_button, 1, 1, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(info_box)
        layout.addWidget(QLabel("Sessions (every scenario worked on):"))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)
        self.keeper.libraryChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        library = self.keeper.library
        current = self.selected_id()
        self.list.clear()
        for meta in library.list():
            when = meta.modified.astimezone().strftime("%d %b %Y %H:%M")
            mine = " (open)" if meta.id == self.keeper.session_id else ""
            item = QListWidgetItem(f"{meta.name}{mine}\n{when}")
            item.setData(ID_ROLE, meta.id)
            item.setToolTip(guarded(
                f"{meta.name}\nLast changed {when}\n{meta.summary}"
                + (f"\nFile: {shown_path(meta.source_path)}" if meta.source_path else "")))
            self.list.addItem(item)
            if meta.id == current:
                self.list.setCurrentItem(item)
        self.trash_button.setEnabled(bool(library.trashed()))
        self._show_preview(self.list.currentItem())

    def _show_preview(self, item, _previous=None) -> None:
        """The selected session's name, date and best options, and its picture."""
        if item is None:
            self.preview.clear()
            return
        try:
            meta = self.keeper.library.meta(item.data(ID_ROLE))
        except ScenarioError:
            self.preview.clear()
            return
        when = meta.modified.astimezone().strftime("%d %b %Y %H:%M")
        picture = self.keeper.library.preview_path(meta.id)
        self.preview.show_session(f"{meta.name}, {when}", meta.summary,
                                  picture if picture.exists() else None)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def _open_item(self, item: QListWidgetItem) -> None:
        self.window_.scenario_file.open_session(item.data(ID_ROLE))

    def open_selected(self) -> None:
        sid = self.selected_id()
        if sid:
            self.window_.scenario_file.open_session(sid)

    def rename_selected(self) -> None:
        sid = self.selected_id()
        if not sid:
            return
        try:
            meta = self.keeper.library.meta(sid)
        except ScenarioError as exc:
            prompts.error(self, "Session library", exc.message)
            return
        name, ok = prompts.get_text(self, "Rename session", "Name:", text=meta.name)
        if ok and name.strip():
            self._guard(self.keeper.rename_session, sid, name)
            self.refresh()

    def duplicate_selected(self) -> None:
        sid = self.selected_id()
        if sid:
            self._guard(self.keeper.library.duplicate, sid)
            self.refresh()

    def delete_selected(self) -> None:
        sid = self.selected_id()
        if not sid:
            return
        if sid == self.keeper.session_id:
            self.keeper.session_id = None  # the open scenario starts a new session if edited
        self._guard(self.keeper.library.delete, sid)
        self.refresh()
        self.window_.statusBar().showMessage("Session moved to the trash (Trash restores it)", 5000)

    def restore(self, sid: str) -> None:
        self._guard(self.keeper.library.restore, sid)
        self.refresh()

    def _guard(self, func, *args) -> None:
        try:
            func(*args)
        except (ScenarioError, OSError) as exc:
            prompts.error(self, "Session library", str(getattr(exc, "message", exc)))

    def _menu(self, pos) -> None:
        if self.list.itemAt(pos) is None:
            return
        menu = QMenu(self)
        for text, slot in (("Open", self.open_selected), ("Rename…", self.rename_selected),
                           ("Duplicate", self.duplicate_selected),
                           ("Delete", self.delete_selected)):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _trash_menu(self) -> None:
        menu = QMenu(self)
        for meta in self.keeper.library.trashed():
            action = QAction(f"Restore “{meta.name}”", menu)
            action.setData(meta.id)
            action.triggered.connect(self._restore_from_action)
            menu.addAction(action)
        menu.exec(self.trash_button.mapToGlobal(self.trash_button.rect().bottomLeft()))

    def _restore_from_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.restore(action.data())
