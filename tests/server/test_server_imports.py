"""The server reaches the laptop's code only through a short, named list of modules (issue 8, "one protocol").

The server applies the app's own rules (kinds and their checks, statuses, receipt numbers, the password format)
and speaks sync/payload.py; anything else in app/, db/, sync/ or ui/ is the laptop's business, and an import of it
from server/ is either a mistake or a new shared rule that belongs in this list, argued in review.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAPTOP_PACKAGES = ("app", "db", "sync", "ui")

SHARED_WITH_SERVER = {
    "sync.payload": "the protocol's request types and JSON rules, parsed and built by both sides",
    "sync.answers": "the protocol's answer and feed types, built here and parsed by the laptops",
    "sync.file_frames": "the body of several files in one upload, written by the laptops and read here as it arrives",
    "sync.signing": "one key encoding and one signed message per purpose, checked by both sides",
    "sync.compression": "the push bodies' zstd dictionaries and their bounded decoding, shipped with both sides",
    "sync.key_list": "the signed key list's document, signed here and checked by the laptops",
    "app.kinds": "the registration kinds and their submit checks: the server validates pushed records with them",
    "app.kinds.spec": "the record a service's export reads (jemput-server export, complaints for SP4N-LAPOR!)",
    "app.status": "the statuses of the state machine, and the moves a laptop can make (the server's policy)",
    "app.follow_up": "the fields a follow-up visit may change after the review: the only edits the server takes then",
    "app.validation.fields": "the longest several-line text a form keeps, a bound of the server's data limits",
    "app.registration_number": "the receipt number central staff type to set a status",
    "app.reference.regions": "the regions list records are checked against, and the published file's checks",
    "app.auth": "one password hash format and lock-out rule for offline and server login",
    "app.i18n": "the server's Indonesian messages use the app's translation machinery",
    "app.collector": "one setting of the garbage collector for every long-running process, the app and the server",
    "app.audit_chain": "one hash chain for the laptops' and the server's audit logs, checked the same way",
    "db.ids": "UUIDv7 ids, made the same way as on the laptops",
    "db.migrate": "one conversion of a plaintext SQLite file to SQLCipher (a checked sqlcipher_export, the wipe of "
                  "the plaintext), for the laptops' database and the embedded server's",
    "sync.batch": "the batch file format: a stick brought to the central office is opened there (import-batch)",
    "sync.handover.content": "what a batch file's payload and a receipt hold, read and written by both sides",
    "app.at_rest": "data at rest: one sealed-file format for the laptops' photos and the server's attachment store "
                   "(file_cipher), the recovery envelope and the key ring that jemput-server recover-key opens and "
                   "writes a wrap into (recovery, keyring)",
}


def _laptop_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of the laptop's packages in one file, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module in LAPTOP_PACKAGES:
                # ``from app import status`` imports the module app.status
                found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return sorted((line, name) for line, name in found if name.split(".")[0] in LAPTOP_PACKAGES)


def test_server_imports_only_the_named_shared_modules():
    stray = [f"{path.relative_to(ROOT)}:{line}: {name}"
             for path in sorted((ROOT / "server").rglob("*.py"))
             for line, name in _laptop_imports(path) if name not in SHARED_WITH_SERVER]
    assert stray == [], "server/ imports laptop code outside SHARED_WITH_SERVER:\n" + "\n".join(stray)


def test_every_named_module_is_still_used():
    # A list that only grows stops saying anything: a module the server no longer needs leaves it.
    used = {name for path in (ROOT / "server").rglob("*.py") for _line, name in _laptop_imports(path)}
    assert sorted(set(SHARED_WITH_SERVER) - used) == []


def test_the_check_sees_every_import_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import ui.common.tasks\nfrom app import status, workspace\nfrom sync.client import SyncClient\n"
                      "def later():\n    from db.models import User\nfrom . import near\nimport json\n")
    assert _laptop_imports(sample) == [(1, "ui.common.tasks"), (2, "app.status"), (2, "app.workspace"),
                                       (3, "sync.client"), (5, "db.models")]
