"""Alembic environment: always run programmatically by server.core.migrate with a live connection."""

from alembic import context

from server.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead (a no-op on PostgreSQL).
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
