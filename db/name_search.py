"""The name index (migration 0015): a trigram FTS5 table written by triggers, read by the records list's search.

Outside the ORM's metadata: SQLAlchemy cannot describe a virtual table, and nothing but the triggers writes either
table. These lightweight tables are what a query names.
"""

from __future__ import annotations

from sqlalchemy import column, table

# FTS5 keeps its index in shadow tables named after it (name_search_data, name_search_idx, ...).
PREFIX = "name_search"

ids = table("name_search_ids", column("id"), column("registration_id"))
names = table("name_search", column("rowid"), column("names"))


def include_name(name: str | None, type_: str, _parent_names: dict) -> bool:
    """For Alembic's comparison of the models with a database: the name index is not the models' to describe."""
    return not (type_ == "table" and name is not None and name.startswith(PREFIX))
