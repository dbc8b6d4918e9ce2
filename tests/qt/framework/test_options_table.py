"""The options table on a projector: names whole, colours as swatches, visible check boxes,
ratings edited in the scale's own words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionViewItem

from mcexplorer.qt.framework.options_table import RatingDelegate

BM = "business-models"


def table_of(window, fid=BM):
    return window.framework_tabs[fid].table


def test_names_are_never_cut_while_there_is_room_or_a_scroll_bar(open_window, qtbot):
    for width in (1280, 1024):
        window = open_window(BM)
        window.resize(width, 740)
        qtbot.wait(20)
        table = table_of(window)
        bold = QFont(table.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        widest = max(fm.horizontalAdvance(o.name) for o in window.document.framework(BM).options)
        assert table.horizontalHeader().sectionSize(0) >= widest + 30, width
        # The Fit column holds its text and no more than a little spare.
        fit = table.horizontalHeader().sectionSize(1)
        longest = max(fm.horizontalAdvance(str(table.model().index(r, 1).data()))
                      for r in range(table.model().rowCount()))
        assert longest < fit <= longest + 60


def test_option_colour_is_a_swatch_and_names_keep_the_text_colour(open_window):
    window = open_window(BM)
    tab = window.framework_tabs[BM]
    model = tab.table.model()
    for row, option in enumerate(window.document.framework(BM).options):
        index = model.index(row, 0)
        assert index.data(Qt.ItemDataRole.ForegroundRole) is None
        swatch = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(swatch, QColor) and swatch == QColor(tab.option_colour(option.id))


def test_unticked_rows_show_an_empty_check_box(open_window, qtbot):
    window = open_window(BM)
    table = table_of(window)
    qtbot.wait(20)
    model = table.model()
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    unticked = [r for r in range(model.rowCount())
                if model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
                and not table.selectionModel().isRowSelected(r)
                and table.viewport().rect().contains(table.visualRect(model.index(r, 0)))]
    assert unticked  # (the rows in view: the charts above take the height they need)
    for row in unticked:
        option = QStyleOptionViewItem()
        option.rect = table.visualRect(model.index(row, 0))
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                           option, table)
        background = image.pixelColor(int((option.rect.right() - 2) * ratio),
                                      int(option.rect.center().y() * ratio))
        darkest = min(image.pixelColor(int(x * ratio), int(y * ratio)).lightness()
                      for x in range(box.left(), box.right() + 1)
                      for y in range(box.top(), box.bottom() + 1))
        assert background.lightness() - darkest >= 60, row  # an outline you can see


def test_a_rating_is_edited_with_the_scale_levels(open_window, qtbot):
    window = open_window(BM)
    table = table_of(window)
    model = table.model()
    index = model.index(2, 2)  # Peer consortium / Effort: HIGH
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.wait(10)
    editor = table.findChild(QComboBox)
    assert editor is not None and editor.isVisible()
    levels = [editor.itemText(i) for i in range(editor.count())]
    assert levels == ["LOW", "LOW/MED", "MED", "MED/HIGH", "HIGH"]
    assert editor.currentText() == "HIGH"
    assert editor.width() >= editor.sizeHint().width()  # not a narrow spinner showing "2."
    editor.setCurrentIndex(levels.index("MED"))
    table.itemDelegate().commitData.emit(editor)
    table.itemDelegate().closeEditor.emit(editor)
    qtbot.wait(10)
    assert window.document.rating(BM, "peer-consortium", "effort") == 2.0
    assert index.data() == "MED *"
    assert isinstance(table.itemDelegate(), RatingDelegate)
