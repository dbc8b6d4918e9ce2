"""The references the built-in frameworks and lenses cite (resources/references.json).

A *source string* in a framework or lens file is a list of parts separated by "; " (a "; "
inside parentheses does not split). Each part starts with the short form of a reference,
followed by the end of the part, a comma, a space and a parenthesis, or a colon:

    "Brown, McGreal & Peters 2023, Considering internal structures; Evans 2021, Benefits"

or with "our reading", where the tool rather than a source is speaking. ``cited`` resolves a
source string to its references; ``unresolved_parts`` lists the parts that resolve to none,
so the Help window and the citation test read sources the same way.

No Qt here.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from .base import LongText, ShortText, StrictModel
from .errors import ScenarioError
from .paths import resources_dir
from .resources import load_resource

REFERENCES_FILE = "references.json"

OUR_READING = "our reading"


class Reference(StrictModel):
    id: ShortText = Field(min_length=1)
    short: ShortText = Field(min_length=1)
    """How the app cites it, e.g. "Brown, McGreal & Peters 2023"."""
    authors: ShortText = Field(min_length=1)
    year: ShortText = Field(min_length=1)
    title: LongText = Field(min_length=1)
    venue: LongText = ""
    url: LongText = ""
    note: LongText = ""
    """How the app cites it: read directly, or through which other source."""

    def full(self) -> str:
        """One line for a reference list: authors, year, title, venue and address."""
        text = f"{self.authors} ({self.year}). {self.title}."
        if self.venue:
            text += f" {self.venue}."
        if self.url:
            text += f" {self.url}"
        return text


class ReferenceLibrary(StrictModel):
    about: LongText = ""
    references: list[Reference] = Field(min_length=1, max_length=500)


@cache
def library() -> ReferenceLibrary:
    """resources/references.json, validated (a broken file is refused naming file and field)."""
    lib = load_resource(REFERENCES_FILE, ReferenceLibrary)
    path = resources_dir() / REFERENCES_FILE
    for what in ("id", "short"):
        seen: set[str] = set()
        for ref in lib.references:
            key = getattr(ref, what)
            if key in seen:
                raise ScenarioError(f"{what} {key!r} appears twice", file=str(path),
                                    field="references")
            seen.add(key)
    return lib


def references() -> list[Reference]:
    return list(library().references)


def split_source(source: str) -> list[str]:
    """The parts of a source string: split at "; " outside parentheses, stripped."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in source:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _starts_with(part: str, short: str) -> bool:
    if not part.startswith(short):
        return False
    rest = part[len(short):]
    return rest == "" or rest[0] in ",:" or rest.startswith(" (")


def reference_of(part: str, refs: list[Reference] | None = None) -> Reference | None:
    """The reference a source part starts with, or None."""
    for ref in refs if refs is not None else references():
        if _starts_with(part, ref.short):
            return ref
    return None


def is_our_reading(part: str) -> bool:
    return part.lower().startswith(OUR_READING)


def unresolved_parts(source: str, refs: list[Reference] | None = None) -> list[str]:
    """Parts of a source string that start with neither a reference nor 'our reading'."""
    return [p for p in split_source(source)
            if not is_our_reading(p) and reference_of(p, refs) is None]


def cited(source: str) -> list[Reference]:
    """The references a source string cites, in order, each once."""
    found: list[Reference] = []
    for part in split_source(source):
        ref = reference_of(part)
        if ref is not None and ref not in found:
            found.append(ref)
    return found
