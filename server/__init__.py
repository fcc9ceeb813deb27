"""The central server: receives what the laptops sync, sets service status and sends it back (PROTOCOL.md)."""
