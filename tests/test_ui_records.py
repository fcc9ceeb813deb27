from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app import registrations as regs
from app.record_views import RecordQuery
from app.settings import Settings
from db.models import Registration, RegistrationChange
from ui.context import Changes, UiContext
from ui.records.model import NAME, STATUS, SYNC, RecordsModel
from ui.records.page import RecordsPage
from ui.common.tasks import TaskRunner

T0 = datetime(2026, 11, 2, 9, 0)
pytestmark = pytest.mark.usefixtures("english")  # "3 records": the English plural forms


def bulk_records(workspace, actor, n):
    """Rows straight into the tables: the services would take seconds for a thousand, and only the list is tested."""
    with workspace.transaction() as s:
        for i in range(n):
            at = T0 + timedelta(seconds=i)
            reg = Registration(kind="ektp", status="draft", owner_id=actor.user_id, device_id=actor.device_id,
                               created_at=at, updated_at=at, version=1, data={"name": f"Warga {i:04d}"},
                               subject_name=f"Warga {i:04d}", subject_name_key=f"warga {i:04d}")
            s.add(reg)
            s.flush()
            s.add(RegistrationChange(registration_id=reg.id, version=1, user_id=actor.user_id, at=at,
                                     action="create", changes={}))


def test_model_loads_one_page_then_more_on_demand(qtbot, workspace, officer):
    bulk_records(workspace, officer, 1000)
    model = RecordsModel(workspace, TaskRunner(synchronous=True), page_size=200)
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.set_query(RecordQuery())
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    assert model.index(0, NAME).data() == "Warga 0999"  # newest first
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert inserted[-1] == (200, 399)  # beginInsertRows' last row is inclusive
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000 and model.index(999, NAME).data() == "Warga 0000"


def test_model_with_threaded_runner_drops_a_replaced_search(qtbot, workspace, officer):
    bulk_records(workspace, officer, 300)
    runner = TaskRunner()
    model = RecordsModel(workspace, runner, page_size=100)
    model.set_query(RecordQuery())
    model.set_query(RecordQuery(text="warga 029"))  # typed on before the first answer came
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.pages.loading, timeout=5000)
    runner.wait()
    qtbot.wait(50)
    assert model.rowCount() == 10
    assert all(model.index(r, NAME).data().startswith("Warga 029") for r in range(10))


def test_records_page_search_by_name_and_filter(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        for i, name in enumerate(["Siti Aminah", "Budi Santoso", "Rahmat Hidayat"]):
            reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0 + timedelta(minutes=i),
                                    data={"name": name, "nik": f"16710141019000{i:02d}"})
        regs.transition(s, actor=officer, registration_id=reg.id, action="submit", now=T0)
    page = RecordsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3 and page.count_label.text() == "3 records"
    qtbot.keyClicks(page.search, "santo")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)  # after the debounce
    assert page.model.index(0, NAME).data() == "Budi Santoso"
    page.search.setText("167101410190000")
    page.apply_query()
    assert page.model.rowCount() == 3
    page.search.clear()
    page.state.setCurrentIndex(page.state.findData("submitted"))
    assert page.model.rowCount() == 1
    assert page.model.index(0, STATUS).data() == "Waiting for supervisor"
    assert page.model.index(0, SYNC).data() == "↑"  # not enrolled yet: it waits on this laptop to go up
    assert page.model.index(0, SYNC).data(Qt.ItemDataRole.ToolTipRole) == "waiting to be sent"


def test_records_page_refreshes_once_after_changes_and_opens_on_enter(qtbot, ctx, workspace, officer):
    page = RecordsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Siti Aminah"})
    for _ in range(5):
        ctx.changes.registrations_changed.emit([reg.id])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.keyClick(page.table, "\r")
    assert opened.args[0].id == reg.id


def test_officer_sees_only_own_records_and_supervisor_sees_all(qtbot, workspace, officer, tmp_path):
    from app import auth

    with workspace.transaction() as s:
        user = auth.create_user(s, username="budi", full_name="Budi", password="rahasia123", role="officer", now=T0)
        boss = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=T0)
        colleague = auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)
        supervisor = auth.Actor(boss.id, boss.username, boss.full_name, boss.role, workspace.device_id)
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Milik Siti"})
        regs.create_draft(s, actor=colleague, kind="ektp", now=T0, data={"name": "Milik Budi"})

    def names_seen_by(actor):
        ctx = UiContext(workspace=workspace, actor=actor, runner=TaskRunner(synchronous=True),
                        settings=Settings(language="en"), data_dir=tmp_path, changes=Changes())
        page = RecordsPage(ctx)
        qtbot.addWidget(page)
        return sorted(page.model.index(r, NAME).data() for r in range(page.model.rowCount()))

    assert names_seen_by(officer) == ["Milik Siti"]
    assert names_seen_by(colleague) == ["Milik Budi"]
    assert names_seen_by(supervisor) == ["Milik Budi", "Milik Siti"]


def test_records_page_filters_by_kecamatan(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Di Lawang Kidul",
                                                                       "village_code": "16.03.07.1001"})
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Di Palembang",
                                                                       "village_code": "16.71.01.1001"})
    page = RecordsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.villages.set_code("16.03.07")
    page.apply_query()
    assert page.query().village == "16.03.07"
    assert [page.model.index(r, NAME).data() for r in range(page.model.rowCount())] == ["Di Lawang Kidul"]
