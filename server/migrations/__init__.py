"""Alembic migrations of the server's own database, shipped inside the package (run by `jemput-server migrate`
and at `serve` start)."""
