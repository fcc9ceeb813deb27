"""app/record_changes.py is the only writer of a registration's version, history and sync state: a service that
moved a record on its own would be a second idea of what "waiting to be sent" means."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THE_WRITER = ROOT / "app" / "record_changes.py"
# Registration attributes only the writer sets. ``version`` and ``server_version`` count only on a name ``reg``
# (the house's name for a registration): people (app/persons.py) and conflict rows have their own.
OWNED = {"sync_state", "synced_version"}
OWNED_ON_REG = {"version", "server_version", "sync_state", "synced_version"}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AugAssign | ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Attribute) and (
                    target.attr in OWNED or (target.attr in OWNED_ON_REG and isinstance(target.value, ast.Name)
                                             and target.value.id == "reg")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} sets {target.attr}")
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("RegistrationChange", "SyncConflict"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} makes a {node.func.id}")
        if isinstance(node, ast.keyword) and node.arg in OWNED:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} passes {node.arg}")
    return found


def test_only_record_changes_moves_a_registrations_version_history_and_sync_state():
    files = [p for folder in ("app", "sync") for p in (ROOT / folder).rglob("*.py") if p != THE_WRITER]
    assert [offence for path in files for offence in _offences(path)] == []


def test_the_check_sees_a_writer():
    assert _offences(THE_WRITER)
