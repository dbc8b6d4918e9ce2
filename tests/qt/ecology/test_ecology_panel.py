"""The ecology side panel shows every control without scrolling at 1280x720 and 1024x740, and
moving the keyboard focus into it never scrolls it sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mcexplorer.core.ecology import edits as eco_edits

FID = "credential-ecology"


@pytest.mark.parametrize("size", [(1280, 720), (1024, 740)])
def test_the_panel_shows_everything_at_once(open_window, qtbot, size):
    window = open_window(FID)
    window.resize(*size)
    doc = window.document
    for name, x, y in (("MSc Data", -0.7, 0.7), ("Digital badge", 0.7, -0.7), ("CPD", -0.6, -0.5)):
        window.controller.push(eco_edits.add_offering(doc, name, x, y, 120))
    tab = window.framework_tabs[FID]
    scroll = tab.portfolio_panel
    panel = scroll.widget()

    def fits() -> bool:
        return (panel.height() <= scroll.viewport().height() + 1  # no vertical scrolling
                and panel.width() <= scroll.viewport().width() + 1)  # never sideways

    # The splitter hands the panel its new height a turn after the charts have repainted.
    qtbot.waitUntil(fits, timeout=2000)
    for w in (tab.fit_label, tab.class_label, tab.lens_combo, tab.lens_info, tab.add_button,
              tab.rename_button, tab.delete_button, tab.offering_list, tab.volume_spin,
              tab.unit_combo, *tab.mix_labels.values()):
        seen = w.visibleRegion().boundingRect()
        assert seen.size() == w.size(), (w.objectName() or type(w).__name__, seen, w.size())


def test_tabbing_into_the_size_box_keeps_the_headline_and_labels_in_view(open_window, qtbot):
    window = open_window(FID)
    window.resize(1024, 740)
    tab = window.framework_tabs[FID]
    window.controller.push(eco_edits.add_offering(window.document, "MSc", -0.7, 0.7, 120))
    qtbot.wait(20)
    tab.select_offering(tab.offerings[0].id)
    scroll = tab.portfolio_panel
    tab.volume_spin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(20)
    assert scroll.horizontalScrollBar().value() == 0
    assert scroll.verticalScrollBar().value() == 0
    assert not tab.fit_label.visibleRegion().isEmpty()
    labels = [w for w in scroll.widget().findChildren(QWidget) if w.isVisible()]
    assert all(w.visibleRegion().boundingRect().width() == w.width() for w in labels)
