"""Frameworks imported from CSV: they score like the same framework typed by hand, any size
from 1 x 1 to 200 x 40 works, Excel's encodings and delimiters are read, and every malformed
file is refused with the row and column named."""

from __future__ import annotations

import codecs
import re

import pytest
from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.frameworks import framework_csv, framework_from_csv, import_csv
from mcexplorer.core.frameworks.cells import column_letter, make_id
from mcexplorer.core.frameworks.csv_import import ROLE_ROWS
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.scoring import score

TABLE = """option,Effort,Horizon,Risk,Impact,Cost per learner
direction,cost,target,cost,benefit,cost
scale,LOW|MED|HIGH,H1|H2|H3,LOW|MED|HIGH,1-5,0-1000
target,,H2,,,
weight,50,80,20,100,10
Sole institution,MED,H1,LOW,2,300
Business unit,MED,H2/H3,MED,4.5,550
Peer consortium,HIGH,H2/H3,MED,4,120
MOOC led,LOW/MED,H2,HIGH,3,80
"""


def by_hand() -> Framework:
    """The framework TABLE describes, typed as a framework file would hold it."""
    lmh = {"LOW": 1, "MED": 2, "HIGH": 3}
    return Framework.model_validate({
        "id": "by-hand", "title": "By hand",
        "criteria": [
            {"id": "effort", "name": "Effort", "direction": "cost", "scale": [1, 3],
             "levels": lmh},
            {"id": "horizon", "name": "Horizon", "direction": "target", "scale": [1, 3],
             "levels": {"H1": 1, "H2": 2, "H3": 3}, "default_target": 2, "default_weight": 80},
            {"id": "risk", "name": "Risk", "direction": "cost", "scale": [1, 3], "levels": lmh,
             "default_weight": 20},
            {"id": "impact", "name": "Impact", "direction": "benefit", "scale": [1, 5],
             "default_weight": 100},
            {"id": "cost-per-learner", "name": "Cost per learner", "direction": "cost",
             "scale": [0, 1000], "default_weight": 10}],
        "options": [
            {"id": "sole-institution", "name": "Sole institution", "ratings": {
                "effort": "MED", "horizon": "H1", "risk": "LOW", "impact": 2,
                "cost-per-learner": 300}},
            {"id": "business-unit", "name": "Business unit", "ratings": {
                "effort": "MED", "horizon": "H2/H3", "risk": "MED", "impact": 4.5,
                "cost-per-learner": 550}},
            {"id": "peer-consortium", "name": "Peer consortium", "ratings": {
                "effort": "HIGH", "horizon": "H2/H3", "risk": "MED", "impact": 4,
                "cost-per-learner": 120}},
            {"id": "mooc-led", "name": "MOOC led", "ratings": {
                "effort": "LOW/MED", "horizon": "H2", "risk": "HIGH", "impact": 3,
                "cost-per-learner": 80}}]})


def fits(fw, weights=None, targets=None):
    return [(r.option, r.fit, r.rank) for r in score(fw, weights or {}, targets).results]


def assert_same_scores(a: Framework, b: Framework, weights=None, targets=None):
    ra, rb = score(a, weights or {}, targets).results, score(b, weights or {}, targets).results
    assert [r.option for r in ra] == [r.option for r in rb]
    assert [r.rank for r in ra] == [r.rank for r in rb]
    assert [r.fit for r in ra] == pytest.approx([r.fit for r in rb])


# -- imported scores like typed by hand -------------------------------------------------------


@pytest.mark.parametrize("weights, targets", [
    ({}, None),
    ({"effort": 100, "horizon": 0, "risk": 0, "impact": 0, "cost-per-learner": 0}, None),
    ({"impact": 0, "risk": 90}, {"horizon": 3}),
    ({"horizon": 100, "effort": 0, "risk": 0, "impact": 0, "cost-per-learner": 0},
     {"horizon": 1}),
])
def test_csv_framework_scores_like_the_same_framework_typed_by_hand(weights, targets):
    imported = framework_from_csv(TABLE.encode(), name="table.csv")
    assert_same_scores(imported, by_hand(), weights, targets)
    assert imported.criterion("risk").default_weight == 20
    assert imported.option("mooc-led").ratings["effort"].value == 1.5
    assert imported.option("mooc-led").ratings["effort"].label == "LOW/MED"


def test_default_weights_and_targets_come_from_their_rows_and_change_the_ranking():
    with_rows = framework_from_csv(TABLE.encode())
    plain = framework_from_csv(TABLE.replace("weight,50,80,20,100,10\n", "")
                               .replace("target,,H2,,,\n", "target,,H3,,,\n").encode())
    assert [c.default_weight for c in plain.criteria] == [50.0] * 5
    assert plain.criterion("horizon").default_target == 3
    assert fits(with_rows) != fits(plain)


@pytest.mark.parametrize("fid", ["business-models", "credential-ecology", "structures"])
def test_built_in_frameworks_survive_a_trip_through_csv(fid):
    original = builtin_frameworks()[fid]
    again = framework_from_csv(framework_csv(original).encode(), name=f"{fid}.csv")
    assert [c.name for c in again.criteria] == [c.name for c in original.criteria]
    for a, b in zip(original.options, again.options):
        assert a.name == b.name
        assert [r.value for r in a.ratings.values()] == [r.value for r in b.ratings.values()]
    ra, rb = score(original, {}).results, score(again, {}).results
    assert [r.name for r in ra] == [r.name for r in rb]
    assert [r.fit for r in ra] == pytest.approx([r.fit for r in rb])


# -- sizes --------------------------------------------------------------------------------------


def test_one_option_on_one_criterion():
    fw = framework_from_csv(b"option,Quality\nOnly one,4\n")
    assert fw.criterion("quality").scale == (1.0, 5.0)
    [result] = score(fw, {}).results
    assert result.option == "only-one" and result.fit == pytest.approx(75.0)


def test_200_options_by_40_criteria():
    names = [f"Criterion {i}" for i in range(40)]
    lines = ["option," + ",".join(names),
             "direction," + ",".join(("benefit", "cost", "target")[i % 3] for i in range(40)),
             "scale," + ",".join(["1-5"] * 40)]
    lines += [f"Option {j}," + ",".join(str(1 + (i * j) % 5) for i in range(40))
              for j in range(200)]
    result = import_csv("\n".join(lines).encode(), name="big.csv")
    fw = result.framework
    assert (len(fw.options), len(fw.criteria)) == (200, 40)
    assert fw.criterion("criterion-2").default_target == 3  # the midpoint, and it says so
    assert any("Criterion 2: no target given" in note for note in result.notes)
    ranking = score(fw, {"criterion-0": 100})
    assert len(ranking.results) == 200 and ranking.results[0].fit >= ranking.results[-1].fit


def test_scale_is_assumed_from_the_values_when_none_is_given_and_the_import_says_so():
    result = import_csv(b"option,A,B,C,D\nx,0.5,3,7,40\ny,1,1,2,0\n")
    scales = [c.scale for c in result.framework.criteria]
    assert scales == [(0, 1), (1, 3), (1, 7), (0, 100)]
    assert "A: no scale given; 0-1 assumed from its values" in result.notes


def test_limits_are_the_framework_models():
    too_wide = "option," + ",".join(f"c{i}" for i in range(501)) + "\nx," + ",".join(
        ["1"] * 501)
    with pytest.raises(ScenarioError, match=r"row 1, column SH: 501 criteria; .* at most 500"):
        framework_from_csv(too_wide.encode())
    too_long = "option,A\n" + "".join(f"o{j},1\n" for j in range(5001))
    with pytest.raises(ScenarioError, match=r"row 5002, column A: 5001 options; .* at most 5000"):
        framework_from_csv(too_long.encode())


# -- encodings and delimiters -------------------------------------------------------------------

ACCENTED = "option;Qualité;Coût (€)\ndirection;benefit;cost\nscale;1-5;0-10\nÉcole;4;2,5\n"


@pytest.mark.parametrize("raw, encoding", [
    (ACCENTED.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), "UTF-8 with BOM"),
    (ACCENTED.replace("\n", "\r\n").encode("cp1252"), "Windows-1252"),
    (codecs.BOM_UTF16_LE + ACCENTED.replace(";", "\t").encode("utf-16-le"),
     "UTF-16 (little-endian)"),
])
def test_excel_encodings_are_detected_and_named(raw, encoding):
    result = import_csv(raw, name="accents.csv")
    assert result.encoding == encoding
    fw = result.framework
    assert [c.name for c in fw.criteria] == ["Qualité", "Coût (€)"]
    assert [c.id for c in fw.criteria] == ["qualite", "cout"]
    assert fw.options[0].name == "École" and fw.options[0].id == "ecole"
    assert fw.options[0].ratings["cout"].value == 2.5  # the decimal comma of a ';' file


def test_bytes_that_are_not_windows_1252_fall_back_to_latin_1():
    result = import_csv("option,Qualit\x81\nx,1\n".encode("latin-1"))
    assert result.encoding == "Latin-1" and result.framework.criteria[0].name == "Qualit\x81"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_detected(delimiter):
    text = TABLE.replace(",", delimiter)
    result = import_csv(text.encode())
    assert result.delimiter == delimiter
    assert_same_scores(result.framework, by_hand())


def test_quoted_names_with_delimiters_inside_and_a_semicolon_file_with_commas_in_names():
    quoted = 'option,"Cost, total",Risk\n"Consortium, regional",2,3\n'
    fw = framework_from_csv(quoted.encode())
    assert [c.name for c in fw.criteria] == ["Cost, total", "Risk"]
    assert fw.options[0].name == "Consortium, regional"
    semicolons = "option;Cost, total;Risk, overall\nA, B;2,5;3\nC;1;2\n"
    result = import_csv(semicolons.encode())
    assert result.delimiter == ";"
    assert [c.name for c in result.framework.criteria] == ["Cost, total", "Risk, overall"]
    assert result.framework.options[0].ratings["cost-total"].value == 2.5


def test_blank_rows_trailing_empty_cells_and_any_case_are_accepted():
    text = ("\nOPTION,Effort,Risk,,\r\nDirection,Cost,COST,,\r\n\r\n"
            "Scale,1 - 5,low|med|high,,\r\nA,2,Low/Med,,\r\n,,,,\r\nB,5,high,,\r\n")
    fw = framework_from_csv(text.encode())
    assert [c.direction for c in fw.criteria] == ["cost", "cost"]
    assert fw.option("a").ratings["risk"].value == 1.5
    assert fw.option("a").ratings["risk"].label == "low/med"  # spelled as the scale row does
    assert fw.option("b").ratings["risk"].label == "high"


# -- malformed files: refused with the row and column named ------------------------------------

GOOD = "option,Effort,Risk\ndirection,cost,cost\nscale,1-5,LOW|MED|HIGH\nMOOC,2,LOW\n"


@pytest.mark.parametrize("text, expected", [
    ("Name,Effort\nA,1\n", "row 1, column A: the first row must start with 'option'"),
    ("\n\nName,Effort\nA,1\n", "row 3, column A: the first row must start with 'option'"),
    ("option\nA\n", "row 1, column B: no criteria"),
    ("option,Effort,,Risk\nA,1,,2\n", "row 1, column C: a criterion needs a name"),
    (GOOD.replace("cost,cost", "cost,costly"),
     "row 2, column C (Risk): unknown direction 'costly' (use benefit, cost or target)"),
    (GOOD + "Peer,3\n", "row 5: has 2 cells but row 1 has 3: a ragged row (column C onwards"),
    (GOOD + "Peer,3,LOW,HIGH\n", "row 5, column D: a value beyond the last criterion"),
    (GOOD + "Peer,high,LOW\n", "row 5, column B (Effort): 'high' is not a number"),
    (GOOD + "Peer,3,HGH\n",
     "row 5, column C (Risk): 'HGH' is neither a level of the scale (LOW, MED, HIGH) nor a number"),
    ("option,Effort\nA,LOW\n", "row 2, column B (Effort): 'LOW' is not a number (to rate with "
                               "labels, list the levels"),
    (GOOD + "Peer,,LOW\n", "row 5, column B (Effort): empty: every option needs a rating"),
    (GOOD + "Peer,7,LOW\n", "row 5, column B (Effort): 7 lies outside the scale 1-5"),
    (GOOD + "Peer,3,4\n", "row 5, column C (Risk): 4 lies outside the scale 1-3"),
    (GOOD.replace("1-5", "5-1"), "row 3, column B (Effort): scale '5-1' must run from low to high"),
    (GOOD.replace("1-5", "one to five"), "row 3, column B (Effort): 'one to five' is not a scale"),
    (GOOD.replace("LOW|MED|HIGH", "LOW|MED|low"),
     "row 3, column C (Risk): level 'low' appears twice"),
    (GOOD.replace("LOW|MED|HIGH", "LOW|LOW/MED"), "row 3, column C (Risk): level 'LOW/MED' "
                                                  "contains '/'"),
    (GOOD.replace("LOW|MED|HIGH", "LOW|"), "row 3, column C (Risk): scale 'LOW|' has an empty"),
    (GOOD + "mooc,3,LOW\n", "row 5, column A (mooc): the same name as row 4"),
    (GOOD + "MOOC!,3,LOW\n", "row 5, column A (MOOC!): gives the same id 'mooc' as row 4 (MOOC)"),
    ("option,Effort,effort\nA,1,1\n", "row 1, column C (effort): the same name as column B"),
    ("option,Cost ($),Cost (€)\nA,1,1\n",
     "row 1, column C (Cost (€)): gives the same id 'cost' as column B (Cost ($)); rename one"),
    (GOOD + "direction,cost,cost\n", "row 5, column A: a second 'direction' row (the first is "
                                     "row 2)"),
    (GOOD + GOOD, "row 5, column A: a second 'option' row (the first is row 1)"),
    (GOOD + "target,,MED\n", "row 5, column C (Risk): only a target criterion takes a target"),
    (GOOD + "weight,50,120\n", "row 5, column C (Risk): weight 120 lies outside 0-100"),
    (GOOD + "weight,lots,50\n", "row 5, column B (Effort): 'lots' is not a number"),
    (GOOD + ",3,LOW\n", "row 5, column A: an option needs a name"),
    ("option,Effort\nA,1\nB,5000\n", "row 3, column B (Effort): values run from 1 to 5000, "
                                     "beyond every common scale"),
    ("option,Effort\ndirection,cost\nscale,1-5\n", "no options"),
    ("", "the file is empty"),
    ("\r\n ,  ,\r\n\r\n", "the file is empty"),
    ("option,Effort\nA,nan\n", "row 2, column B (Effort): 'nan' is not a number"),
    ("option,Effort\nA,\"2,5\"\n", "row 2, column B (Effort): '2,5' is not a number"),
])
def test_malformed_csv_is_refused_naming_file_row_and_column(text, expected):
    with pytest.raises(ScenarioError) as caught:
        framework_from_csv(text.encode("utf-8"), name="plan.csv")
    message = str(caught.value)
    assert message.startswith("plan.csv: ")
    assert expected in message
    assert "\n" not in message


def test_files_that_are_not_csv_text_are_refused(tmp_path):
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(ScenarioError, match=r"plan\.xlsx: is a spreadsheet workbook.*CSV UTF-8"):
        framework_from_csv(workbook)
    with pytest.raises(ScenarioError, match="binary data"):
        framework_from_csv(b"option,A\x00\n")
    with pytest.raises(ScenarioError, match="no such file"):
        framework_from_csv(tmp_path / "missing.csv")
    with pytest.raises(ScenarioError, match="marked as UTF-8 with BOM but byte 6"):
        framework_from_csv(codecs.BOM_UTF8 + b"op\xfftion,A\n")


def test_title_and_id_come_from_the_file_name_unless_given(tmp_path):
    path = tmp_path / "Our options_2025.csv"
    path.write_text(GOOD, encoding="utf-8")
    fw = framework_from_csv(path)
    assert (fw.id, fw.title) == ("our-options-2025", "Our options 2025")
    assert fw.source == "Imported from Our options_2025.csv"
    fw = framework_from_csv(path, framework_id="mine", title="Mine")
    assert (fw.id, fw.title) == ("mine", "Mine")


# -- ids ----------------------------------------------------------------------------------------


def test_ids_are_made_from_names():
    assert make_id("Speed to market", "c") == "speed-to-market"
    assert make_id("  Coût (€) / Straße ", "c") == "cout-strasse"
    assert make_id("x" * 100, "c") == "x" * 64
    assert make_id("a" * 63 + " b", "c") == "a" * 63
    assert make_id("品質", "criterion") == make_id("品質", "criterion") != make_id("価格",
                                                                               "criterion")
    assert re.fullmatch(r"criterion-[0-9a-f]{8}", make_id("品質", "criterion"))
    assert [column_letter(i) for i in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


# -- round trip, any small framework ------------------------------------------------------------

_NAME = st.text(alphabet="abcXYZ éß019-&,;\"'", min_size=1, max_size=12).map(str.strip) \
    .filter(lambda s: bool(s) and s.lower() not in {*ROLE_ROWS, "option", "options"})
_LEVELS = st.lists(st.text(alphabet="LMHVXO", min_size=1, max_size=4), min_size=2, max_size=5,
                   unique_by=str.upper)


@st.composite
def small_frameworks(draw):
    names = draw(st.lists(_NAME, min_size=1, max_size=4, unique_by=lambda n: make_id(n, "c")))
    criteria = []
    for name in names:
        direction = draw(st.sampled_from(["benefit", "cost", "target"]))
        if draw(st.booleans()):
            labels = draw(_LEVELS)
            lo, hi, levels = 1.0, float(len(labels)), {x: float(i) for i, x in
                                                       enumerate(labels, 1)}
            values = st.sampled_from([i / 2 for i in range(2, 2 * len(labels) + 1)])
        else:
            lo = float(draw(st.integers(-5, 5)))
            hi = lo + draw(st.integers(1, 100))
            levels = {}
            values = st.floats(lo, hi, allow_nan=False) | st.integers(int(lo), int(hi))
        c = {"id": make_id(name, "c"), "name": name, "direction": direction, "scale": [lo, hi],
             "levels": levels, "default_weight": draw(st.integers(0, 100) | st.floats(0, 100))}
        if direction == "target":
            c["default_target"] = draw(values)
        criteria.append((c, values))
    option_names = draw(st.lists(_NAME, min_size=1, max_size=5,
                                 unique_by=lambda n: make_id(n, "o")))
    options = [{"id": make_id(n, "o"), "name": n,
                "ratings": {c["id"]: draw(values) for c, values in criteria}}
               for n in option_names]
    return Framework.model_validate({"id": "random", "title": "Random", "options": options,
                                     "criteria": [c for c, _ in criteria]})


@settings(max_examples=examples(60), deadline=None)
@given(fw=small_frameworks(), delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_any_small_framework_survives_csv_in_any_encoding_and_delimiter(fw, delimiter, encoding):
    raw = framework_csv(fw, delimiter=delimiter).encode(encoding)
    again = framework_from_csv(raw, name="random.csv")
    for a, b in zip(fw.criteria, again.criteria, strict=True):
        assert (a.name, a.direction, a.scale, a.levels) == (b.name, b.direction, b.scale, b.levels)
        assert (a.default_weight, a.default_target) == (b.default_weight, b.default_target)
    for a, b in zip(fw.options, again.options, strict=True):
        assert a.name == b.name
        assert [r.value for r in a.ratings.values()] == [r.value for r in b.ratings.values()]
    assert [r.fit for r in score(fw, {}).results] == \
        pytest.approx([r.fit for r in score(again, {}).results])


@given(st.text(max_size=80))
def test_every_name_gives_a_valid_id(name):
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", make_id(name, "criterion"))
