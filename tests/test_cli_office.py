"""The office outputs, run as a planner would (subprocess): ``mcexplorer report FILE --out
NAME.pptx|.docx`` and ``mcexplorer workbook FILE --out NAME.xlsx``, each with ``--weighting``;
read back with python-pptx, python-docx and openpyxl, and the workbook recalculated by
LibreOffice headless, compared with ``score --json`` on the same weights."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from docx import Document as WordDocument
from PIL import Image as PILImage
from pptx import Presentation

from mcexplorer.core.document import Document
from mcexplorer.core.io import save_scenario
from mcexplorer.core.leadership_risks.content import content as lr_content
from mcexplorer.core.outputs.deck import chart_values
from mcexplorer.core.outputs.workbook import FIRST_COL, ROW_TARGET, ROW_WEIGHT, build_workbook
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.weighting import GROUP, weights

pytestmark = pytest.mark.slow
BM = "business-models"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    not SOFFICE, reason="LibreOffice is not installed (apt install libreoffice-calc-nogui "
                        "libreoffice-impress-nogui libreoffice-writer-nogui)")


def run(*args, timeout=300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "mcexplorer", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


def refused(result, *words) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def workshop(tmp_path) -> Path:
    """A scenario with two people who disagree on costs and effort, so the group's weights
    differ from the scenario's own (every weight 50)."""
    doc = Document()
    ana = room_edits.add_participant(doc, "Ana", "CFO")
    doc.apply(ana)
    ben = room_edits.add_participant(doc, "Ben", "Faculty")
    doc.apply(ben)
    a, b = room_edits.added_participant_id(ana), room_edits.added_participant_id(ben)
    for pid, crit, value in ((a, "costs", 100), (a, "effort", 90), (b, "costs", 80),
                             (b, "speed-to-market", 0), (a, "speed-to-market", 10),
                             (b, "effort", 70)):
        doc.apply(room_edits.set_participant_weight(doc, pid, BM, crit, value))
    path = tmp_path / "away-day.json"
    save_scenario(path, doc.scenario)
    return path


def score(path: Path, *weights: str) -> dict[str, dict[str, float]]:
    """``score --json``: framework id -> option name -> fit, with ``--weight`` overrides."""
    args = ["score", path, "--json", "--draws", "100"]
    for w in weights:
        args += ["--weight", w]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    out = {}
    for fw in json.loads(result.stdout)["frameworks"]:
        if fw.get("ranking"):
            out[fw["id"]] = {r["name"]: r["fit"] for r in fw["ranking"]}
    return out


def group_overrides(path: Path) -> list[str]:
    """The group's weights as ``--weight`` options: the app on the same weights."""
    from mcexplorer.core.validation import load_scenario

    doc = Document(load_scenario(path)[0])
    return [f"{fid}:{cid}={value!r}" for fid, fw in doc.frameworks.items() if fw.criteria
            for cid, value in weights(doc, fid, GROUP).items()]


# -- deck ------------------------------------------------------------------------------------


def test_the_deck_holds_native_charts_with_the_numbers_of_score(workshop, tmp_path):
    out = tmp_path / "deck.pptx"
    result = run("report", workshop, "--out", out, "--weighting", "group")
    assert result.returncode == 0, result.stderr
    expected = score(workshop, *group_overrides(workshop))
    assert expected[BM] != score(workshop)[BM]  # the group's weighting is not the scenario's
    charts = chart_values(out)
    rankings = {title: dict(zip(cats, series["Fit (%)"])) for title, cats, series in charts
                if "Fit (%)" in series}
    assert len(rankings) == len(expected)
    for fid, fits in expected.items():
        title = next(t for t in rankings if t.startswith(Document().framework(fid).title))
        assert rankings[title].keys() == fits.keys()
        for name, fit in fits.items():
            assert rankings[title][name] == pytest.approx(fit, abs=0.01), (fid, name)
    radars = [c for c in charts if "profile" in c[0]]
    assert radars and all("weights" in series for _, _, series in radars)
    room = [c for c in charts if "room" in c[0]]
    assert room and {"Ana", "Ben", "Group (median)"} <= set(room[0][2])
    texts = [shape.text_frame.text for slide in Presentation(str(out)).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert any("the group's median of 2 participants" in t for t in texts)
    assert any("How sure:" in t for t in texts)
    tables = [shape.table for slide in Presentation(str(out)).slides for shape in slide.shapes
              if shape.has_table]
    heads = [tuple(c.text for c in t.rows[0].cells) for t in tables]
    assert ("Role", "Who") in heads and any(h[:2] == ("Category", "Risk") for h in heads)


def test_a_house_template_gives_every_slide_its_first_layout(workshop, tmp_path):
    house = Presentation()
    house.slide_layouts[0].name = "House layout"
    house.slides.add_slide(house.slide_layouts[1])  # a slide of the template's own: dropped
    template = tmp_path / "house.pptx"
    house.save(str(template))
    out = tmp_path / "deck.pptx"
    result = run("report", workshop, "--out", out, "--template", template)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(out))
    assert len(deck.slides) > 10
    assert {s.slide_layout.name for s in deck.slides} == {"House layout"}
    assert deck.slide_width == house.slide_width


def test_bad_outputs_and_weightings_are_one_line(workshop, tmp_path):
    refused(run("report", workshop, "--out", tmp_path / "r.txt"), "--out", ".pptx")
    refused(run("report", workshop, "--out", tmp_path / "r.pptx", "--weighting", "Zoe"),
            "--weighting", "Ana")
    refused(run("report", workshop, "--out", tmp_path / "r.docx", "--template",
                tmp_path / "none.pptx"), "--template")
    refused(run("workbook", workshop, "--out", tmp_path / "w.csv"), "--out", ".xlsx")
    assert not list(tmp_path.glob("r.*")) and not list(tmp_path.glob("w.*"))


# -- board paper -----------------------------------------------------------------------------


def test_the_board_paper_has_the_five_questions_as_headings_and_real_tables(workshop, tmp_path):
    out = tmp_path / "paper.docx"
    result = run("report", workshop, "--out", out, "--weighting", "Ana")
    assert result.returncode == 0, result.stderr
    word = WordDocument(str(out))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]
    questions = [q.question for q in lr_content().key_questions]
    assert len(questions) == 5
    for number, question in enumerate(questions, start=1):
        assert f"{number}. {question}" in headings
    assert "Sources" in headings
    weights_tables = [t for t in word.tables if t.rows[0].cells[0].text == "Criterion"]
    assert len(weights_tables) == 3
    bm = weights_tables[-1]  # business models: the fourth question, after the others
    costs = next(r for r in bm.rows if r.cells[0].text == "Costs")
    assert costs.cells[2].text == "100"  # Ana's weight, not the scenario's 50
    rankings = [t for t in word.tables if [c.text for c in t.rows[0].cells] ==
                ["Rank", "Option", "Fit"]]
    assert len(rankings) == 3
    assert any("Ana's weights" in p.text for p in word.paragraphs)
    pictures = word.inline_shapes
    assert len(pictures) >= 8
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Figure ") for c in captions) == len(pictures)
    # 300 dpi: each image is shown 16 cm wide and holds 1890 pixels across, dpi written in it.
    images = [part.blob for part in word.part.package.iter_parts()
              if part.content_type == "image/png"]
    assert len(images) >= 8
    for blob in images:
        image = PILImage.open(io.BytesIO(blob))
        assert image.size[0] == 1890
        assert round(image.info["dpi"][0]) == 300
    assert all(round(s.width / 360000, 1) == 16.0 for s in pictures)


# -- workbook --------------------------------------------------------------------------------


def recalculated(path: Path, tmp_path: Path) -> openpyxl.Workbook:
    """The workbook after LibreOffice has opened, recalculated and saved it."""
    out = tmp_path / "recalc"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    return openpyxl.load_workbook(out / path.name, data_only=True)


def fits_in(book: openpyxl.Workbook, where: dict) -> dict[str, dict[str, float]]:
    out = {}
    for fid, (sheet, cells) in where.items():
        ws = book[sheet]
        names = {}
        for cell in cells.values():
            ref = cell.replace("$", "")
            row = ws[ref].row
            names[ws.cell(row=row, column=1).value] = ws[ref].value
        out[fid] = names
    return out


@needs_soffice
def test_the_workbook_recalculated_by_libreoffice_gives_the_apps_fits(workshop, tmp_path):
    out = tmp_path / "book.xlsx"
    result = run("workbook", workshop, "--out", out, "--weighting", "group")
    assert result.returncode == 0, result.stderr
    formulas = openpyxl.load_workbook(out)
    from mcexplorer.core.validation import load_scenario

    doc = Document(load_scenario(workshop)[0])
    _, where = build_workbook(doc, GROUP)
    sheet, cells = where[BM]
    first = next(iter(cells.values())).replace("$", "")
    assert str(formulas[sheet][first].value).startswith("=IF(SUM(")  # a live formula
    assert "SUMPRODUCT" in formulas[sheet][first].value
    expected = score(workshop, *group_overrides(workshop))
    got = fits_in(recalculated(out, tmp_path), where)
    for fid, fits in expected.items():
        for name, fit in fits.items():
            assert got[fid][name] == pytest.approx(fit, abs=0.01), (fid, name)
    assert {"Room", "Risk register", "Sources"} <= set(formulas.sheetnames)


@needs_soffice
def test_a_weight_or_target_changed_in_the_workbook_re_ranks_as_the_app_does(workshop,
                                                                             tmp_path):
    out = tmp_path / "book.xlsx"
    assert run("workbook", workshop, "--out", out).returncode == 0
    from mcexplorer.core.validation import load_scenario

    doc = Document(load_scenario(workshop)[0])
    _, where = build_workbook(doc)
    sheet, _ = where[BM]
    book = openpyxl.load_workbook(out)
    ws = book[sheet]
    fw = doc.framework(BM)
    columns = {c.id: FIRST_COL + j for j, c in enumerate(fw.criteria)}
    ws.cell(row=ROW_WEIGHT, column=columns["costs"], value=95)
    ws.cell(row=ROW_WEIGHT, column=columns["autonomy"], value=5)
    ws.cell(row=ROW_TARGET, column=columns["horizon"], value=3)
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    expected = score(workshop, f"{BM}:costs=95", f"{BM}:autonomy=5")
    # The target too: the app on the same target.
    result = run("score", workshop, "--json", "--draws", "100", "--weight", f"{BM}:costs=95",
                 "--weight", f"{BM}:autonomy=5", "--target", f"{BM}:horizon=3")
    app = {r["name"]: r["fit"] for fw_ in json.loads(result.stdout)["frameworks"]
           if fw_["id"] == BM for r in fw_["ranking"]}
    assert app != expected[BM]  # the target matters
    again = recalculated(edited, tmp_path)
    got = fits_in(again, where)[BM]
    for name, fit in app.items():
        assert got[name] == pytest.approx(fit, abs=0.01), name
    # The rank column follows: the app's best option is ranked 1 in the workbook.
    best = max(app, key=app.get)
    rows = {again[sheet].cell(row=r, column=1).value: again[sheet].cell(row=r, column=len(
        columns) + FIRST_COL + 1).value for r in range(1, again[sheet].max_row + 1)}
    assert rows[best] == 1


# -- printed -------------------------------------------------------------------------------


@needs_soffice
@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_the_deck_and_the_paper_print_through_libreoffice_with_no_blank_page(workshop,
                                                                             tmp_path):
    from PIL import ImageStat

    for name, least in (("deck.pptx", 12), ("paper.docx", 8)):
        out = tmp_path / name
        assert run("report", workshop, "--out", out).returncode == 0
        profile = (tmp_path / "lo-profile").as_uri()
        result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                                 "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                                 str(out)], capture_output=True, text=True, timeout=240)
        assert result.returncode == 0, result.stderr
        pdf = tmp_path / "pdf" / out.with_suffix(".pdf").name
        pages = tmp_path / name.replace(".", "-")
        pages.mkdir()
        subprocess.run(["pdftoppm", "-r", "20", "-gray", "-png", str(pdf), str(pages / "p")],
                       check=True, timeout=120)
        images = sorted(pages.glob("p-*.png"))
        assert len(images) >= least, name
        for page in images:
            ink = ImageStat.Stat(PILImage.open(page).convert("L")).mean[0]
            assert ink < 254.5, f"{name}: {page.name} is blank"
