"""Reading what people type into the plan B fields, and saying in words what to fix.

"£250,000", "250 000", "USD 250,000.50" are amounts; "80%" a threshold; "31/07/2026",
"31.07.2026", "31 July 2026", "Jul 31, 2026" and "2026-07-31" dates. A date written with
slashes or dots is read day first unless the locale writes the month first (en_US), and a
date that can be read only one way (31/07/2026) is read that way whatever the locale.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QLocale

CURRENCY = re.compile(r"[£$€¥₹]|\b(?:GBP|USD|EUR|AUD|NZD|CAD|INR|JPY)\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
WORD_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%B %d, %Y", "%b %d, %Y",
                "%d %B, %Y", "%d %b, %Y")

ADVICE = {
    "income_target": "Income target: type an amount, such as 250000, 250,000 or £250,000",
    "recruitment_target": "Recruitment target: type a whole number of learners, such as 400",
    "review_date": "Review date: type a date, such as 31/07/2026 or 2026-07-31, or pick one "
                   "with the calendar button",
    "threshold_pct": "Threshold: type a percentage from 0 to 100, such as 80",
}


def month_first(locale: QLocale | None = None) -> bool:
    """Whether the locale writes a short date month first (as en_US does)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat).lower()
    m, d = fmt.find("m"), fmt.find("d")
    return 0 <= m < d


def read_date(text: str, locale: QLocale | None = None) -> str:
    """``text`` as an ISO date (YYYY-MM-DD) when it reads as one, else unchanged (the core
    refuses it)."""
    text = " ".join(text.split())
    if not text:
        return text
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    found = NUMERIC_DATE.match(text)
    if found:
        a, b, year = (int(g) for g in found.groups())
        readings = []
        for day, month in ((b, a), (a, b)) if month_first(locale) else ((a, b), (b, a)):
            try:
                readings.append(dt.date(year, month, day))
            except ValueError:
                continue
        return readings[0].isoformat() if readings else text
    for fmt in WORD_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def read_number(text: str) -> str:
    """A number as typed, without currency symbols or codes, thousands separators, spaces or a
    trailing % sign ("£250,000" -> "250000")."""
    text = CURRENCY.sub("", text.strip())
    return text.replace(",", "").replace("\u00a0", "").replace(" ", "").rstrip("%")


def read_field(field: str, text: str) -> str:
    return read_date(text) if field == "review_date" else read_number(text)


def advice(field: str, typed: str, problem: str = "") -> str:
    """What to fix, in words: the field, what it takes, and what was typed."""
    shown = typed if len(typed) <= 40 else typed[:39] + "\u2026"
    tail = f" (\u201c{shown}\u201d {problem})" if problem else f" (not \u201c{shown}\u201d)"
    return ADVICE[field] + tail + "."
