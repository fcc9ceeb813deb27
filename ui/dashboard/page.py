"""The dashboard: an officer's own work, or for a supervisor the team's on this laptop, at a glance.

The figures come from ``app.dashboard`` on the database worker; the page draws them and reloads when records
change (batched by a timer, and only while it is shown: a hidden page reloads when it is opened again).
"""

from __future__ import annotations

from PySide6 import QtCharts
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.dashboard import Dashboard, OfficerData, dashboard
from app.i18n import translate
from app.record_views import local_time
from ui.common.operations import query
from ui.context import UiContext
from ui.dashboard import charts
from ui.i18n import error_text

REFRESH_DELAY_MS = 400
STALE_DAYS = 7  # data older than a week: the supervisor should call that officer
STALE_FG = QColor("#b3261e")


def nav_title() -> str:
    return QCoreApplication.translate("DashboardPage", "Dashboard")


def backlog_labels() -> dict[str, str]:
    return {"under_1": QCoreApplication.translate("DashboardPage", "< 1 day"),
            "1_to_3": QCoreApplication.translate("DashboardPage", "1–3 days"),
            "3_to_7": QCoreApplication.translate("DashboardPage", "3–7 days"),
            "over_7": QCoreApplication.translate("DashboardPage", "> 7 days")}


class NumberCard(QFrame):
    """One figure in large type with what it counts under it."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent, objectName="card")
        self.value = QLabel("–", objectName="countValue")
        self.caption = QLabel(caption, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_number(self, n: int, *, alarm: bool = False) -> None:
        self.value.setText(QLocale().toString(n))
        self.value.setStyleSheet(f"color: {STALE_FG.name()};" if alarm and n else "")


class DashboardPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = ctx.settings.language
        self.figures: Dashboard | None = None
        self._stale = True

        self.title = QLabel(nav_title(), objectName="title")
        self.scope = QLabel(objectName="hint")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()

        self.per_day_view = charts.chart_view(self.tr("Registrations per day, last 30 days"))
        self.day_labels = charts.DayLabels(self.per_day_view.chart())
        self.status_view = charts.BarList(self.tr("By status"))
        self.village_view = charts.BarList(self.tr("By village (top 10)"))
        self.officer_view = charts.BarList(self.tr("By officer"))
        self.backlog_view = charts.BarList(self.tr("Waiting for review"))
        self.per_day_series: QtCharts.QStackedBarSeries | None = None
        self.status_series = self.village_series = self.officer_series = None

        self.total_card = NumberCard(self.tr("records on this laptop"))
        self.waiting_card = NumberCard(self.tr("waiting for a supervisor"))
        self.overdue_card = NumberCard(self.tr("follow-up visits overdue"))
        cards = QVBoxLayout()
        cards.setSpacing(6)
        for card in (self.total_card, self.waiting_card, self.overdue_card):
            cards.addWidget(card)

        self.officers = QTableWidget(0, 5)
        self.officers.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Records"), self.tr("Not yet sent"),
                                                 self.tr("Newest data"), self.tr("Last sync")])
        self.officers.horizontalHeaderItem(3).setToolTip(
            self.tr("The newest change to this officer's records that this laptop holds"))
        self.officers.horizontalHeaderItem(4).setToolTip(
            self.tr("This officer's last successful sync from this laptop"))
        self.officers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.officers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.officers.verticalHeader().hide()
        self.officers.verticalHeader().setDefaultSectionSize(26)
        header = self.officers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.per_day_view, 0, 0, 1, 2)
        grid.addLayout(cards, 0, 2)
        grid.addWidget(self.status_view, 1, 0)
        grid.addWidget(self.village_view, 1, 1)
        grid.addWidget(self.backlog_view, 1, 2)
        # The officers' row has its own proportions: the table needs more width than a chart column gives it.
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.officer_view, 3)
        bottom.addWidget(self.officers, 7)
        grid.addLayout(bottom, 2, 0, 1, 3)
        for row, stretch in ((0, 5), (1, 5), (2, 4)):
            grid.setRowStretch(row, stretch)
        for column, stretch in ((0, 4), (1, 4), (2, 3)):
            grid.setColumnStretch(column, stretch)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.scope, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changes.registrations_changed.connect(self._records_changed)

    # --- loading ---------------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _records_changed(self, _ids) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def refresh(self) -> None:
        self._stale = False
        ctx = self.ctx
        actor, workspace = ctx.actor, ctx.workspace
        query(ctx, lambda s: dashboard(s, actor=actor, now=workspace.now(), today=workspace.today(),
                                       regions=workspace.regions), self._loaded)

    def _loaded(self, result: Dashboard | None = None, error=None) -> None:
        if error is not None:
            self.error.setText(error_text(error, self.language))
            self.error.show()
            return
        self.error.hide()
        self.figures = result
        self.scope.setText(self.tr("Everyone's records on this laptop") if result.everyone
                           else self.tr("Your own records"))
        self.total_card.caption.setText(self.tr("records on this laptop") if result.everyone
                                        else self.tr("of your records on this laptop"))
        self.total_card.show_number(result.total)
        self.waiting_card.show_number(sum(c.count for c in result.backlog))
        self.overdue_card.show_number(result.overdue_follow_ups, alarm=True)
        self._draw_per_day(result)
        records = self.tr("Records")
        self.status_series = self.status_view.show_bars(
            [translate("Status", c.label, self.language) for c in result.by_status],
            [c.count for c in result.by_status], records)
        self.village_series = self.village_view.show_bars(
            [c.label for c in result.by_village], [c.count for c in result.by_village], records)
        self.officer_series = self.officer_view.show_bars(
            [c.label for c in result.by_officer], [c.count for c in result.by_officer], records)
        labels = backlog_labels()
        self.backlog_series = self.backlog_view.show_bars(
            [labels[c.key] for c in result.backlog], [c.count for c in result.backlog], records)
        # An officer's own dashboard has one officer: the table says it all, the bar would repeat it.
        self.officer_view.setVisible(result.everyone)
        self._fill_officers(result.officers)

    # --- drawing ---------------------------------------------------------------------------------------------

    def _draw_per_day(self, figures: Dashboard) -> None:
        chart = self.per_day_view.chart()
        charts.clear(chart)
        series = QtCharts.QStackedBarSeries()
        for i, service in enumerate(figures.per_day):
            bars = QtCharts.QBarSet(translate("Kinds", service.title, self.language))
            bars.append([float(n) for n in service.counts])
            if i < len(charts.SERVICE_COLORS):
                bars.setColor(QColor(charts.SERVICE_COLORS[i]))
            series.append(bars)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        days = charts.category_axis([day.isoformat() for day in figures.days])
        days.setLabelsVisible(False)  # drawn by self.day_labels: QtCharts would elide them all
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(days)
        daily = [sum(s.counts[i] for s in figures.per_day) for i in range(len(figures.days))]
        counts = charts.value_axis(max(daily, default=0))
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.per_day_series = series
        self.day_labels.show(series, [f"{day:%d/%m}" for day in figures.days])

    def _fill_officers(self, officers: tuple[OfficerData, ...]) -> None:
        self.officers.setRowCount(len(officers))
        # No taller than its rows: an officer's own table is one line, and the charts take the room it leaves.
        rows = max(1, min(len(officers), 8))
        self.officers.setMaximumHeight(self.officers.horizontalHeader().sizeHint().height()
                                       + rows * self.officers.verticalHeader().defaultSectionSize()
                                       + 2 * self.officers.frameWidth() + 2)
        for row, officer in enumerate(officers):
            newest_days, sync_days = self._days(officer.last_change), self._days(officer.last_sync)
            synced = (self.tr("last synced today") if sync_days == 0
                      else self.tr("last synced %n day(s) ago", "", sync_days)
                      if sync_days is not None else self.tr("not synced on this laptop"))
            cells = (officer.name, str(officer.records), str(officer.waiting_to_send), self._days_ago(newest_days),
                     synced)
            # Each age in red past a week: that officer's work here is old, or they have not synced for long.
            stale = {3: newest_days is not None and newest_days > STALE_DAYS,
                     4: sync_days is not None and sync_days > STALE_DAYS}
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column in (1, 2):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if stale.get(column):
                    cell.setForeground(QBrush(STALE_FG))
                self.officers.setItem(row, column, cell)

    def _days(self, moment) -> int | None:
        if moment is None:
            return None
        return (self.ctx.workspace.today() - local_time(moment).date()).days

    def _days_ago(self, days: int | None) -> str:
        if days is None:
            return self.tr("no records yet")
        return self.tr("today") if days <= 0 else self.tr("%n day(s) ago", "", days)
