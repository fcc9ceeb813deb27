"""The laptop's audit log (issue 11 item 5): append-only, hash-chained; a changed entry, a removed one and the
newest ones cut off are all found, by the check and by ``jemput --verify-audit``; nothing but app/audit_log.py
writes it; no personal data in it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from app import audit_log, auth
from db import migrate

ROOT = Path(__file__).resolve().parents[1]


def log_some(workspace, n=5):
    with workspace.transaction() as s:
        for i in range(n):
            audit_log.append(s, now=workspace.now(), action="login", username=f"user{i}", detail="device")


def check(workspace):
    with workspace.transaction() as s:
        return audit_log.check(s)


def tamper(workspace, sql: str, *params) -> None:
    con = migrate.connect(workspace.db_path, workspace.data_key)
    con.execute(sql, params)
    con.commit()
    con.close()


def ids(workspace) -> list[int]:
    con = migrate.connect(workspace.db_path, workspace.data_key)
    try:
        return [i for (i,) in con.execute("SELECT id FROM audit_events ORDER BY id")]
    finally:
        con.close()


def test_an_untouched_log_checks_intact(workspace, officer):
    log_some(workspace)
    result = check(workspace)
    assert result.intact and result.entries >= 5


def test_a_changed_entry_is_found(workspace, officer):
    log_some(workspace)
    third = ids(workspace)[2]
    tamper(workspace, "UPDATE audit_events SET username = 'someone' WHERE id = ?", third)
    result = check(workspace)
    assert (result.intact, result.broken_at) == (False, third)


def test_a_removed_entry_is_found(workspace, officer):
    log_some(workspace)
    third, fourth = ids(workspace)[2:4]
    tamper(workspace, "DELETE FROM audit_events WHERE id = ?", third)
    result = check(workspace)
    assert (result.intact, result.broken_at) == (False, fourth)


def test_the_newest_entries_cut_off_are_found(workspace, officer):
    log_some(workspace)
    last = ids(workspace)[-1]
    tamper(workspace, "DELETE FROM audit_events WHERE id = ?", last)
    result = check(workspace)
    assert not result.intact and "missing" in result.reason


def test_a_rehashed_entry_without_its_successors_is_found(workspace, officer):
    """Rewriting one entry with a fresh hash of its own still breaks the next link."""
    from app.audit_chain import entry_hash

    log_some(workspace)
    con = migrate.connect(workspace.db_path, workspace.data_key)
    rows = con.execute("SELECT id, at, user_id, username, action, detail, chain_hash FROM audit_events "
                       "ORDER BY id").fetchall()
    con.close()
    from datetime import datetime

    target, prev = rows[1], rows[0][6]
    forged = entry_hash(prev, at=datetime.fromisoformat(target[1]), user_id=target[2], username="mallory",
                        action=target[4], detail=target[5])
    tamper(workspace, "UPDATE audit_events SET username = 'mallory', chain_hash = ? WHERE id = ?", forged, target[0])
    assert check(workspace).broken_at == rows[2][0]


def test_the_command_line_check_says_so(workspace, officer, tmp_path):
    log_some(workspace)
    folder, key = workspace.db_path.parent, workspace.data_key
    workspace.refresh_keyring()  # Siti's password now locks the folder: the command asks for it
    workspace.close()
    run = lambda: subprocess.run([sys.executable, "-m", "app", "--verify-audit", "--data-dir", str(folder)],  # noqa: E731
                                 input="siti\nrahasia123\n",
                                 capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT),
                                                                                "QT_QPA_PLATFORM": "offscreen",
                                                                                "PATH": "/usr/bin:/bin"})
    good = run()
    assert good.returncode == 0, good.stderr
    assert "utuh" in good.stdout
    con = migrate.connect(folder / workspace.db_path.name, key)
    con.execute("UPDATE audit_events SET detail = 'x' WHERE id = (SELECT min(id) FROM audit_events)")
    con.commit()
    con.close()
    bad = run()
    assert bad.returncode == 1 and "rusak" in bad.stdout
    wrong = subprocess.run([sys.executable, "-m", "app", "--verify-audit", "--data-dir", str(folder)],
                           input="siti\nsalah-sekali-9\n", capture_output=True, text=True, cwd=ROOT,
                           env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert wrong.returncode == 2 and "tidak dapat dibuka" in wrong.stderr


def test_only_the_audit_log_writes_audit_events():
    offenders = []
    for path in [*ROOT.glob("app/**/*.py"), *ROOT.glob("sync/**/*.py"), *ROOT.glob("ui/**/*.py")]:
        if path.name == "audit_log.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "AuditEvent":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_a_failed_login_with_a_nik_as_username_keeps_no_nik(workspace, officer):
    """A NIK typed in the username box by mistake must not land in the log that outlives the records."""
    import pytest

    with workspace.transaction() as s, pytest.raises(auth.LoginError):
        auth.login(s, username="1603054506900003", password="x" * 8, now=workspace.now(), device_id="d")
    con = migrate.connect(workspace.db_path, workspace.data_key)
    try:
        text = " ".join(str(v) for row in con.execute("SELECT * FROM audit_events") for v in row)
    finally:
        con.close()
    assert "1603054506900003" not in text
