"""Checks of what an officer typed, returning issues (errors block submitting, warnings only inform)."""
