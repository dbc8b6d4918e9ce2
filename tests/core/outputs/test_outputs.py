"""What leaves the room, without Qt: export names, caption lines, CSV tables, notes and the
workshop report's content."""

from __future__ import annotations

import codecs
import csv
import json

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.notes import MAX_NOTES, set_notes
from mcexplorer.core.outputs import report_model
from mcexplorer.core.outputs.caption import caption, short_source
from mcexplorer.core.outputs.names import export_name, sanitise, scenario_label
from mcexplorer.core.outputs.report_build import build_report
from mcexplorer.core.outputs.report_model import ChartRef, Notes, Paragraph, Table
from mcexplorer.core.outputs.tables import HEADER, framework_rows, write_csvs
from mcexplorer.core.references import references
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.validation import load_scenario

BM = "business-models"
ECO = "credential-ecology"



# -- names and captions -----------------------------------------------------------------------


def test_export_names_are_predictable_and_safe_on_every_system():
    assert export_name("Board day: 3/4 «draft»", BM, "radar", "PNG") == \
        "board-day-3-4-draft-business-models-radar.png"
    assert export_name("", BM, "ranking", "svg") == "scenario-business-models-ranking.svg"
    for bad in ('a\\b', 'c:d', 'e*f?g', '<h>|"i"', "..", "con"):
        name = sanitise(bad)
        assert not set(name) & set('\\/:*?"<>| ') and name not in ("", ".", "..")


def test_a_placeholder_title_gives_way_to_the_file_name(tmp_path):
    s = default_scenario()
    assert scenario_label(s, tmp_path / "board-day.json") == "board-day"
    assert scenario_label(s) == "Default scenario"
    s.title = "Faculty away day"
    assert scenario_label(s, tmp_path / "board-day.json") == "Faculty away day"


def test_the_caption_names_scenario_date_weights_target_and_source():
    doc = Document()
    doc.apply(doc.set_weight(BM, "risk", 80))
    doc.apply(doc.set_target(BM, "horizon", 3))
    text = caption(doc, BM, "Away day", "2025-03-14")
    assert text.startswith("Away day \u00b7 2025-03-14 \u00b7 Weights: Effort 50")
    assert "Risk 80" in text and "target horizon H3" in text
    assert "Source: Brown, McGreal & Peters 2023, Table 2" in text
    assert "seed" not in text.lower()


def test_short_source_keeps_the_locator_and_says_when_the_tool_reads():
    assert short_source("Evans 2021, Benefits; our reading: the rest") == \
        "Evans 2021, Benefits; and the tool's own reading"
    assert short_source("our reading") == "the tool's own reading"
    assert short_source("Brown et al. 2020 (FutureLearn course), the quadrants") == \
        "Brown et al. 2020 (FutureLearn course)"


# -- CSV ----------------------------------------------------------------------------------------


def _tricky_document() -> Document:
    """A scenario defining a framework whose names need quoting and must not become formulas."""
    fw = builtin_frameworks()[BM].model_copy(deep=True)
    fw.options[0].name = 'Sole, "the" institution\nover two lines'
    fw.options[1].name = "=SUM(A1:A9)"
    fw.options[2].name = "Consortium é ü 中文"
    s = default_scenario()
    s.definitions = [fw]
    return Document(s)


def test_each_csv_starts_with_a_bom_and_round_trips_through_the_csv_module(tmp_path):
    doc = _tricky_document()
    doc.apply(doc.set_rating(BM, "mooc-platform", "effort", 3))
    written = write_csvs(doc, tmp_path, "Away day")
    assert [p.name for p in written] == [f"away-day-{fid}.csv" for fid, fw in doc.frameworks.items()
                                          if fw.criteria] + ["away-day-risk-register.csv"]
    register = written.pop()  # a register has no weights: its risks are a table of their own
    with register.open(encoding="utf-8-sig", newline="") as fh:
        risks = list(csv.reader(fh))
    assert risks[0][:3] == ["Rank", "Category", "Risk"]
    assert len(risks) == 1 + len(doc.scenario.risks.items) > 3
    assert [int(r[5]) for r in risks[1:]] == sorted((int(r[5]) for r in risks[1:]), reverse=True)
    for path, fid in zip(written, doc.frameworks):
        raw = path.read_bytes()
        assert raw.startswith(codecs.BOM_UTF8)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows == framework_rows(doc, fid)
        assert rows[0] == list(HEADER) and rows.count(list(HEADER)) == 1
        fw = doc.framework(fid)
        assert len(rows) == 1 + len(fw.options) * len(fw.criteria)
    rows = framework_rows(doc, BM)
    names = {r[2] for r in rows[1:]}
    assert 'Sole, "the" institution\nover two lines' in names
    assert "'=SUM(A1:A9)" in names  # text, never a formula
    assert "Consortium é ü 中文" in names
    edited = [r for r in rows[1:] if r[3] == "mooc-platform" and r[6] == "effort"]
    assert edited[0][11:13] == ["3", "yes"] and edited[0][10] == "HIGH"


def test_the_csv_rows_carry_weights_labels_numbers_and_fit():
    doc = Document()
    doc.apply(doc.set_weight(BM, "costs", 10))
    rows = framework_rows(doc, BM)
    col = {h: i for i, h in enumerate(rows[0])}
    best = rows[1]
    assert best[col["Rank"]] == "1" and best[col["Option"]] == "Institutional business unit"
    assert float(best[col["Fit (%)"]]) == pytest.approx(doc.ranking(BM).results[0].fit, abs=1e-4)
    costs = next(r for r in rows[1:] if r[col["Criterion id"]] == "costs")
    assert costs[col["Weight"]] == "10" and costs[col["Direction"]] == "cost"
    horizon = next(r for r in rows[1:] if r[col["Criterion id"]] == "horizon")
    assert horizon[col["Target"]] == "2" and horizon[col["Rating"]] == "H2/H3"
    assert horizon[col["Rating value"]] == "2.5"
    ties = [r for r in rows[1:] if r[col["Tied"]] == "yes"]
    assert ties and all(not r[col["Rank"]].startswith("=") for r in rows[1:])


# -- notes ----------------------------------------------------------------------------------------


def test_notes_are_an_undoable_edit_that_merges_per_burst_and_is_saved(tmp_path):
    doc = Document()
    first = set_notes(doc, BM, "We", burst=1)
    doc.apply(first)
    second = set_notes(doc, BM, "We agreed", burst=1)
    assert first.merge_key == second.merge_key
    assert set_notes(doc, BM, "We agreed", burst=2).merge_key != first.merge_key
    merged = first.merged(second)
    doc.apply(second)
    assert doc.settings(BM).notes == "We agreed"
    doc.revert(merged)
    assert doc.settings(BM).notes == ""
    doc.apply(set_notes(doc, BM, "Line one\r\nline two"))
    path = tmp_path / "n.json"
    save_scenario(path, doc.scenario)
    assert load_scenario(path)[0].frameworks[BM].notes == "Line one\nline two"


def test_notes_past_the_limit_are_refused_and_change_nothing():
    doc = Document()
    with pytest.raises(ScenarioError, match="notes are limited"):
        set_notes(doc, BM, "x" * (MAX_NOTES + 1))
    assert doc.settings(BM).notes == ""


def test_a_version_1_file_opens_with_empty_notes(tmp_path):
    data = json.loads(default_scenario().model_dump_json())
    data["schema_version"] = 1
    for key in ("participants", "group", "snapshots"):
        data.pop(key, None)
    for fw in data["frameworks"].values():
        fw.pop("notes", None)
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(data))
    scenario, _ = load_scenario(path)
    assert all(s.notes == "" for s in scenario.frameworks.values())


# -- the report's content -----------------------------------------------------------------------


def _blocks(report, kind):
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def test_the_report_follows_the_five_key_questions_and_cites_every_source():
    report = build_report(Document(), "Away day", "2025-03-14")
    numbered = [s for s in report.sections if s.number is not None]
    assert [s.id for s in numbered] == ["positioning", "leadership", "structures",
                                        "business-models", "risks"]
    assert all(s.answer for s in numbered)
    kinds = {(c.framework_id, c.kind) for c in report.charts()}
    assert {(ECO, "map"), (BM, "ranking"), (BM, "radar"), ("structures", "horizons"),
            ("structures", "balance")} <= kinds
    assert all(c.reading.endswith(".") and len(c.reading) > 20 for c in report.charts())
    where = {(c.framework_id, c.kind, s.id) for s in numbered for c in s.blocks
             if isinstance(c, ChartRef)}
    assert {(fid, question) for fid, _kind, question in where} == {
        (ECO, "positioning"), ("structures", "structures"), (BM, "business-models"),
        ("leadership-risks", "leadership"), ("leadership-risks", "risks")}
    # The register draws its own charts under its questions, never a ranking or radar.
    assert ("leadership-risks", "culture", "leadership") in where
    assert ("leadership-risks", "heatmap", "risks") in where
    assert not any(fid == "leadership-risks" and kind in ("ranking", "radar")
                   for fid, kind, _ in where)
    assert len(report.references) == len(references())
    assert any("https://doi.org/10.5334/jime.801" in r for r in report.references)
    readings = [p.text for p in _blocks(report, Paragraph) if p.text.startswith("How sure")]
    assert len(readings) == 3


def test_readings_follow_the_scenario():
    doc = Document()
    for c in doc.framework(BM).criteria:
        doc.apply(doc.set_weight(BM, c.id, 0))
    doc.apply(doc.set_weight(BM, "speed-to-market", 100))
    report = build_report(doc, "s", "2025-03-14")
    ranking = next(c for c in report.charts() if (c.framework_id, c.kind) == (BM, "ranking"))
    top = doc.ranking(BM).results
    leaders = [r.name for r in top if r.rank == 1]
    assert all(name in ranking.reading for name in leaders)
    assert "share first place" in ranking.reading


def test_participants_and_notes_appear_in_the_report():
    doc = Document()
    edit = room_edits.add_participant(doc, "Ana", "Finance")
    doc.apply(edit)
    doc.apply(room_edits.add_participant(doc, "Ben", "Faculty"))
    ana = room_edits.added_participant_id(edit)
    doc.apply(room_edits.set_participant_weight(doc, ana, BM, "costs", 100))
    doc.apply(set_notes(doc, BM, "Revisit after the budget round."))
    doc.scenario.notes = "Held on 14 March."
    report = build_report(doc, "s", "2025-03-14")
    assert report.notes == "Held on 14 March."
    opening = [b for b in report.opening if isinstance(b, Table)]
    assert opening and [r[0] for r in opening[0].rows] == ["Ana", "Ben"]
    groups = [t for t in _blocks(report, Table) if t.header[0] == "Participant"]
    assert len(groups) == len([fw for fw in doc.frameworks.values() if fw.criteria])
    assert any(r[0].startswith("The group") for r in groups[0].rows)
    notes = _blocks(report, Notes)
    assert [n.text for n in notes] == ["Revisit after the budget round."]


def test_a_feature_plugs_a_section_in_and_an_unplaced_framework_comes_last():
    added = Paragraph("From a plugged-in feature.")
    report_model.contribute_question("leadership", lambda doc: [added])
    try:
        fw = builtin_frameworks()[BM].model_copy(deep=True)
        fw.id, fw.title, fw.key_question = "partners", "Delivery partners", None
        s = default_scenario()
        s.definitions = [fw]
        report = build_report(Document(s), "s", "2025-03-14")
    finally:
        report_model._question["leadership"].remove(report_model._question["leadership"][-1])
    leadership = next(s for s in report.sections if s.id == "leadership")
    assert added in leadership.blocks
    assert report.sections[-1].id == report_model.OTHER
    assert report.sections[-1].question == "Delivery partners"
