"""The dashboard's chart building blocks (QtCharts), sized for a 1366x768 screen: fonts of 10 pt and more, small
margins, whole numbers on the value axes."""

from __future__ import annotations

from PySide6 import QtCharts
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QSizePolicy

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


def new_chart(title: str) -> QtCharts.QChart:
    chart = QtCharts.QChart()
    chart.setTitle(title)
    chart.setTitleFont(font(TITLE_PT, bold=True))
    chart.setMargins(QMargins(4, 2, 4, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setBackgroundRoundness(4)
    chart.legend().setFont(font(LABEL_PT))
    chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
    return chart


def _sized(view: QtCharts.QChartView) -> QtCharts.QChartView:
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(170)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return view


def chart_view(title: str) -> QtCharts.QChartView:
    return _sized(QtCharts.QChartView(new_chart(title)))


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


class BarList(QtCharts.QChartView):
    """Horizontal bars, one per label, the first at the top, its number at its end, its name to its left.

    The names are drawn here rather than by a category axis: QtCharts elides a category label to "..." when its
    row is less than about 30 px high, which a list of ten villages in a third of a 768 px screen is. These need
    only a line of text per row; a name too long for the left side is elided, whole in its tooltip."""

    NAME_SHARE = 0.5  # of the chart's width, at most, for the names

    def __init__(self, title: str, parent=None):
        super().__init__(new_chart(title), parent)
        _sized(self)
        chart = self.chart()
        self.series: QtCharts.QHorizontalBarSeries | None = None
        self.labels: list[str] = []
        self._names: list[QGraphicsSimpleTextItem] = []
        chart.plotAreaChanged.connect(lambda _area: self._place_names())

    def show_bars(self, labels: list[str], values: list[int], name: str) -> QtCharts.QHorizontalBarSeries:
        chart = self.chart()
        clear(chart)
        for item in self._names:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        bars = QtCharts.QBarSet(name)
        bars.append([float(v) for v in reversed(values)])
        bars.setColor(QColor(BAR_COLOR))
        bars.setLabelColor(QColor("#212121"))
        bars.setLabelFont(font(LABEL_PT))
        series = QtCharts.QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QtCharts.QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        rows = category_axis([str(i) for i in range(len(labels))] or [""])
        rows.setLabelsVisible(False)
        rows.setGridLineVisible(False)
        chart.addAxis(rows, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(rows)
        # Room beyond the longest bar for its number.
        values_axis = value_axis(int(max(values, default=0) * 1.25) + 1)
        values_axis.setLabelsVisible(False)
        values_axis.setGridLineVisible(False)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values_axis)
        chart.legend().hide()
        self.series, self.labels = series, list(labels)
        self._names = []
        for text in labels:
            item = QGraphicsSimpleTextItem(text, chart)
            item.setFont(font(LABEL_PT))
            item.setBrush(QColor("#212121"))
            item.setToolTip(text)
            self._names.append(item)
        self._place_names()
        return series

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_names()

    def _place_names(self) -> None:
        if not self._names or self.series is None:
            return
        chart = self.chart()
        metrics = QFontMetrics(font(LABEL_PT))
        room = int(chart.size().width() * self.NAME_SHARE)
        widest = min(room, max(metrics.horizontalAdvance(t) for t in self.labels))
        margins = chart.margins()
        if margins.left() != widest + 8:
            chart.setMargins(QMargins(widest + 8, margins.top(), margins.right(), margins.bottom()))
            return  # the plot area moves; plotAreaChanged calls back
        plot = chart.plotArea()
        count = len(self._names)
        for i, item in enumerate(self._names):
            item.setText(metrics.elidedText(self.labels[i], Qt.TextElideMode.ElideRight, widest))
            centre = chart.mapToPosition(QPointF(0, count - 1 - i), self.series).y()
            width = metrics.horizontalAdvance(item.text())
            item.setPos(plot.left() - 6 - width, centre - metrics.height() / 2)


class DayLabels:
    """The dates under a chart of one bar per day, as many as fit side by side (every day, every other day...).

    Drawn here for the same reason as ``BarList``'s names: QtCharts elides every category label of thirty days
    in 800 px to "...", upright or not."""

    def __init__(self, chart: QtCharts.QChart):
        self.chart = chart
        self.series: QtCharts.QAbstractBarSeries | None = None
        self.texts: list[str] = []
        self.items: list[QGraphicsSimpleTextItem] = []
        metrics = QFontMetrics(font(LABEL_PT))
        margins = chart.margins()
        chart.setMargins(QMargins(margins.left(), margins.top(), margins.right(), metrics.height() + 6))
        chart.plotAreaChanged.connect(lambda _area: self.place())

    def show(self, series: QtCharts.QAbstractBarSeries, texts: list[str]) -> None:
        for item in self.items:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.series, self.texts = series, list(texts)
        self.items = []
        for text in texts:
            item = QGraphicsSimpleTextItem(text, self.chart)
            item.setFont(font(LABEL_PT))
            item.setBrush(QColor("#212121"))
            self.items.append(item)
        self.place()

    def place(self) -> None:
        if not self.items or self.series is None:
            return
        metrics = QFontMetrics(font(LABEL_PT))
        plot = self.chart.plotArea()
        per_day = plot.width() / len(self.items)
        widest = max(metrics.horizontalAdvance(t) for t in self.texts) + 10
        every = max(1, -(-int(widest) // max(1, int(per_day))))
        last = len(self.items) - 1
        for i, item in enumerate(self.items):
            # Counted back from the newest day, so that today always has its date.
            item.setVisible((last - i) % every == 0)
            x = self.chart.mapToPosition(QPointF(i, 0), self.series).x()
            item.setPos(x - metrics.horizontalAdvance(self.texts[i]) / 2, plot.bottom() + 3)
