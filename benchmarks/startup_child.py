"""One start-up, run in a fresh process by benchmarks.startup: ``python startup_child.py KIND``.

KIND is ``bare`` (a PySide6 window), ``floor`` (a PySide6 window with one pyqtgraph PlotWidget)
or ``app`` (mcexplorer's own start path, as ``mcexplorer.app.run`` takes it). The first frame
is an event: the Paint event of the floor's plot, or the last of the Paint events of the charts
on mcexplorer's first tab (the moment the last of them starts painting).
Prints, as it happens:

    FRAME <seconds since this script started> <tabs still to build> <tabs> <phases>
    SETTLED <peak RSS in kB>

SETTLED comes once every tab is built and the event loop is idle.
"""

from __future__ import annotations

import json
import sys
import time

START = time.perf_counter()
SIZE = (1400, 900)


def peak_kb() -> int:
    """Peak resident set (VmHWM); ru_maxrss would count the forking parent on Linux."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(kind: str) -> None:
    phases: dict[str, float] = {}

    def mark(name: str) -> None:
        phases[name] = round((time.perf_counter() - START) * 1000, 1)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("qt")
    if kind == "app":
        from mcexplorer.app import _window_for, ensure_app

        mark("import")
        app = ensure_app()
        window = _window_for(None, None, lazy_tabs=True)  # mcexplorer.app.run's path
        window.resize(*SIZE)
        mark("window")
        first = window.tabs.currentWidget()
        watched = [c.viewport() for c in first.charts.values() if c.isVisibleTo(first)]
    else:
        app = QApplication([])
        window = QMainWindow()
        if kind == "floor":
            import pyqtgraph as pg

            mark("import")
            plot = pg.PlotWidget()
            window.setCentralWidget(plot)
            watched = [plot.viewport()]
        else:
            watched = [window]
        window.resize(*SIZE)
        mark("window")

    painted: set = set()
    state = {"frame": False}

    def pending() -> int:
        return len(getattr(window, "_pending_tabs", {}) or {})

    def tabs() -> int:
        return window.tabs.count() if hasattr(window, "tabs") else 0

    def settle() -> None:
        if pending():
            QTimer.singleShot(20, settle)
            return
        print("SETTLED", peak_kb(), flush=True)
        app.quit()

    class Filter(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not state["frame"]:
                painted.add(obj)
                if all(w in painted for w in watched):
                    state["frame"] = True
                    mark("frame")
                    print("FRAME", phases["frame"] / 1000, pending(), tabs(),
                          json.dumps(phases), flush=True)
                    QTimer.singleShot(0, settle)
            return False

    flt = Filter()
    for w in watched:
        w.installEventFilter(flt)
    window.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
