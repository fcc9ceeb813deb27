"""The questions a sync asks at every run are answered from migration 0016's partial indexes, not by reading every
registration (each page decrypted): the SQL each function really sends, asked for its plan."""

from sqlalchemy import event

from app.workspace import Workspace
from sync import records as local
from sync.team_files import wanted


def plans(ws: Workspace, ask) -> list[str]:
    """What SQLite does for each statement ``ask(session)`` sends."""
    sent = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))

    event.listen(ws.engine, "before_cursor_execute", keep)
    try:
        with ws.reading() as session:
            ask(session)
    finally:
        event.remove(ws.engine, "before_cursor_execute", keep)
    with ws.engine.connect() as con:
        return [" / ".join(row[3] for row in con.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in sent if sql.lstrip().upper().startswith("SELECT")]


def test_waiting_records_come_from_the_waiting_index_alone(tmp_path):
    ws = Workspace.open(tmp_path)
    try:
        for owners, limit in ((["someone"], None), (["someone"], 500), (["a", "b"], 500), (None, None)):
            found = plans(ws, lambda s: local.pending(s, owners=owners, limit=limit))
            assert found and all("COVERING INDEX ix_registrations_waiting" in plan for plan in found), found
    finally:
        ws.close()


def test_records_with_files_on_the_server_come_from_their_index(tmp_path):
    ws = Workspace.open(tmp_path)
    try:
        found = plans(ws, wanted)
        assert found and all("ix_registrations_remote_files" in plan and "SCAN registrations USING" in plan
                             for plan in found), found
    finally:
        ws.close()
