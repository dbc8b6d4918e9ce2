"""The export, csv and report verbs, run as a planner would (in this process, as a separate
one would run: tests/cli_inprocess.py): exit 0 with the files, exit 2 with one line on bad
input."""

from __future__ import annotations

import codecs
import csv
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_inprocess import run_cli

pytestmark = pytest.mark.slow
SVG = "{http://www.w3.org/2000/svg}"


def run(*args, timeout=300) -> subprocess.CompletedProcess:
    return run_cli(*args)


@pytest.fixture
def workshop(tmp_path) -> Path:
    path = tmp_path / "away-day.json"
    assert run("new", path).returncode == 0
    return path


def refused(result, *words) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_export_svg_with_captions(workshop, tmp_path):
    out = tmp_path / "svg"
    result = run("export", workshop, "--out", out, "--format", "svg", "--caption",
                 "--width", "1200")
    assert result.returncode == 0, result.stderr
    files = sorted(out.iterdir())
    assert len(files) >= 9 and all(p.name.startswith("away-day-") for p in files)
    assert {p.suffix for p in files} == {".svg"}
    for path in files:
        texts = " ".join("".join(t.itertext())
                         for t in ET.parse(path).getroot().iter(f"{SVG}text"))
        assert "away-day" in texts and "Weights:" in texts, path.name


def test_csv_writes_one_table_per_framework(workshop, tmp_path):
    result = run("csv", workshop, "--out", tmp_path / "data")
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "data").glob("*.csv"))
    assert [p.name for p in files] == ["away-day-business-models.csv",
                                       "away-day-credential-ecology.csv",
                                       "away-day-risk-register.csv",
                                       "away-day-structures.csv"]
    register = files.pop(2)
    with register.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[:3] == ["Rank", "Category", "Risk"]
    for path in files:
        assert path.read_bytes().startswith(codecs.BOM_UTF8)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:3] == ["Rank", "Tied", "Option"] and len(rows) > 10


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo) not installed")
def test_report_pdf_on_letter_and_html(workshop, tmp_path):
    pdf = tmp_path / "board.pdf"
    result = run("report", workshop, "--out", pdf, "--paper", "letter")
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split(":")[1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    assert f"({pages} pages)" in result.stdout
    assert "612 x 792" in info
    html = tmp_path / "board.html"
    assert run("report", workshop, "--out", html).returncode == 0
    assert html.read_text(encoding="utf-8").count('src="data:image/png;base64,') >= 9


def test_bad_arguments_are_one_line_and_exit_2(workshop, tmp_path):
    refused(run("report", workshop, "--out", tmp_path / "r.txt"), ".pdf or .html")
    refused(run("report", workshop, "--out", tmp_path / "missing" / "r.pdf"), "no such folder")
    refused(run("report", workshop, "--out", tmp_path / "r.pdf", "--paper", "a5"), "a5")
    refused(run("export", workshop, "--out", tmp_path, "--format", "gif"), "gif")
    refused(run("csv", tmp_path / "nope.json", "--out", tmp_path), "nope.json")
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    refused(run("csv", workshop, "--out", afile), "not a folder")
