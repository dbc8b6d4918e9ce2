"""Every number and citation in the built-in frameworks and lenses stands up to a reader who
checks: sources name references (resources/references.json), never seed files; every authored
rationale has a source or says it is our reading; every number in a text is listed, with its
source and scope, in citation_numbers.json beside this test, and appears only in one of the
phrases listed there (so "72% of publications" cannot lose "reporting business models")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcexplorer.core import references as refs
from mcexplorer.core.resources import resources_dir

ALLOW_LIST = Path(__file__).with_name("citation_numbers.json")

TEXT_KEYS = {"title", "name", "short_name", "description", "example", "strengths",
             "weaknesses", "rationale", "source_note", "left", "right", "top", "bottom"}
"""Keys whose values users read as prose; numbers in them must be on the allow-list."""

SEED = re.compile(r"\bseeds?\b|\bseed[\s_-]*\d+", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def resource_files() -> list[Path]:
    root = resources_dir()
    return sorted((root / "frameworks").glob("*.json")) + [root / "lenses.json"]


def load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def strings(node: object, where: str = "") -> Iterator[tuple[str, str, str]]:
    """(place, key, text) for every string value under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            place = f"{where}.{key}" if where else str(key)
            if isinstance(value, str):
                yield place, str(key), value
            else:
                yield from strings(value, place)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("id", i) if isinstance(value, dict) else i
            yield from strings(value, f"{where}[{label}]")


def rating_objects(data: dict) -> Iterator[tuple[str, dict]]:
    for opt in data.get("options", []):
        for cid, rating in opt.get("ratings", {}).items():
            if isinstance(rating, dict):
                yield f"options[{opt['id']}].ratings.{cid}", rating


@pytest.fixture(scope="module")
def reference_list() -> list[refs.Reference]:
    return refs.references()


@pytest.fixture(scope="module")
def allow_list() -> list[dict]:
    return load(ALLOW_LIST)["numbers"]


def test_the_reference_list_is_complete_and_unambiguous(reference_list):
    shorts = [r.short for r in reference_list]
    for needed in ("Brown, McGreal & Peters 2023", "Brown et al. 2020", "Brown et al. 2021",
                   "HolonIQ 2021a", "HolonIQ 2021b", "Camilleri 2021", "Cirlan & Loukkola 2020",
                   "Evans 2021", "CourseLoop n.d.", "Baghai, Coley & White 2000",
                   "Presant 2020", "FutureLearn course"):
        assert needed in shorts, needed
    for r in reference_list:
        assert r.title and r.authors and r.year and r.note, r.id
        # No short form may be read as another one ("HolonIQ 2021a" is not "HolonIQ 2021b").
        assert refs.reference_of(r.short, reference_list) is r, r.short


def test_no_text_names_a_seed_file():
    found = [f"{path.name}: {place}: {text[:80]!r}" for path in resource_files()
             for place, _, text in strings(load(path)) if SEED.search(text)]
    assert not found, "name the reference, not the seed file:\n" + "\n".join(found)


def test_every_source_names_references(reference_list):
    bad = []
    for path in resource_files():
        for place, key, text in strings(load(path)):
            if key != "source":
                continue
            if not text.strip():
                bad.append(f"{path.name}: {place}: empty source")
                continue
            loose = refs.unresolved_parts(text, reference_list)
            if loose:
                bad.append(f"{path.name}: {place}: not a reference: {loose}")
            elif not any(refs.reference_of(p, reference_list) for p in refs.split_source(text)):
                bad.append(f"{path.name}: {place}: cites no reference: {text!r}")
    assert not bad, "\n".join(bad)


def test_every_authored_rationale_has_a_source_or_says_our_reading():
    bad = []
    for path in sorted((resources_dir() / "frameworks").glob("*.json")):
        data = load(path)
        authored = data.get("provenance") == "authored-default"
        for place, rating in rating_objects(data):
            rationale = rating.get("rationale", "").strip()
            if authored and not rationale:
                bad.append(f"{path.name}: {place}: an authored rating without a rationale")
            if rationale and not rating.get("source", "").strip() \
                    and refs.OUR_READING not in rationale.lower():
                bad.append(f"{path.name}: {place}: no source and not marked 'our reading'")
        if authored:
            for opt in data["options"]:
                for cid, rating in opt["ratings"].items():
                    if not isinstance(rating, dict):
                        bad.append(f"{path.name}: options[{opt['id']}].ratings.{cid}: "
                                   "an authored rating needs a rationale and a source")
    assert not bad, "\n".join(bad)


def test_literature_shares_are_listed_and_cite_brown_et_al_2021(allow_list):
    """A share shown beside a criterion ("63% of literature") is on the allow-list for that
    very field, with its scope, and the criterion's source names Brown et al. 2021."""
    fields = {(e["number"], f) for e in allow_list for f in e.get("fields", [])}
    for path in sorted((resources_dir() / "frameworks").glob("*.json")):
        for c in load(path)["criteria"]:
            share = c.get("literature_share")
            if share is None:
                continue
            place = f"{path.name}: criteria[{c['id']}].literature_share"
            assert (f"{share:g}", place) in fields, place
            cited = [r.short for r in refs.cited(c.get("source", ""))]
            assert "Brown et al. 2021" in cited, (place, c.get("source"))


def _without_citations(text: str, reference_list) -> str:
    """The text with citations ("Evans 2021", "Brown et al. (2021)") blanked out, so years in
    references are not read as figures."""
    for r in reference_list:
        m = re.match(r"^(.*?)\s*((?:\d{4}[a-z]?)|n\.d\.)$", r.short)
        if m is None:
            continue
        who, year = re.escape(m.group(1)), re.escape(m.group(2))
        pattern = rf"{who}\s*\(?{year}\)?" if m.group(1) else year
        text = re.sub(pattern, lambda x: " " * len(x.group(0)), text)
    return text


def number_problems(text: str, allow_list: list[dict], reference_list) -> list[str]:
    """Numbers in text that no allow-list phrase around them accounts for."""
    plain = _without_citations(text, reference_list)
    covered: set[tuple[int, int]] = set()
    for entry in allow_list:
        for phrase in entry["phrases"]:
            for m in re.finditer(re.escape(phrase), plain):
                for n in NUMBER.finditer(phrase):
                    if n.group(0) == entry["number"]:
                        covered.add((m.start() + n.start(), m.start() + n.end()))
    problems = []
    for n in NUMBER.finditer(plain):
        if (n.start(), n.end()) not in covered:
            problems.append(f"{n.group(0)!r} in ...{plain[max(0, n.start() - 40):n.end() + 40]}...")
    return problems


def test_every_number_in_a_text_is_listed_with_its_source_and_scope(allow_list, reference_list):
    bad = []
    for path in resource_files():
        for place, key, text in strings(load(path)):
            if key in TEXT_KEYS:
                bad += [f"{path.name}: {place}: {p}"
                        for p in number_problems(text, allow_list, reference_list)]
    assert not bad, ("numbers not on tests/core/citation_numbers.json (or outside its phrases):\n"
                     + "\n".join(bad))


def test_the_allow_list_gives_each_number_a_source_scope_and_use(allow_list, reference_list):
    texts = [_without_citations(text, reference_list) for path in resource_files()
             for _, key, text in strings(load(path)) if key in TEXT_KEYS]
    for entry in allow_list:
        number = entry["number"]
        assert entry["scope"].strip() and entry["source"].strip(), number
        assert not refs.unresolved_parts(entry["source"], reference_list), entry["source"]
        assert entry["phrases"] or entry.get("fields"), number
        for phrase in entry["phrases"]:
            assert number in [n.group(0) for n in NUMBER.finditer(phrase)], (number, phrase)
            assert any(phrase in t for t in texts), f"unused phrase for {number}: {phrase!r}"
    shown = {(f"{c['literature_share']:g}", f"{path.name}: criteria[{c['id']}].literature_share")
             for path in sorted((resources_dir() / "frameworks").glob("*.json"))
             for c in load(path)["criteria"] if c.get("literature_share") is not None}
    for entry in allow_list:
        for place in entry.get("fields", []):
            assert (entry["number"], place) in shown, f"no such field value: {place}"


def test_the_checks_catch_the_old_mistakes(allow_list, reference_list):
    """The number check reads scope: a listed number in a shorter phrase is refused."""
    assert number_problems("72% of publications adopt it.", allow_list, reference_list)
    assert number_problems("the US$117bn estimate", allow_list, reference_list)
    assert number_problems("some 220 million MOOC learners across 950 universities since 2011",
                           allow_list, reference_list)
    assert refs.unresolved_parts("seed 003, overview", reference_list)
    assert SEED.search("seed 000, Table 2") and SEED.search("the seed says")
    assert not number_problems("Evans 2021 and Brown et al. (2021) say so.", allow_list,
                               reference_list)


def test_a_source_string_resolves_to_its_references_in_order(reference_list):
    source = ("Cirlan & Loukkola 2020 (diagram reproduced there; FutureLearn course), landscape; "
              "Evans 2021, Overview; Evans 2021, Infrastructures; our reading: the placement")
    assert refs.split_source(source) == [
        "Cirlan & Loukkola 2020 (diagram reproduced there; FutureLearn course), landscape",
        "Evans 2021, Overview", "Evans 2021, Infrastructures", "our reading: the placement"]
    assert [r.short for r in refs.cited(source)] == ["Cirlan & Loukkola 2020", "Evans 2021"]
    assert refs.unresolved_parts(source, reference_list) == []
    # A short form must end where the reference's name ends: "Evans 20210" is not Evans 2021.
    assert refs.unresolved_parts("Evans 20210, Overview", reference_list)
    assert refs.reference_of("HolonIQ 2021b, scenarios",
                             reference_list).id == "holoniq-2021-scenarios"
    assert all(r.full().startswith(f"{r.authors} ({r.year}). {r.title}") for r in reference_list)
