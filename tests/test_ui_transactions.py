"""ui/ never opens a database transaction itself: it runs app functions through ui/common/operations.py, which opens
it on the database worker and shows the error (STYLE.md, Anki's QueryOp and CollectionOp)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "ui/common/operations.py",  # the helper itself
    "ui/shell/selftest.py",  # checks the packaged database layer before any context exists (see its comment)
}


def transaction_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "transaction"]


def test_no_ui_module_opens_a_transaction_but_the_helper():
    offenders = [f"{path.relative_to(ROOT).as_posix()}:{line}" for path in sorted((ROOT / "ui").rglob("*.py"))
                 if path.relative_to(ROOT).as_posix() not in ALLOWED for line in transaction_calls(path)]
    assert offenders == []


def test_the_scan_sees_a_transaction(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text("def load(ws):\n    with ws.transaction() as session:\n        return session\n")
    assert transaction_calls(sample) == [2]
