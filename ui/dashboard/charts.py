"""The dashboard's chart building blocks (QtCharts), sized for a 1366x768 screen: fonts of 10 pt and more, small
margins, whole numbers on the value axes."""

from __future__ import annotations

from PySide6 import QtCharts
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy

LABEL_PT = 10
TITLE_PT = 11
# One colour per service, in KINDS order, distinct also in grey print; a fifth service takes Qt's next colours.
SERVICE_COLORS = ("#1b5e20", "#1565c0", "#ef6c00", "#6a1b9a")
BAR_COLOR = "#2e7d32"


def font(points: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSize(points)
    f.setBold(bold)
    return f


def chart_view(title: str) -> QtCharts.QChartView:
    chart = QtCharts.QChart()
    chart.setTitle(title)
    chart.setTitleFont(font(TITLE_PT, bold=True))
    chart.setMargins(QMargins(4, 2, 4, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setBackgroundRoundness(4)
    chart.legend().setFont(font(LABEL_PT))
    chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
    view = QtCharts.QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(170)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return view


def clear(chart: QtCharts.QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def value_axis(maximum: int) -> QtCharts.QValueAxis:
    axis = QtCharts.QValueAxis()
    axis.setLabelFormat("%d")
    axis.setLabelsFont(font(LABEL_PT))
    top = max(maximum, 1)
    # Whole-number ticks: at most 5 intervals, each a whole number of records.
    step = max(1, -(-top // 5))
    axis.setRange(0, step * -(-top // step))
    axis.setTickCount(-(-top // step) + 1)
    return axis


def category_axis(labels: list[str]) -> QtCharts.QBarCategoryAxis:
    axis = QtCharts.QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(font(LABEL_PT))
    return axis


def horizontal_bars(chart: QtCharts.QChart, labels: list[str], values: list[int], name: str
                    ) -> QtCharts.QHorizontalBarSeries:
    """One bar per label, the first at the top, its number at its end."""
    clear(chart)
    bars = QtCharts.QBarSet(name)
    bars.append([float(v) for v in reversed(values)])
    bars.setColor(QColor(BAR_COLOR))
    bars.setLabelColor(QColor("#212121"))
    bars.setLabelFont(font(LABEL_PT))
    series = QtCharts.QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QtCharts.QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    categories = category_axis(list(reversed(labels)))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    # Room beyond the longest bar for its number.
    values_axis = value_axis(int(max(values, default=0) * 1.2) + 1)
    values_axis.setLabelsVisible(False)
    values_axis.setGridLineVisible(False)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values_axis)
    chart.legend().hide()
    return series
