"""Text from files is shown as written everywhere in the window (issue 24, items 4, 5, 7):
markup in an option, criterion, participant, snapshot, offering, initiative or risk name is
never rendered (not in a tooltip, a legend, a label, a table or chart text), and no raw ESC
or CR reaches a tab title, a table, a combo box or a chart.

plain_sweep walks every widget, item view, combo box, action and chart scene of the window
and of the Compare view, and renders each tooltip as Qt would (rich text when it looks like
HTML), so a new place that shows file text is checked without being listed here.
"""

from __future__ import annotations

from plain_sweep import BIG, LINK, displayed_texts, hostile_file, problems

from mcexplorer.core.room.compare_data import Choice


def test_every_tooltip_legend_label_and_table_shows_file_text_as_written(open_window,
                                                                         tmp_path, qtbot):
    window = open_window(path=hostile_file(tmp_path))
    window.tab_set.all_tabs()
    window.room.state.show_room_view(True)
    found: list[str] = []
    texts = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(1)
        texts += displayed_texts(window)
    for a, b in (("s0", "s1"), ("s2", "s3")):
        dialog = window.room.open_compare(Choice("snapshot", a), Choice("snapshot", b))
        qtbot.wait(1)
        texts += displayed_texts(dialog)
    found = sorted(set(problems(texts)))
    assert found == [], "\n".join(found)
    # The sweep saw the names where they matter, shown literally.
    tips = [t for where, t in texts if "tooltip" in where]
    legends = [t for where, t in texts if "chart text" in where]
    assert any(LINK in t for t in tips) and any(BIG in t for t in tips)
    assert any(LINK in t for t in legends) and any(BIG in t for t in legends)
    assert any("\\x1b[31mescC" in t for _, t in texts)  # shown as an escape, not obeyed
    compare_legend = [t for where, t in texts if where.startswith("PairedBarsChart")]
    assert any(f"Snapshot \u201c{LINK} snap\u201d" in t for t in compare_legend)
    window.controller.mark_saved()
