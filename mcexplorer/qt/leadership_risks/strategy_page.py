"""Strategy on a page: the paper's five key questions, each answered from the scenario in a
sentence or two (core.answers), with a small chart beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core.answers import answers
from ...core.leadership_risks.content import content
from ...core.leadership_risks.strategy import Strategy
from ...core.leadership_risks.summary import READING_NOTE
from ..plain import visible
from .charts.mini_bars import MiniBars
from .view_data import option_colours, strategy_bars
from .widgets import plain_label, scrolled

NOTE = ("Answers from the four tabs: the positioning reading (the ecology tab), the leadership "
        "approach and team, the best-fitting structure and the intended balance, the "
        "best-fitting business model and how often it stays first when each weight varies by "
        "+/-20% and ranged ratings are drawn (10,000 seeded draws), and the register's top "
        f"three risks with the plan B. {READING_NOTE}")


class StrategyPage(QWidget):
    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName("strategy-page")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(8)
        self.answer_labels: dict[str, QLabel] = {}
        self.bars: dict[str, MiniBars] = {}
        for number, q in enumerate(content().key_questions, start=1):
            card = QFrame()
            card.setObjectName(f"strategy-card:{q.id}")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            grid = QGridLayout(card)
            grid.setContentsMargins(10, 8, 10, 8)
            grid.setHorizontalSpacing(14)
            grid.setVerticalSpacing(4)
            question = plain_label(f"{number}. {q.question}", f"strategy-question:{q.id}",
                                   scale=1.1, bold=True)
            answer = plain_label("", f"strategy:{q.id}", scale=1.08)
            answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            answer.setAccessibleName(q.question)
            bars = MiniBars(f"strategy-chart:{q.id}")
            bars.setMinimumWidth(280)
            bars.setMaximumWidth(420)
            grid.addWidget(question, 0, 0, 1, 2)
            grid.addWidget(answer, 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(bars, 1, 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
            column.addWidget(card)
            self.answer_labels[q.id] = answer
            self.bars[q.id] = bars
        source = plain_label(f"The five key questions: {content().key_questions[0].source}. "
                             + NOTE, "strategy-note", muted=True)
        column.addWidget(source)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(body, "strategy-scroll"))

    def refresh(self, s: Strategy) -> None:
        for a in answers(s):
            label = self.answer_labels[a.id]
            if label.text() != a.answer:
                label.setText(visible(a.answer))
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        colours = option_colours(self.tab.document)
        for qid, data in strategy_bars(s, dark, colours, colours).items():
            self.bars[qid].show_data(data)

    def restyle(self) -> None:
        for bars in self.bars.values():
            bars.update()
