"""The framework verbs, run as a user would: import-framework, validate on framework files,
schema --framework. Exit 0 with one line, or 2 with one line naming file and problem."""

from __future__ import annotations

import json

import pytest
from test_cli import assert_refused, run

from mcexplorer.core.frameworks import framework_from_json
from mcexplorer.core.models import SCHEMA_VERSION

CSV = ("option;Effort;Horizon;Impact\r\ndirection;cost;target;benefit\r\n"
       "scale;LOW|MED|HIGH;H1|H2|H3;0-10\r\nMOOC;LOW/MED;H2;7,5\r\n"
       "Consortium régional;HIGH;H3;9\r\n")

pytestmark = pytest.mark.slow


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "our_choices.csv"
    path.write_bytes(CSV.encode("cp1252"))
    return path


def test_import_framework_writes_a_framework_file_and_says_how_it_read_the_csv(csv_file,
                                                                               tmp_path):
    out = tmp_path / "ours.json"
    result = run("import-framework", csv_file, "--out", out, "--id", "ours", "--title", "Ours")
    assert result.returncode == 0, result.stderr
    line, = result.stdout.strip().splitlines()
    assert "framework 'Ours' (id ours; 3 criteria, 2 options)" in line
    assert "semicolon-separated" in line and "midpoint 2 is the default target" in line
    fw = framework_from_json(out)
    assert fw.option("mooc").ratings["impact"].value == 7.5 and fw.provenance == "user"
    assert_refused(run("import-framework", csv_file, "--out", out), str(out), "already exists")
    assert run("import-framework", csv_file, "--out", out, "--force").returncode == 0


def test_import_framework_refuses_a_malformed_csv_naming_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("option,Reach\ndirection,sideways\nAlpha,1\n")
    out = tmp_path / "out.json"
    assert_refused(run("import-framework", bad, "--out", out), str(bad),
                   "row 2, column B (Reach)", "unknown direction")
    assert not out.exists()
    assert_refused(run("import-framework", bad), "--out")


def test_validate_reads_framework_files_and_keeps_the_scenario_wording(csv_file, tmp_path):
    out = tmp_path / "ours.json"
    assert run("import-framework", csv_file, "--out", out).returncode == 0
    result = run("validate", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}: valid framework 'our choices' (id our-choices; " \
                                    "3 criteria, 2 options)"
    result = run("validate", csv_file)
    assert result.returncode == 0 and "Windows-1252" in result.stdout
    scenario = tmp_path / "s.json"
    assert run("new", scenario).returncode == 0
    assert run("validate", scenario).stdout.startswith(
        f"{scenario}: valid (schema version {SCHEMA_VERSION};")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"id": "x", "title": "X", "criteria": [], "options": []}))
    assert_refused(run("validate", broken), str(broken), "at least one criterion")


def test_schema_framework_prints_the_framework_file_schema():
    result = run("schema", "--framework")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert {"criteria", "options", "provenance"} <= set(schema["properties"])
    assert "user" in json.dumps(schema["properties"]["provenance"])
    assert "schema_version" in json.loads(run("schema").stdout)["properties"]
