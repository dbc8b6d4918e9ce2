"""Revisions by path and derived values cached once by them (core.derived): an edit of one
framework's weight recomputes nothing of another framework, a ratings edit recomputes the
fits, and undo or redo find the values computed before."""

from __future__ import annotations

import pytest

from mcexplorer.core import document as document_module
from mcexplorer.core.derived import EVERYTHING, Revisions, affects, view_paths
from mcexplorer.core.document import Document
from mcexplorer.core.robustness import in_view
from mcexplorer.core.room.chart_data import participants_data
from mcexplorer.core.room.edits import add_participant
from mcexplorer.core.scenario_text import set_title

BM, ST = "business-models", "structures"


@pytest.fixture
def counted(monkeypatch):
    """{framework id: [what was computed]}: every utility table and ranking the Document
    builds."""
    calls: dict[str, list[str]] = {}
    real_table, real_rank = document_module.utility_table, document_module.rank

    def table(framework, *args, **kwargs):
        calls.setdefault(framework.id, []).append("table")
        return real_table(framework, *args, **kwargs)

    def ranked(framework, *args, **kwargs):
        calls.setdefault(framework.id, []).append("rank")
        return real_rank(framework, *args, **kwargs)

    monkeypatch.setattr(document_module, "utility_table", table)
    monkeypatch.setattr(document_module, "rank", ranked)
    return calls


def test_a_weight_edit_recomputes_its_own_ranking_and_nothing_of_another_framework(counted):
    doc = Document()
    for fid in (BM, ST):
        doc.ranking(fid)
    assert counted == {BM: ["table", "rank"], ST: ["table", "rank"]}
    doc.apply(doc.set_weight(BM, "risk", 91))
    after = {fid: doc.ranking(fid) for fid in (BM, ST)}
    # The weight moved the business models' ranking (its table reused), not the structures'.
    assert counted == {BM: ["table", "rank", "rank"], ST: ["table", "rank"]}
    assert after[BM].weights["risk"] == 91
    assert doc.ranking(ST) is after[ST]


def test_how_sure_is_drawn_again_only_for_the_framework_whose_weight_moved(monkeypatch):
    real, drawn = in_view.acceptability, []
    monkeypatch.setattr(in_view, "acceptability",
                        lambda fw, *a, **k: drawn.append(fw.id) or real(fw, *a, **k))
    doc = Document()
    first = {fid: in_view.how_sure(doc, fid, draws=500) for fid in (BM, ST)}
    assert in_view.how_sure(doc, ST, draws=500) is first[ST] and drawn == [BM, ST]
    doc.apply(doc.set_weight(BM, "risk", 91))
    assert in_view.how_sure(doc, ST, draws=500) is first[ST]
    assert in_view.how_sure(doc, BM, draws=500) is not first[BM]
    assert in_view.how_sure(doc, BM, draws=400) is not None  # other draws: drawn for them
    assert drawn == [BM, ST, BM, BM]


def test_a_ratings_edit_recomputes_the_table_and_the_fits(counted):
    doc = Document()
    before = doc.ranking(BM)
    option = before.results[-1].option
    doc.apply(doc.set_rating(BM, option, "roi", 3.0 if doc.rating(BM, option, "roi") != 3.0
                             else 1.0))
    after = doc.ranking(BM)
    assert counted[BM] == ["table", "rank", "table", "rank"]
    assert after.fit_of(option) != before.fit_of(option)


def test_notes_and_the_title_change_no_fit():
    doc = Document()
    first = doc.ranking(BM)
    doc.apply(set_title(doc, "Another title"))
    doc.apply(doc.make_edit(("frameworks", BM, "notes"), "a note", "Notes", BM))
    assert doc.ranking(BM) is first
    assert doc.derived.computed == 2  # the table and the ranking, once


def test_undo_and_redo_put_back_the_revisions_and_find_the_values_again(counted):
    doc = Document()
    path = ("frameworks", BM, "weights", "risk")
    start, revision = doc.revision_of(path, ("frameworks", BM)), doc.revision
    first = doc.ranking(BM)
    edit = doc.set_weight(BM, "risk", 5)
    before = doc.apply(edit)
    moved, moved_at = doc.ranking(BM), doc.revision_of(path)
    after = doc.stamp(path)
    assert moved_at != start[:1] and doc.revision != revision
    doc.revert(edit, before)  # undo
    assert doc.revision_of(path, ("frameworks", BM)) == start and doc.revision == revision
    assert doc.ranking(BM) is first
    doc.apply(edit, after)  # redo
    assert doc.ranking(BM) is moved
    assert counted[BM] == ["table", "rank", "rank"]  # nothing computed twice
    # A new edit after the undo takes a number never used: no old value is found for it.
    doc.revert(edit, before)
    doc.apply(doc.set_weight(BM, "risk", 6))
    assert doc.revision_of(path) not in (start[:1], moved_at)
    assert doc.ranking(BM).weights["risk"] == 6


def test_an_edit_of_a_whole_section_changes_every_path_inside_it():
    r = Revisions()
    inside = ("frameworks", "a", "weights", "x")
    first = r.of(inside)
    r.bump(("frameworks", "b", "weights", "x"))
    assert r.of(inside) == first  # a sibling
    r.bump(("frameworks",))
    assert r.of(inside) != first  # its section replaced
    second = r.of(inside)
    r.everything()
    assert r.of(inside) != second


def test_affects_reads_both_ways():
    assert affects(("frameworks", "a", "weights", "x"), ("frameworks", "a"))
    assert affects(("frameworks",), ("frameworks", "a", "weights"))
    assert affects(EVERYTHING, ("risks",))
    assert not affects(("frameworks", "b"), ("frameworks", "a"))
    assert not affects(("title",), ("frameworks", "a"))


def test_a_framework_view_reads_its_features_section_and_not_the_others():
    doc = Document()
    eco = doc.framework_for("ecology-map")
    paths = view_paths(doc, eco)
    assert ("portfolio",) in paths and ("horizons",) not in paths
    assert ("frameworks", eco, "notes") not in paths


def test_the_rooms_spread_is_computed_once_per_change_of_the_room():
    doc = Document()
    doc.apply(add_participant(doc, "Ann"))
    first = participants_data(doc, BM, {})
    computed = doc.derived.computed
    doc.apply(doc.set_weight(ST, doc.framework(ST).criteria[0].id, 7))
    assert participants_data(doc, BM, {}) == first and doc.derived.computed == computed
    doc.apply(add_participant(doc, "Bo"))
    assert len(participants_data(doc, BM, {}).rows[0].dots) == 2
