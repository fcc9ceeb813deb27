"""Keyword-only service functions; the caller owns the transaction (they flush, never commit)."""
