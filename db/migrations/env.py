"""Alembic environment: always run programmatically by db.migrate with a live connection."""

from alembic import context

from db import name_search
from db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=True,
    include_name=name_search.include_name,
)
with context.begin_transaction():
    context.run_migrations()
