"""Our own words (issue 23, point 15): no run of 12 or more words is shared between the text a
user can see and the sources in ``../shared/seeds/``.

User-visible text is every string in resources/ (frameworks, lenses, the leadership-and-risks
content, the references), README.md, docs/*.md and every string literal in mcexplorer/
(collected with ast, docstrings included). Case, punctuation and white space do not count:
both sides are reduced to lower-case runs of letters and digits ("Micro-credentials," and
"micro credentials" are the same two words).

One kind of match is allowed: a reference's own bibliographic entry (authors, year, title,
venue, address, as ``Reference.full()`` writes it from resources/references.json), because
a reference list has to give a title exactly. Nothing else is exempt: a phrase of a source is
either quoted in fewer than 12 words or put in our words.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcexplorer.core.references import references

RUN = 12
"""The shortest shared run of words that counts as copied."""
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
"""The sources, beside the clone (in CI the shared folder sits next to the repository)."""


def words(text: str) -> list[str]:
    """Lower-case words: apostrophes dropped ("HEI's" -> "heis"), every other mark a break."""
    text = text.lower().replace("\u2019", "").replace("\u2018", "").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def grams(seq: list[str], n: int = RUN) -> Iterator[tuple[str, ...]]:
    for i in range(len(seq) - n + 1):
        yield tuple(seq[i:i + n])


def shared_runs(text: str, source: dict[tuple[str, ...], str]) -> list[tuple[str, str]]:
    """The maximal runs of ``RUN`` or more words of ``text`` that a source also has, as
    (source file, the run's words)."""
    w = words(text)
    runs, i = [], 0
    while i <= len(w) - RUN:
        first = tuple(w[i:i + RUN])
        if first not in source:
            i += 1
            continue
        j = i + RUN
        while j < len(w) and tuple(w[j - RUN + 1:j + 1]) in source:
            j += 1
        runs.append((source[first], " ".join(w[i:j])))
        i = j
    return runs


def json_strings(node: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from json_strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("id", i) if isinstance(value, dict) else i
            yield from json_strings(value, f"{where}[{label}]")


def python_strings(path: Path) -> Iterator[tuple[str, str]]:
    """Every string constant (an f-string's literal parts one by one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def visible_texts(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    for path in sorted((root / "resources").rglob("*.json")):
        yield from json_strings(json.loads(path.read_text(encoding="utf-8")),
                                str(path.relative_to(root)))
    for path in [root / "README.md", *sorted((root / "docs").rglob("*.md"))]:
        yield str(path.relative_to(root)), path.read_text(encoding="utf-8")
    for path in sorted((root / "mcexplorer").rglob("*.py")):
        yield from python_strings(path)


@pytest.fixture(scope="module")
def source() -> dict[tuple[str, ...], str]:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"the sources are not beside the clone ({SEEDS} is missing)")
    out: dict[tuple[str, ...], str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for gram in grams(words(path.read_text(encoding="utf-8"))):
            out.setdefault(gram, path.name)
    return out


@pytest.fixture(scope="module")
def bibliography() -> set[tuple[str, ...]]:
    """Every 12-word run of a reference's entry as the reference list prints it."""
    out: set[tuple[str, ...]] = set()
    for ref in references():
        out.update(grams(words(ref.full())))
    return out


def test_the_check_finds_a_copied_sentence_and_ignores_case_and_marks(source):
    copied = ("Micro-credentials have been part of government responses to foster a "
              "job-rich recovery from the COVID-19 crisis")
    found = shared_runs(copied.upper().replace(" ", "  \n"), source)
    assert found and len(found[0][1].split()) >= RUN
    assert shared_runs("A sentence of our own, about micro-credentials and degrees, that no "
                       "source in the folder contains word for word at all.", source) == []


def test_no_user_visible_text_copies_12_words_from_a_source(source, bibliography):
    copied = []
    for where, text in visible_texts():
        for seed, run in shared_runs(text, source):
            if all(g in bibliography for g in grams(run.split())):
                continue  # a reference's own title, venue or address
            copied.append(f"{where}: {len(run.split())} words shared with {seed}: {run!r}")
    assert not copied, "Put these in our own words:\n" + "\n".join(copied)
