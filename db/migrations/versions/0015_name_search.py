"""name_search: a trigram full-text index of the names a registration is found by, kept in step by triggers

A name search (any part of a name) was a LIKE '%x%' over every registration's name and every mother's and father's:
a walk through two whole indexes, each page decrypted, 110 ms at 100,000 records. FTS5's trigram tokenizer answers
a phrase of 3 or more characters as an exact substring match from its index instead (app/registrations.py).

One document per registration: the subject's name key, then the name keys of the people it names in a searched
role (app/kinds ``searched_roles``: a birth's mother and father), joined by a line feed, which a name key never holds
(whitespace becomes single spaces), so that no phrase matches across two names.

The index is keyed by ``name_search_ids.id``, an INTEGER PRIMARY KEY that VACUUM and sqlcipher_export keep, not by
the registrations' own rowid, which they may renumber (their key is the TEXT id). It keeps its own copy of each
document rather than being contentless (``contentless_delete``, SQLite 3.43): plaintext files (the fixtures, the
benchmark's baseline) are written through Python's own sqlite3, which is older on some systems (3.40 on Debian 12);
the copy is a few bytes a record. Triggers, not Python hooks, keep it
in step, so that every writer does: the ORM, the sync's Core-level updates, a batch file's import, a purge, and
whatever comes later. The roles are written out here as they stand today: a migration must give the same schema
whatever the app becomes; a change of ``searched_roles`` is a new migration (tests/test_registrations.py checks).
"""

from alembic import op


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

ROLES = ("father", "mother")
_ROLES = ", ".join(f"'{role}'" for role in ROLES)
SEPARATOR = "char(10)"


def _document(reg: str) -> str:
    """The SQL of the names registration ``reg`` (a table alias) is found by."""
    return (f"coalesce({reg}.subject_name_key, '') || coalesce({SEPARATOR} || ("
            f"SELECT group_concat(p.name_key, {SEPARATOR}) FROM registration_persons rp "
            f"JOIN persons p ON p.id = rp.person_id "
            f"WHERE rp.registration_id = {reg}.id AND rp.role IN ({_ROLES})), '')")


def _refresh(registration_id: str) -> str:
    """Statements that write registration ``registration_id``'s document again (none when it is gone)."""
    return (f"DELETE FROM name_search WHERE rowid = "
            f"(SELECT id FROM name_search_ids WHERE registration_id = {registration_id});\n"
            f"INSERT INTO name_search (rowid, names) SELECT i.id, {_document('r')} FROM name_search_ids i "
            f"JOIN registrations r ON r.id = i.registration_id WHERE i.registration_id = {registration_id};\n")


def _refresh_naming(person_id: str) -> str:
    """Statements that write again the documents of every registration naming ``person_id`` in a searched role."""
    naming = (f"SELECT registration_id FROM registration_persons "
              f"WHERE person_id = {person_id} AND role IN ({_ROLES})")
    return (f"DELETE FROM name_search WHERE rowid IN "
            f"(SELECT id FROM name_search_ids WHERE registration_id IN ({naming}));\n"
            f"INSERT INTO name_search (rowid, names) SELECT i.id, {_document('r')} FROM name_search_ids i "
            f"JOIN registrations r ON r.id = i.registration_id WHERE i.registration_id IN ({naming});\n")


TRIGGERS = {
    "name_search_registration_insert": (
        "AFTER INSERT ON registrations",
        "INSERT INTO name_search_ids (registration_id) VALUES (new.id) ON CONFLICT (registration_id) DO NOTHING;\n"
        + _refresh("new.id")),
    "name_search_registration_rename": (
        "AFTER UPDATE OF subject_name_key ON registrations "
        "WHEN old.subject_name_key IS NOT new.subject_name_key",
        _refresh("new.id")),
    "name_search_registration_delete": (
        "AFTER DELETE ON registrations",
        "DELETE FROM name_search WHERE rowid = (SELECT id FROM name_search_ids WHERE registration_id = old.id);\n"
        "DELETE FROM name_search_ids WHERE registration_id = old.id;\n"),
    "name_search_link_insert": (
        f"AFTER INSERT ON registration_persons WHEN new.role IN ({_ROLES})",
        _refresh("new.registration_id")),
    "name_search_link_delete": (
        f"AFTER DELETE ON registration_persons WHEN old.role IN ({_ROLES})",
        _refresh("old.registration_id")),
    "name_search_link_update": (
        f"AFTER UPDATE OF registration_id, role, person_id ON registration_persons "
        f"WHEN old.role IN ({_ROLES}) OR new.role IN ({_ROLES})",
        _refresh("old.registration_id") + _refresh("new.registration_id")),
    "name_search_person_rename": (
        "AFTER UPDATE OF name_key ON persons WHEN old.name_key IS NOT new.name_key",
        _refresh_naming("new.id")),
    # People are removed once nothing links them; with foreign keys off a linked one could go too.
    "name_search_person_delete": (
        "AFTER DELETE ON persons",
        _refresh_naming("old.id")),
}


def upgrade() -> None:
    bind = op.get_bind()
    bind.exec_driver_sql("CREATE TABLE name_search_ids (id INTEGER PRIMARY KEY, "
                         "registration_id VARCHAR(36) NOT NULL UNIQUE)")
    # columnsize=0: no per-document token counts, which only ranking (bm25) reads.
    bind.exec_driver_sql("CREATE VIRTUAL TABLE name_search USING fts5(names, tokenize='trigram', columnsize=0)")
    bind.exec_driver_sql("INSERT INTO name_search_ids (registration_id) SELECT id FROM registrations ORDER BY id")
    bind.exec_driver_sql(f"INSERT INTO name_search (rowid, names) SELECT i.id, {_document('r')} "
                         f"FROM name_search_ids i JOIN registrations r ON r.id = i.registration_id")
    for name, (when, body) in TRIGGERS.items():
        bind.exec_driver_sql(f"CREATE TRIGGER {name} {when} BEGIN\n{body}END")


def downgrade() -> None:
    bind = op.get_bind()
    for name in TRIGGERS:
        bind.exec_driver_sql(f"DROP TRIGGER {name}")
    bind.exec_driver_sql("DROP TABLE name_search")
    bind.exec_driver_sql("DROP TABLE name_search_ids")
