"""Everything that imports PySide6 or pyqtgraph: the window, the tabs, the charts."""
