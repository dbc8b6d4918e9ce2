"""The developer docs name files and tests that exist: README.md, CONTRIBUTING.md and docs/."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
NAMED = re.compile(r"`((?:mcexplorer/|tests/|core/|qt/|cli/|server/)[\w/.-]*\.(?:py|json|md))"
                   r"(?:::(\w+))?`")


def _where(name: str) -> Path:
    path = ROOT / name
    return path if name.startswith(("mcexplorer/", "tests/")) else ROOT / "mcexplorer" / name


def test_every_file_and_test_named_in_the_docs_exists():
    missing = []
    for doc in DOCS:
        for m in NAMED.finditer(doc.read_text("utf-8")):
            path = _where(m[1])
            if not path.exists():
                missing.append(f"{doc.name}: {m[0]}")
            elif m[2] and not re.search(rf"^\s*(async )?def {m[2]}\(", path.read_text("utf-8"),
                                        re.M):
                missing.append(f"{doc.name}: {m[0]} (no such test)")
    assert not missing, "\n".join(missing)


def test_the_guide_names_every_tab():
    guide = (ROOT / "docs" / "guide.md").read_text("utf-8").lower()
    assert "three frameworks" not in guide
    for tab in ("business models", "credential ecology", "internal structures",
                "leadership and risks", "how sure", "the room"):
        assert tab in guide, tab


def test_readme_layout_names_every_package():
    text = (ROOT / "README.md").read_text("utf-8")
    layout = text[text.index("## Layout"):text.index("## Sources")]
    unnamed = [str(p.parent.relative_to(ROOT)) for p in sorted((ROOT / "mcexplorer").rglob(
        "__init__.py")) if f"{p.parent.name}/" not in layout]
    assert not unnamed, f"README's Layout does not name: {unnamed}"
