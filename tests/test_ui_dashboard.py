"""The dashboard page opened from the main window: its charts hold the figures of the records on this laptop, and
it follows new records."""

from datetime import timedelta

import pytest

from app import auth, registrations
from app.auth import Actor
from app.workspace import utcnow
from ui.common.operations import operation


def _values(series) -> list[float]:
    return [series.barSets()[0].at(i) for i in range(series.barSets()[0].count())]


def _categories(chart) -> list[str]:
    from PySide6 import QtCharts

    axis = next(a for a in chart.axes() if isinstance(a, QtCharts.QBarCategoryAxis))
    return axis.categories()


@pytest.fixture
def records(workspace, officer):
    """Siti has two e-KTP records today (one sent for review) and a birth yesterday; Budi one e-KTP today."""
    now = utcnow()
    with workspace.transaction() as s:
        user = auth.create_user(s, username="budi", full_name="Budi Santoso", password="rahasia123",
                                role="officer", now=now)
        budi = Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)
        boss = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor",
                                now=now)
        for actor, kind, at, data in ((officer, "ektp", now, {"name": "RINA"}),
                                      (officer, "ektp", now, {"name": "SARI"}),
                                      (officer, "birth", now - timedelta(days=1), {"child_name": "BAYI"}),
                                      (budi, "ektp", now, {"name": "JOKO"})):
            registrations.create_draft(s, actor=actor, kind=kind, now=at, data=data)
        s.flush()
        first = registrations.search(s, text="RINA")[0]
        registrations.transition(s, actor=officer, registration_id=first.id, action="submit", now=now)
    return Actor(boss.id, boss.username, boss.full_name, boss.role, workspace.device_id)


def _open(qtbot, ctx):
    from ui.shell.main_window import DASHBOARD, MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    window.nav.setCurrentRow(DASHBOARD)
    page = window.dashboard
    qtbot.waitUntil(lambda: page.figures is not None)
    assert window.current_page() is page
    return window, page


def test_an_officer_sees_their_own_figures_in_the_charts(qtbot, ctx, records):
    window, page = _open(qtbot, ctx)
    from ui.shell.main_window import DASHBOARD

    assert window.nav.item(DASHBOARD).text() == "Dashboard"
    per_day = {s.label(): [s.at(i) for i in range(s.count())] for s in page.per_day_series.barSets()}
    assert list(per_day) == ["e-KTP", "Birth certificate", "Cataract screening", "Complaint"]
    ektp, birth = list(per_day.values())[:2]
    assert ektp[-1] == 2 and sum(ektp) == 2  # Budi's record is not hers
    assert birth[-2] == 1 and sum(birth) == 1
    assert _categories(page.per_day_view.chart())[-1] == ctx.workspace.today().isoformat()
    today = ctx.workspace.today()
    assert page.day_labels.items[-1].text() == f"{today:%d/%m}" and page.day_labels.items[-1].isVisible()
    # Horizontal bars run bottom to top: the first label's count is the last value.
    assert page.status_view.labels == ["Draft", "Waiting for supervisor"]
    assert _values(page.status_series) == [1.0, 2.0]
    assert [item.text() for item in page.status_view._names] == ["Draft", "Waiting for supervisor"]
    assert _values(page.officer_series) == [3.0] and not page.officer_view.isVisible()
    assert page.backlog_view.labels == ["< 1 day", "1–3 days", "3–7 days", "> 7 days"]
    assert _values(page.backlog_series) == [0.0, 0.0, 0.0, 1.0]
    assert page.total_card.value.text() == "3" and page.overdue_card.value.text() == "0"
    assert page.scope.text() == "Your own records"
    assert page.officers.rowCount() == 1 and page.officers.item(0, 0).text() == "Siti Aminah"
    assert page.officers.item(0, 3).text() == "today"
    assert page.officers.item(0, 4).text() == "not synced on this laptop"


def test_a_supervisor_sees_the_team_and_new_records_appear(qtbot, ctx, records, officer):
    ctx.actor = records
    _window, page = _open(qtbot, ctx)
    assert page.scope.text() == "Everyone's records on this laptop"
    assert page.officer_view.isVisible()
    assert page.officer_view.labels == ["Siti Aminah", "Budi Santoso"]
    assert _values(page.officer_series) == [1.0, 3.0]
    assert page.total_card.value.text() == "4" and page.waiting_card.value.text() == "1"
    names = {page.officers.item(r, 0).text() for r in range(page.officers.rowCount())}
    assert names == {"Siti Aminah", "Budi Santoso"}

    def add(session):
        reg = registrations.create_draft(session, actor=officer, kind="ektp", now=utcnow(), data={"name": "TONO"})
        session.flush()
        return [reg.id]

    operation(ctx, add)
    qtbot.waitUntil(lambda: page.total_card.value.text() == "5", timeout=3000)
    assert _values(page.officer_series) == [1.0, 4.0]


def test_an_empty_laptop_shows_zeros(qtbot, ctx):
    _window, page = _open(qtbot, ctx)
    assert page.total_card.value.text() == "0" and page.status_view.labels == []
    assert sum(s.sum() for s in page.per_day_series.barSets()) == 0
    assert page.officers.item(0, 3).text() == "no records yet"
