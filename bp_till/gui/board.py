"""The ranking board for the shop's screen: this month's top cast members by vote points.

It opens full-screen on the last screen (the shop's display when one is
plugged in), redraws after every sync round and every half minute, and
says where its figures come from: the central board as last pulled, plus
votes given at this till that the central database has not seen yet.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO, business_month, previous_month
from bp_till.gui.background import on_gui_thread
from bp_till.gui.cast_picker import ON_TONIGHT
from bp_till.services.masterdata import cast
from bp_till.services.ranking import Board, board
from bp_till.services.roster import tonights_roster
from bp_till.services.shows import current_schedule

TOP = 10
REFRESH_MS = 30_000
COUNTDOWN_MS = 5_000
COUNTDOWN_FROM_MIN = 120
BAR_COLOUR = QColor("#e91e63")
# The app's style sheet sets the till's font sizes; the shop's screen is read from afar.
BOARD_STYLE = """
QWidget#rankingBoard { background: #1a1a2e; }
QLabel { color: white; }
QLabel#boardTitle { font-size: 44px; font-weight: bold; }
QLabel#boardWinner { font-size: 28px; color: #ffd54f; }
QLabel#boardTonight { font-size: 22px; color: #f8bbd0; }
QLabel#boardShow { font-size: 30px; font-weight: bold; color: #80deea; }
QLabel#boardSource, QLabel#boardRule { font-size: 18px; color: #b0bec5; }
"""


def tie_break_rule() -> str:
    """The rule of bp_till.domain.votes.rank_cast, in the screen's language."""
    return QCoreApplication.translate(
        "RankingBoard", "Equal points: whoever reached the total first ranks higher.")


class RankingBoard(QWidget):
    """A window of its own; Esc or F11 leaves full screen, closing it hides the board."""

    def __init__(self, till: Till) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.till = till
        self.setObjectName("rankingBoard")
        self.setWindowTitle(self.tr("Ranking board"))
        self.setStyleSheet(BOARD_STYLE)
        self.title = self._label("boardTitle")
        self.winner = self._label("boardWinner")
        self.chart = QChartView()
        self.chart.setObjectName("boardChart")
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setStyleSheet("background: transparent;")
        self.tonight = self._label("boardTonight")
        self.show_line = self._label("boardShow")
        self.source = self._label("boardSource")
        self.rule = self._label("boardRule")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.winner, self.show_line, self.tonight, self.chart,
                       self.source, self.rule):
            layout.addWidget(widget)
        layout.setStretch(4, 1)
        self.shown: Board | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.countdown = QTimer(self)  # the minutes to the next show count down on their own
        self.countdown.timeout.connect(self._show_countdown)
        self.countdown.start(COUNTDOWN_MS)
        self._unsubscribe = lambda: None
        if till.sync_worker is not None:
            self._unsubscribe = till.sync_worker.subscribe(on_gui_thread(self._synced, self))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        self.refresh()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def show_on_shop_screen(self) -> None:
        """Full screen on the last screen: the shop's display when there is one."""
        screens = QGuiApplication.screens()
        if screens:
            self.setGeometry(screens[-1].geometry())
        self.showFullScreen()
        self.raise_()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _synced(self, state) -> None:
        if not state.running:
            self.refresh()

    def refresh(self) -> None:
        now = self.till.ctx.clock.now()
        self.shown = board(self.till.ctx, top=TOP)
        self.title.setText(self.tr("Backstage Pass ranking · {month}").format(month=self.shown.month))
        self.winner.setText(self._last_winner(now))
        self._show_countdown()
        on_floor = tonights_roster(self.till.ctx).cast_codes
        self.tonight.setText(self._tonight(on_floor))
        old = self.chart.chart()
        self.chart.setChart(_bar_chart(self.shown, set(on_floor)))
        if old is not None:
            old.deleteLater()  # the view does not own a chart it has let go
        self.source.setText(self._source_note())
        self.rule.setText(tie_break_rule())

    def _last_winner(self, now) -> str:
        last = board(self.till.ctx, previous_month(business_month(now)))
        if last.winner is None:
            return ""
        return self.tr("Winner of {month}: {name} with {points:,} points").format(
            month=last.month, name=last.winner.stage_name, points=last.winner.points)

    def _show_countdown(self) -> None:
        self.show_line.setText(show_countdown(self.till.ctx))

    def _tonight(self, on_floor: tuple[str, ...]) -> str:
        """Who is in tonight, as the shift lead marked them (nothing before a roster is saved)."""
        if not on_floor:
            return ""
        names = {member.code: member.stage_name for member in cast(self.till.ctx)}
        return self.tr("{mark} In tonight: {names}").format(
            mark=ON_TONIGHT, names=" · ".join(names.get(code, code) for code in on_floor))

    def _source_note(self) -> str:
        shown = self.shown
        if shown.pulled_at is None:
            note = self.tr("Central figures not fetched yet; showing this till's votes only.")
        else:
            note = self.tr("Central figures of {at}").format(
                at=shown.pulled_at.astimezone(TOKYO).strftime("%m-%d %H:%M"))
        if shown.unsynced_points:
            note += " · " + self.tr("{n:,} points from this till on their way").format(
                n=shown.unsynced_points)
        return note

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        self.countdown.stop()
        self._unsubscribe()
        super().closeEvent(event)


def show_countdown(ctx) -> str:
    """The stage show under way, or the next one and the minutes to it."""
    now = ctx.clock.now()
    _, schedule = current_schedule(ctx)
    started = schedule.on_stage(now)
    if started is not None:
        return QCoreApplication.translate("RankingBoard", "♪ On stage now (since {at})").format(
            at=f"{started.astimezone(TOKYO):%H:%M}")
    upcoming = schedule.next_show(now)
    if upcoming is None:
        return ""
    at = f"{upcoming.astimezone(TOKYO):%H:%M}"
    minutes = math.ceil((upcoming - now).total_seconds() / 60)
    if minutes > COUNTDOWN_FROM_MIN:  # a countdown of hours reads as noise on the shop's screen
        return QCoreApplication.translate("RankingBoard", "♪ Next stage show {at}").format(at=at)
    return QCoreApplication.translate("RankingBoard", "♪ Next stage show {at} · in {n} min").format(at=at, n=minutes)


def _bar_chart(shown: Board, on_floor: set[str] = frozenset()) -> QChart:
    """Place 1 at the top: Qt draws the first category at the bottom, so the list is reversed.

    Cast members on tonight's roster carry its mark after their name.
    """
    lines = list(reversed(shown.lines))
    bars = QBarSet(QCoreApplication.translate("RankingBoard", "Vote points"))
    bars.setColor(BAR_COLOUR)
    bars.setLabelColor(QColor("white"))
    bars.append([float(line.points) for line in lines])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    names = QBarCategoryAxis()
    nobody = QCoreApplication.translate("RankingBoard", "No votes yet")
    names.append([f"{line.place}. {line.stage_name}"
                  + (f" {ON_TONIGHT}" if line.cast_code in on_floor else "")
                  for line in lines] or [nobody])
    names.setLabelsColor(QColor("white"))
    names.setLabelsFont(QFont(names.labelsFont().family(), 16))
    points = QValueAxis()
    points.setRange(0, max((line.points for line in lines), default=0) * 1.15 or 1)
    points.applyNiceNumbers()
    points.setLabelFormat("%.0f")
    points.setLabelsColor(QColor("#b0bec5"))
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(points, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(points)
    return chart
