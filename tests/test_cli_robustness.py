"""``score``'s robustness flags and keys, and the ``sensitivity`` verb (issue 14), run as a
user would: a separate process, exit codes, output."""

from __future__ import annotations

import json

import pytest
from test_cli import assert_refused, new_file, run  # noqa: F401 - the CLI helpers and fixture

from mcexplorer.core.document import Document
from mcexplorer.core.robustness import robustness_report, sensitivity_report

BM = "business-models"




def frameworks(result) -> dict:
    assert result.returncode == 0, result.stderr
    return {f["id"]: f for f in json.loads(result.stdout)["frameworks"]}


def test_score_json_carries_stability_and_acceptability(new_file):
    bm = frameworks(run("score", new_file, "--json"))[BM]
    assert bm["stability"]["risk"] == {"low": 0.0, "high": 75.0, "below": None,
                                       "above": "mooc-platform", "low_open": False}
    a = bm["acceptability"]
    assert set(a) == {"draws", "seed", "jitter", "shares", "ranks", "rating_ranges"}
    assert (a["draws"], a["seed"], a["jitter"], a["rating_ranges"]) == (10_000, 0, 20.0, True)
    assert sum(a["shares"].values()) == pytest.approx(1.0)
    assert all(len(r) == 8 and sum(r) == pytest.approx(1.0) for r in a["ranks"].values())
    assert max(a["shares"], key=a["shares"].get) == "business-unit"
    assert bm["verdict"].startswith("Institutional business unit stays first for 72%")
    # The same as the core's report for the same settings.
    doc = Document()
    s = doc.settings(BM)
    expected = robustness_report(doc.framework(BM), s.weights, s.targets, s.rating_overrides)
    assert {"stability": bm["stability"], "acceptability": bm["acceptability"]} == \
        json.loads(json.dumps(expected))


def test_score_draw_flags_set_the_acceptability(new_file):
    args = ("score", new_file, "--json", "--draws", "3000", "--seed", "7", "--jitter", "0",
            "--fixed-ratings")
    bm = frameworks(run(*args))[BM]
    a = bm["acceptability"]
    assert (a["draws"], a["seed"], a["jitter"], a["rating_ranges"]) == (3000, 7, 0.0, False)
    # No jitter and fixed ratings: the deterministic leader wins every draw.
    assert a["shares"]["business-unit"] == 1.0
    assert frameworks(run(*args))[BM]["acceptability"] == a  # seeded: reproducible
    uniform = frameworks(run("score", new_file, "--json", "--no-preferences"))[BM]
    assert uniform["acceptability"]["jitter"] is None
    assert "of all weightings" in uniform["verdict"]


def test_score_text_says_how_sure(new_file):
    out = run("score", new_file, "--seed", "3").stdout
    assert "how sure: Institutional business unit stays first for" in out
    assert "(10,000 draws, weights \u00b120%, seed 3, ranged ratings drawn)" in out


@pytest.mark.parametrize("args,needle", [
    (("--draws", "-5"), "--draws: -5 is out of range"),
    (("--draws", "0"), "--draws: 0 is out of range"),
    (("--draws", "many"), "'many' is not a whole number"),
    (("--seed", "-1"), "--seed: -1 is out of range"),
    (("--jitter", "-3"), "--jitter: -3 is out of range"),
    (("--jitter", "nan"), "'nan' is not a finite number"),
])
def test_bad_draw_values_exit_2_with_one_line(new_file, args, needle):
    assert_refused(run("score", new_file, *args), needle)


def test_sensitivity_prints_the_sweep_and_where_first_place_changes(new_file):
    result = run("sensitivity", new_file, "--framework", BM, "--criterion", "risk")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{BM}: fit as the weight of risk goes from 0 to 100 (now 50)")
    rows = [line for line in out.splitlines() if line[:6].strip().isdigit()]
    assert len(rows) == 101 and rows[0].split()[0] == "0" and rows[-1].split()[0] == "100"
    assert "Institutional business unit stays first from 0 to 75" in out
    assert "at 75.00 (70.6%): MOOC led overtakes Institutional business unit" in out


def test_sensitivity_json_matches_the_core(new_file):
    result = run("sensitivity", new_file, "--framework", BM, "--criterion", "effort",
                 "--weight", f"{BM}:risk=80", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report.pop("weighting") == "the scenario's weights"  # --weighting's default
    doc = Document()
    doc.apply(doc.set_weight(BM, "risk", 80))
    s = doc.settings(BM)
    expected = sensitivity_report(doc.framework(BM), s.weights, s.targets, s.rating_overrides,
                                  "effort")
    assert report == json.loads(json.dumps(expected))
    assert report["weights"] == list(range(101))
    assert all(len(v) == 101 for v in report["fits"].values())


@pytest.mark.parametrize("args,needle", [
    (("--framework", "astrology", "--criterion", "risk"), "unknown framework 'astrology'"),
    (("--framework", BM, "--criterion", "luck"), "unknown criterion 'luck'"),
    (("--framework", BM), "required: --criterion"),
    (("--framework", BM, "--criterion", "risk", "--weight", f"{BM}:risk=300"), "outside"),
])
def test_sensitivity_refuses_bad_values_with_one_line(new_file, args, needle):
    assert_refused(run("sensitivity", new_file, *args), needle)
