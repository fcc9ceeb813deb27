"""A full disk: the save fails with a clear message and what was saved before is still there."""

from datetime import datetime

import pytest
from sqlalchemy import event

from app import errors, registrations as regs

T0 = datetime(2026, 11, 2, 9, 0)


def test_full_disk_refuses_the_save_with_a_message_and_keeps_earlier_data(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "RINA MARLINA"})
    with workspace.engine.connect() as con:
        pages = con.exec_driver_sql("PRAGMA page_count").scalar()

    # SQLite's own limit on the file size gives the same SQLITE_FULL error as a full disk.
    def cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    workspace.engine.dispose()
    event.listen(workspace.engine, "connect", cap)
    big = {"name": "RINA MARLINA", "address": "x" * 200_000}
    with pytest.raises(errors.DatabaseProblem) as caught:
        with workspace.transaction() as s:
            regs.save_draft(s, actor=officer, registration_id=reg.id, data=big, now=T0)
    assert caught.value.template == errors.MSG_DISK_FULL
    assert caught.value.text("id") != caught.value.template  # said in Bahasa Indonesia

    event.remove(workspace.engine, "connect", cap)
    workspace.engine.dispose()
    with workspace.transaction() as s:
        assert regs.get(s, reg.id).data == {"name": "RINA MARLINA"}
