"""Room > Invite the room...: the screen the projector shows while people join from phones.

A large QR code (``room-qr``), the join address (``room-url``) and how many have joined
(``room-joined``); under them the facilitator's controls: the network (the laptop's
addresses, local networks first), the port, the frameworks to weigh, lock the room, a new
code, the self-test with its advice, and Close the room (``action:close-room``). It opens
full screen except when headless; Esc or *Back to the window* hides it and the room stays open
(the window then shows people arriving), Room > Invite the room... shows it again. Where the
addresses come from is injectable (``interfaces``):
the window passes the system's list; tests pass their own.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ScenarioError
from ...server.network import ADVICE, InterfaceSource, laptop_addresses, self_test
from ...server.qr import qr_matrix
from ..prompts import HEADLESS_PLATFORMS
from .phones import PhoneRoom

DEFAULT_PORT = 8765
QUIET = 4


class QrCode(QWidget):
    """The join URL as a QR code, drawn module by module (sharp at any size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("room-qr")
        self.text = ""
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.setAccessibleName("QR code of the room's address" if text else "No room open")
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, 420)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        side = min(self.width(), self.height())
        x0, y0 = (self.width() - side) / 2, (self.height() - side) / 2
        p.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        if not self.matrix:
            p.end()
            return
        n = len(self.matrix) + 2 * QUIET
        module = side / n
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    p.drawRect(QRectF(x0 + (c + QUIET) * module, y0 + (r + QUIET) * module,
                                      module + 0.5, module + 0.5))
        p.end()


def _big(label: QLabel, points: float, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class InviteDialog(QDialog):
    def __init__(self, phones: PhoneRoom, interfaces: InterfaceSource, close_action: QAction,
                 port: int = DEFAULT_PORT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phones = phones
        self.interfaces = interfaces
        self.setObjectName("invite-room")
        self.setWindowTitle("Invite the room")
        self.qr = QrCode()
        self.heading = _big(QLabel("Join from your phone: scan the code, or type the address"),
                            20, True)
        self.url = _big(QLabel(), 22, True)
        self.url.setObjectName("room-url")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.joined = _big(QLabel(), 26, True)
        self.joined.setObjectName("room-joined")
        self.status = _big(QLabel(), 12)
        self.status.setObjectName("room-status")
        self.advice = _big(QLabel(), 11)
        self.advice.setObjectName("room-advice")

        self.network = QComboBox()
        self.network.setObjectName("room-network")
        self.network.setAccessibleName("Network the room listens on")
        self.port = QSpinBox()
        self.port.setObjectName("room-port")
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText("any free")
        self.port.setValue(port)
        self.port.setAccessibleName("Port")
        self.apply_button = QPushButton("Listen here")
        self.apply_button.setObjectName("room-listen")
        self.apply_button.setToolTip("Move the room to the network and port chosen (same code)")
        self.apply_button.clicked.connect(self.listen)
        self.frameworks_button = QToolButton()
        self.frameworks_button.setText("Frameworks")
        self.frameworks_button.setObjectName("room-frameworks")
        self.frameworks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.frameworks_menu = QMenu(self.frameworks_button)
        self.frameworks_button.setMenu(self.frameworks_menu)
        self.lock = QCheckBox("Lock the room")
        self.lock.setObjectName("room-lock")
        self.lock.setToolTip("No new people; phones already in the room may still update")
        self.lock.toggled.connect(phones.set_locked)
        self.new_code = QPushButton("New code")
        self.new_code.setObjectName("room-regenerate")
        self.new_code.setToolTip("A new address and QR code; the old ones stop working")
        self.new_code.clicked.connect(phones.regenerate)
        self.test_button = QPushButton("Test")
        self.test_button.setObjectName("room-self-test")
        self.test_button.setToolTip("Check that the room answers at this address")
        self.test_button.clicked.connect(self.run_self_test)
        self.close_action = close_action
        self.close_button = QPushButton("Close the room")
        self.close_button.setObjectName("room-close")
        self.close_button.setToolTip("Stop the server: nothing listens afterwards")
        self.close_button.clicked.connect(close_action.trigger)
        self.hide_button = QPushButton("Back to the window")
        self.hide_button.setObjectName("room-hide")
        self.hide_button.setToolTip("The room stays open; Room > Invite the room... shows "
                                    "this screen again")
        self.hide_button.clicked.connect(self.hide)
        self._build_layout()
        self._fill_frameworks()
        self._fill_networks()
        phones.changed.connect(self.refresh)
        self._views = 0
        self._watch = QTimer(self)
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._check_views)
        self._watch.start()

    def _build_layout(self) -> None:
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addSpacing(8)
        right.addWidget(self.url)
        right.addSpacing(16)
        right.addWidget(self.joined)
        right.addWidget(self.status)
        right.addStretch(1)
        right.addWidget(self.advice)
        top = QHBoxLayout()
        top.addWidget(self.qr, 5)
        top.addLayout(right, 6)
        controls = QGridLayout()
        net_label = QLabel("&Network:")
        net_label.setBuddy(self.network)
        port_label = QLabel("&Port:")
        port_label.setBuddy(self.port)
        controls.addWidget(net_label, 0, 0)
        controls.addWidget(self.network, 0, 1)
        controls.addWidget(port_label, 0, 2)
        controls.addWidget(self.port, 0, 3)
        controls.addWidget(self.apply_button, 0, 4)
        controls.addWidget(self.test_button, 0, 5)
        row = QHBoxLayout()
        for w in (self.frameworks_button, self.lock, self.new_code):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.hide_button)
        row.addWidget(self.close_button)
        controls.addLayout(row, 1, 0, 1, 6)
        controls.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(controls)

    # -- filling ------------------------------------------------------------------------------

    def _fill_networks(self) -> None:
        self.network.clear()
        for address in laptop_addresses(self.interfaces):
            self.network.addItem(address.label(), address.ip)

    def _fill_frameworks(self) -> None:
        self.frameworks_menu.clear()
        doc = self.phones.room.document
        chosen = set(self.phones.frameworks) or set(doc.frameworks)
        for fid, fw in doc.frameworks.items():
            if not fw.criteria:
                continue
            action = self.frameworks_menu.addAction(fw.title)
            action.setObjectName(f"room-framework:{fid}")
            action.setCheckable(True)
            action.setChecked(fid in chosen)
            action.setData(fid)
            action.toggled.connect(self._on_frameworks)

    def _on_frameworks(self, *_args) -> None:
        ids = [a.data() for a in self.frameworks_menu.actions() if a.isChecked()]
        if not ids:  # at least one: the one just unticked comes back
            sender = self.sender()
            if isinstance(sender, QAction):
                sender.setChecked(True)
            return
        self.phones.set_frameworks(ids)

    # -- acting -------------------------------------------------------------------------------

    def listen(self) -> bool:
        """Open (or move) the room on the network and port chosen; the reason on screen when
        that fails (port taken: pick another, or 'any free')."""
        host = self.network.currentData()
        if not host:
            self.status.setText("This computer has no network address: connect it to a "
                                "network (or turn on its hotspot) and open the room again.")
            return False
        try:
            self.phones.open(host, self.port.value())
        except ScenarioError as exc:
            self.status.setText(f"The room could not open: {exc.problem}. "
                                "Pick another port or network.")
            self.refresh(keep_status=True)
            return False
        self.refresh()
        return True

    def run_self_test(self) -> bool:
        if not self.phones.is_open:
            self.advice.setText(ADVICE)
            return False
        result = self_test(self.phones.url())
        self.advice.setText(result.message)
        return result.ok

    def refresh(self, keep_status: bool = False) -> None:
        url = self.phones.url()
        self.url.setText(url or "The room is closed.")
        self.qr.set_text(url)
        n = self.phones.joined()
        self.joined.setText(f"{n} joined")
        views = self.phones.server.page_views if self.phones.server is not None else 0
        if not keep_status:
            state = "Locked: no new people (phones in the room may still update)." \
                if self.phones.locked else "Open to anyone with the code."
            seen = ("No phone has opened the page yet." if views == 0 else
                    f"Phones have opened the page {views} time{'s' if views != 1 else ''}.")
            self.status.setText(f"{state} {seen}")
        if not self.advice.text():
            self.advice.setText(ADVICE)

    def _check_views(self) -> None:
        """Phones opening the page are counted on the server's thread: show it here."""
        server = self.phones.server
        views = server.page_views if server is not None else 0
        if views != self._views and self.isVisible():
            self._views = views
            self.refresh()

    def show_for_room(self) -> None:
        if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
            self.resize(1024, 768)
            self.show()
        else:
            parent = self.parentWidget()
            screen = parent.screen() if parent is not None else self.screen()
            self.setGeometry(screen.geometry())  # the projector the window is on
            self.showFullScreen()
            self.raise_()
            self.activateWindow()
