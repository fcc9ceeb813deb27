"""Fixtures for the server tests; the machinery is in live_server.py so that tests can import its helpers."""

from live_server import live, team  # noqa: F401 - pytest finds fixtures by name here
