"""Plan B takes what people type: currency signs and thousands separators, dates in the
locale's order or from a calendar; a refusal keeps the text and says in words what to fix
(issue 25, point 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from mcexplorer.qt.leadership_risks.plan_b_input import read_date, read_number

FID = "leadership-risks"


@pytest.fixture
def window(open_window):
    w = open_window(FID)
    pages = w.framework_tabs[FID].pages
    pages.setCurrentIndex(pages.count() - 1)  # plan B
    return w


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.wait(1)


def test_plan_b_accepts_a_pound_amount_and_a_day_first_date(window, qtbot):
    income = window.findChild(QLineEdit, "plan-b:income_target")
    date = window.findChild(QLineEdit, "plan-b:review_date")
    _type(qtbot, income, "£250,000")
    _type(qtbot, date, "31/07/2026")
    plan_b = window.document.scenario.risks.plan_b
    assert plan_b.income_target == 250_000
    assert plan_b.review_date == dt.date(2026, 7, 31)
    assert not window.findChild(QLabel, "plan-b:problem").isVisible()
    sentence = window.findChild(QLabel, "plan-b:sentence").text()
    assert "31 July 2026" in sentence and "250,000" in sentence


def test_a_refused_amount_keeps_its_text_and_says_what_to_fix(window, qtbot):
    income = window.findChild(QLineEdit, "plan-b:income_target")
    before = window.document.scenario.risks.plan_b.model_dump()
    _type(qtbot, income, "about a quarter million")
    income.clearFocus()
    window.framework_tabs[FID].refresh()
    assert income.text() == "about a quarter million"
    problem = window.findChild(QLabel, "plan-b:problem")
    assert problem.isVisible() and problem.text().startswith("Income target: type an amount")
    assert "risks." not in problem.text() and "income_target" not in problem.text()
    assert window.document.scenario.risks.plan_b.model_dump() == before
    _type(qtbot, income, "250 000")  # fixed: taken, and the note goes
    assert window.document.scenario.risks.plan_b.income_target == 250_000
    assert not problem.isVisible()


def test_the_calendar_picks_the_review_date(window, qtbot):
    page = window.framework_tabs[FID].findChild(object, "plan-b-page")
    page.pick_date(QDate(2026, 7, 31))
    assert window.document.scenario.risks.plan_b.review_date == dt.date(2026, 7, 31)


@pytest.mark.parametrize("text,iso", [
    ("31/07/2026", "2026-07-31"), ("31.07.2026", "2026-07-31"), ("2026-07-31", "2026-07-31"),
    ("31 July 2026", "2026-07-31"), ("Jul 31, 2026", "2026-07-31"), ("next spring", "next spring"),
])
def test_dates_read_in_any_usual_writing(text, iso):
    assert read_date(text, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == iso


def test_an_ambiguous_date_follows_the_locale():
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert read_date("05/07/2026", uk) == "2026-07-05"
    assert read_date("05/07/2026", us) == "2026-05-07"
    assert read_date("31/07/2026", us) == "2026-07-31"  # one reading only


def test_amounts_lose_currency_signs_and_separators():
    assert read_number("£250,000") == read_number("GBP 250 000") == "250000"
    assert read_number("80%") == "80"
