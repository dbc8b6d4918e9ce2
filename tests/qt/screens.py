"""Screenshots of every tab on a real X server, with the clipped or overlapping text found.

Run by ``test_screens.py`` under Xvfb (one server per screen size), or by hand:

    Xvfb :94 -screen 0 1024x768x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb python tests/qt/screens.py OUT_DIR NAME [--dock history]

It opens the window maximised on the default scenario with a few offerings and initiatives
(long names, and a name that looks like a link, which must show as plain text), walks every
tab and page, saves ``OUT_DIR/NAME-<page>.png`` grabbed from the screen
(``screen().grabWindow``, so what is shown is what was painted), then the same presenting
(``NAME-presenting-<page>.png``) and, with ``--report``, every page of the report
(``NAME-report-page-N.png`` beside ``NAME-report.pdf``), and prints one JSON object: the
window's frame and the screen's room, and the problems found on each page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

LINK_NAME = "<a href='http://x/'>CLICK</a>"
LONG_NAME = "Professional certificate in data-informed curriculum leadership"


def _wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _content(window) -> None:
    """Offerings and initiatives as a workshop would have them after a while."""
    from mcexplorer.core.ecology import edits as eco
    from mcexplorer.core.structures import edits as hz

    doc, push = window.document, window.controller.push
    for name, x, y, volume in ((LONG_NAME, 0.55, 0.6, 400), ("Short course in AI", -0.6, -0.5, 150),
                               (LINK_NAME, 0.5, -0.55, 80),
                               ("Stackable MBA module", 0.45, 0.7, 120)):
        push(eco.add_offering(doc, name, x, y, volume))
    eco_tab = next(t for t in window.framework_tabs.values() if hasattr(t, "add_offering"))
    eco_tab.add_offering()
    eco_tab.add_offering()
    hz_tab = next(t for t in window.framework_tabs.values() if hasattr(t, "add_initiative"))
    hz_tab.add_initiative()
    hz_tab.add_initiative()
    push(hz.add_initiative(doc, LINK_NAME, 0.8, 3.0))
    push(hz.add_initiative(doc, "Regional skills partnership", 0.3, 1.0))
    window.keeper.autosave()  # a session in the library, shown in the Sessions panel
    window.sessions_panel.list.setCurrentRow(0)


def _pages(window):
    """(name, how to show it) for every tab and every page inside a tab."""
    for i in range(window.tabs.count()):
        tab = window.tabs.widget(i)
        fid = getattr(tab, "framework_id", f"tab{i}")

        def show_tab(i=i):
            window.tabs.setCurrentIndex(i)

        pages = getattr(tab, "pages", None)
        lower = getattr(tab, "lower_tabs", None)
        if pages is not None:
            for p in range(pages.count()):
                yield f"{fid}-{p}", (lambda i=i, p=p, pages=pages:
                                     (window.tabs.setCurrentIndex(i), pages.setCurrentIndex(p)))
        elif lower is not None:
            for p in range(lower.count()):
                yield f"{fid}-{p}", (lambda i=i, p=p, lower=lower:
                                     (window.tabs.setCurrentIndex(i), lower.setCurrentIndex(p)))
        else:
            yield fid, show_tab


def _report_pages(window, out: Path, name: str) -> list[str]:
    """The report of what the window shows as a PDF, each page as a PNG (pdftoppm, 60 dpi:
    enough to look at; the PDF itself is kept beside them)."""
    from mcexplorer.core.view import in_view
    from mcexplorer.qt.export.report_writer import write_report

    pdf = out / f"{name}-report.pdf"
    write_report(window.document, pdf, "Screens", weighting=in_view(window.document))
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    subprocess.run([tool, "-r", "60", "-png", str(pdf), str(out / f"{name}-report-page")],
                   check=True, timeout=120)
    return sorted(p.name for p in out.glob(f"{name}-report-page-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("name")
    parser.add_argument("--dock", default="", choices=["", "history", "sessions", "snapshots"])
    parser.add_argument("--size", default="", help="WxH instead of maximised (offscreen runs)")
    parser.add_argument("--report", action="store_true",
                        help="also every page of the report (as PNGs, through pdftoppm)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from screen_checks import problems

    from mcexplorer.app import create_window, ensure_app

    app = ensure_app()
    window = create_window()
    window.show()
    _wait(app, 0.5)
    fresh = window.frameGeometry()
    room = window.screen().availableGeometry()
    if args.size:
        window.resize(*(int(v) for v in args.size.split("x")))
    else:
        window.showMaximized()
        _wait(app, 0.3)
        if window.frameGeometry() != room:  # no window manager to maximise it: do it by hand
            window.setGeometry(room)
    for dock in (window.history_dock, window.sessions_dock):
        dock.setVisible(False)
    if args.dock:  # shown as taking a snapshot shows its panel (not through the menu)
        owner = window.room if args.dock == "snapshots" else window
        getattr(owner, f"{args.dock}_dock").setVisible(True)
    _content(window)
    _wait(app, 0.5)
    report = {"screen": [room.x(), room.y(), room.width(), room.height()],
              "fresh_frame": [fresh.x(), fresh.y(), fresh.width(), fresh.height()],
              "scale": os.environ.get("QT_SCALE_FACTOR", "1"), "pages": {}}
    for page, show in _pages(window):
        show()
        _wait(app, 0.6)
        pixmap = window.screen().grabWindow(window.winId())
        pixmap.save(str(out / f"{args.name}-{page}.png"))
        report["pages"][page] = problems(window)
    # Presenting (F5): every tab and page again, the charts given the screen. Presenting
    # hides the panels, so with a panel open it would show what the plain case shows.
    report["presenting"] = {}
    if not args.dock:
        window.room.presentation.toggle(True)
        _wait(app, 0.6)
        for page, show in _pages(window):
            show()
            _wait(app, 0.6)
            pixmap = window.screen().grabWindow(window.winId())
            pixmap.save(str(out / f"{args.name}-presenting-{page}.png"))
            report["presenting"][page] = problems(window)
        window.room.presentation.toggle(False)
        _wait(app, 0.3)
    if args.report:
        report["report_pages"] = _report_pages(window, out, args.name)
    window.controller.undo_stack.setClean()
    window.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
