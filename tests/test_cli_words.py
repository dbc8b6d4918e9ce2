"""What ``score`` and ``csv`` say (issue 23): with no weight variation the verdict never
speaks of weightings, and with every weight at zero every option shares first place."""

from __future__ import annotations

import csv
import json

from test_cli import new_file, run  # noqa: F401 - the CLI helpers and fixture

from mcexplorer.core.document import Document
from mcexplorer.core.io import save_scenario

BM = "business-models"


def frameworks(result) -> dict:
    assert result.returncode == 0, result.stderr
    return {f["id"]: f for f in json.loads(result.stdout)["frameworks"]}


def test_score_with_jitter_0_does_not_speak_of_weightings(new_file):
    bm = frameworks(run("score", new_file, "--json", "--jitter", "0"))[BM]
    assert "weighting" not in bm["verdict"]
    assert "of draws of the ranged ratings, weights as set" in bm["verdict"]
    default = frameworks(run("score", new_file, "--json"))[BM]
    assert "of draws of weights and ranged ratings" in default["verdict"]
    text = run("score", new_file, "--jitter", "0").stdout
    assert "weights as set" in text and "\u00b10%" not in text


def test_all_weights_zero_rank_every_option_first_in_json_and_csv(tmp_path):
    doc = Document()
    doc.settings(BM).weights.update({c.id: 0.0 for c in doc.framework(BM).criteria})
    path = tmp_path / "zero.json"
    save_scenario(path, doc.scenario)
    bm = frameworks(run("score", path, "--json"))[BM]
    assert {r["rank"] for r in bm["ranking"]} == {1}
    assert all(r["fit"] is None for r in bm["ranking"])
    out = tmp_path / "csv"
    assert run("csv", path, "--out", out).returncode == 0, "csv failed"
    rows = list(csv.reader((out / f"zero-{BM}.csv").read_text(encoding="utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    rank, tied = header.index("Rank"), header.index("Tied")
    assert {r[rank] for r in body} == {"1"} and {r[tied] for r in body} == {"yes"}
