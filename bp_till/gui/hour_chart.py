"""Sales by hour as a QtCharts bar chart, hours in the order the night runs."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from bp_till.domain.closeout import HourFigure
from bp_till.gui.style import colour, current_theme


def hour_chart_view() -> QChartView:
    view = QChartView()
    view.setObjectName("hourChart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def show_hours(view: QChartView, hours: tuple[HourFigure, ...]) -> None:
    bars = QBarSet("Sales (¥)")
    bars.append([float(h.sales) for h in hours])
    series = QBarSeries()
    series.append(bars)
    chart = QChart()  # drawn anew each time, so it follows the theme in use
    themes = QChart.ChartTheme
    chart.setTheme(themes.ChartThemeDark if current_theme() == "dark" else themes.ChartThemeLight)
    chart.setBackgroundBrush(QColor(colour("surface")))
    chart.setTitle("売上 / 時間帯  Sales by hour")
    chart.addSeries(series)
    bars.setColor(QColor(colour("accent")))  # after the theme, which colours the bars its own way
    chart.legend().setVisible(False)
    hours_axis = QBarCategoryAxis()
    hours_axis.append([f"{h.hour:02d}" for h in hours])
    money_axis = QValueAxis()
    money_axis.setLabelFormat("%.0f")
    money_axis.setRange(0, max([h.sales for h in hours], default=0) or 1)
    money_axis.applyNiceNumbers()
    chart.addAxis(hours_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(money_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(hours_axis)
    series.attachAxis(money_axis)
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()  # the view does not own a chart it has let go
