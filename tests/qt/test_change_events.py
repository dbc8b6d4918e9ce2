"""Change events that say what changed (core.derived, qt.controller): the controller emits the
edit's path, a view redraws only for the paths it draws, and undo finds the values computed
before the edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.leadership_risks import edits as lr_edits
from mcexplorer.core.scenario_text import set_title

BM, ST = "business-models", "structures"


def _turn() -> None:
    """Let the event-loop turn end: redraws coalesced in it run now (qt.scheduler)."""
    QCoreApplication.processEvents()


def _count(obj, name: str) -> list[int]:
    """Count the calls of ``obj.name`` (the instance's own attribute wraps the method)."""
    calls: list[int] = []
    real = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    setattr(obj, name, counted)
    return calls


def test_a_tab_redraws_for_the_paths_it_draws_and_for_no_other(open_window):
    w = open_window(BM)
    controller, doc = w.controller, w.controller.document
    tab = w.framework_tabs[BM]
    _turn()
    refreshes = _count(tab, "refresh")
    ratings = _count(tab.options_model, "update_ratings")
    strategy = _count(w.framework_tabs["leadership-risks"], "refresh")
    seen: list[tuple[str, tuple]] = []
    controller.changed.connect(lambda fid, path: seen.append((fid, path)))

    controller.push(set_title(doc, "Spring workshop"))
    assert strategy == []  # Strategy on a page does not show the title
    controller.push(doc.make_edit(("frameworks", BM, "notes"), "Ask finance", "Notes", BM))
    controller.push(lr_edits.edit_risk(doc, doc.scenario.risks.items[0].id, likelihood=1))
    controller.push(doc.set_weight(ST, doc.framework(ST).criteria[0].id, 3))
    _turn()
    assert refreshes == [], "the business models' tab redrew for an edit it does not draw"
    assert ("", ("title",)) in seen and (BM, ("frameworks", BM, "notes")) in seen

    controller.push(doc.set_weight(BM, "risk", 97))
    _turn()
    assert refreshes == [1] and ratings == []  # the fits moved; the ratings did not
    assert tab.ranking_chart.data == tab.ranking_data()
    option = doc.ranking(BM).results[-1].option
    value = 1.0 if doc.rating(BM, option, "roi") != 1.0 else 2.0
    controller.push(doc.set_rating(BM, option, "roi", value))
    _turn()
    assert refreshes == [1, 1] and ratings == [1]


def test_a_features_own_section_redraws_its_tab(open_window):
    w = open_window()
    doc = w.controller.document
    eco = doc.framework_for("ecology-map")
    tab = w.framework_tabs[eco]
    _turn()
    refreshes = _count(tab, "refresh")
    w.controller.push(eco_edits.set_volume_unit(
        doc, "hours" if doc.scenario.portfolio.volume_unit == "learners" else "learners"))
    _turn()
    assert refreshes == [1]


def test_undo_and_redo_find_the_rankings_computed_before(open_window):
    w = open_window(BM)
    controller, doc = w.controller, w.controller.document
    first, revision = doc.ranking(BM), doc.revision
    for value in (10, 20, 30):  # one drag: three edits merged into one undo step
        controller.push(doc.set_weight(BM, "risk", value, gesture="drag"))
    dragged = doc.ranking(BM)
    assert controller.undo_stack.count() == 1 and doc.revision != revision
    computed = doc.derived.computed
    controller.undo_stack.undo()
    assert doc.revision == revision and doc.ranking(BM) is first
    controller.undo_stack.redo()
    assert doc.ranking(BM) is dragged and doc.ranking(BM).weights["risk"] == 30
    assert doc.derived.computed == computed  # nothing computed again
