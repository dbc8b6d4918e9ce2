"""Turning the bytes of a CSV file into rows of cells: encoding, delimiter, size.

Encodings, tried in this order: a byte-order mark (UTF-8 or UTF-16, as Excel's "CSV UTF-8"
and "Unicode text" write them), then UTF-8, then Windows-1252 (Excel's plain "CSV" on Windows
in Western Europe and the Americas), then Latin-1, which reads any bytes. The delimiter is a
comma, a semicolon or a tab: csv.Sniffer's guess is checked against the first row, which must
begin with the cell ``option``; when the guess fails that check the delimiter that makes it
pass (with the most columns) is used. No Qt here.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import MAX_FILE_BYTES
from mcexplorer.core.safe_files import read_capped

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
HEADER_WORDS = ("option", "options")
"""What the first cell of the first row says (any case)."""
_SNIFF_CHARS = 64 * 1024
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


@dataclass
class CsvText:
    """A CSV file read into rows. ``rows[i]`` is spreadsheet row ``i + 1``, cells stripped."""

    rows: list[list[str]]
    encoding: str
    """How the bytes were decoded, in words: 'UTF-8 with BOM', 'Windows-1252', ..."""
    delimiter: str
    source: str | None
    """The file's name for messages, or None."""


def read_source(src: str | os.PathLike[str] | bytes, name: str | None = None
                ) -> tuple[bytes, str | None]:
    """The raw bytes of a CSV (a path or bytes held in memory) and the name for messages."""
    if isinstance(src, (bytes, bytearray, memoryview)):
        raw = bytes(src)
        if len(raw) > MAX_FILE_BYTES:
            raise ScenarioError(f"is {len(raw) / 1048576:.1f} MiB; files are limited to "
                                f"{MAX_FILE_BYTES // 1048576} MiB", file=name)
        return raw, name
    path = Path(src)
    label = name or str(path)
    try:  # a regular file only, opened without blocking (a FIFO named *.csv would hang open)
        raw = read_capped(path, MAX_FILE_BYTES, what="CSV file")
    except ScenarioError as exc:
        if exc.file == str(path) and label != str(path):
            raise ScenarioError(exc.problem, file=label) from None
        raise
    return raw, label


def decode(raw: bytes, source: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding used, in words."""
    if raw.startswith(_WORKBOOKS):
        raise ScenarioError("is a spreadsheet workbook, not CSV text: in the spreadsheet choose "
                            "Save As and the format 'CSV UTF-8'", file=source)
    for bom, codec, label in ((codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
                              (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
                              (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec), label
            except UnicodeDecodeError as exc:
                raise ScenarioError(f"is marked as {label} but byte {exc.start + len(bom) + 1} "
                                    "is not valid there", file=source) from None
    zero = raw.find(b"\x00")
    if zero >= 0:
        raise ScenarioError(f"holds binary data, not CSV text (byte {zero + 1} is zero)",
                            file=source)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def split_rows(text: str, delimiter: str, source: str | None = None) -> list[list[str]]:
    """Every record of the text as stripped cells; a blank line is an empty row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        doublequote=True, strict=False)
    rows: list[list[str]] = []
    try:
        for record in reader:
            rows.append([cell.strip() for cell in record])
    except csv.Error as exc:
        raise ScenarioError(f"cannot be read as CSV ({exc})", file=source,
                            field=f"row {len(rows) + 1}") from None
    return rows


def choose_delimiter(text: str) -> str:
    """Comma, semicolon or tab: csv.Sniffer's guess if the first row then starts with
    ``option``; else the delimiter that makes it so with the most columns; else the guess."""
    sample = text[:_SNIFF_CHARS]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    order = ([sniffed] if sniffed else []) + [d for d in DELIMITERS if d != sniffed]
    best: tuple[int, str] | None = None
    for delimiter in order:
        header = _first_row(sample, delimiter)
        # The first cell must be the header word itself: "option<TAB>" split on semicolons
        # is not a header cell, even though stripping would make it one.
        first = _first_row(sample, delimiter, strip=" ")
        if header and first and first[0].lower() in HEADER_WORDS and len(header) >= 2:
            width = len(header)
            if best is None or width > best[0]:
                best = (width, delimiter)
    if best is not None:
        return best[1]
    if sniffed:
        return sniffed
    counts = {d: sample.split("\n", 1)[0].count(d) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d]) if max(counts.values()) else ","


def _first_row(sample: str, delimiter: str, strip: str | None = None) -> list[str]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            cells = [c.strip(strip) for c in record]
            if any(cells):
                while cells and not cells[-1]:
                    cells.pop()
                return cells
    except csv.Error:
        return []
    return []


def read_csv(src: str | os.PathLike[str] | bytes, name: str | None = None) -> CsvText:
    """Read a CSV file (a path, or bytes with ``name`` for messages) into rows of cells."""
    raw, source = read_source(src, name)
    text, encoding = decode(raw, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = choose_delimiter(text)
    return CsvText(split_rows(text, delimiter, source), encoding, delimiter, source)
