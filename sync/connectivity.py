"""A cheap probe of the server: one GET /health with short timeouts, no retries, a few hundred bytes.

The UI asks before offering "Sync now" and the engine's caller can poll it to start a sync when the link returns;
a failed probe costs a couple of seconds, never a minute of backoff.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync.client import SyncClient, SyncError

PROBE_TIMEOUT = (3.0, 5.0)


@dataclass(frozen=True)
class Probe:
    reachable: bool
    server_time: str | None = None
    reason: str = ""


def probe(server_url: str, *, timeout: tuple[float, float] = PROBE_TIMEOUT, options: dict | None = None) -> Probe:
    """``options``: sync/transport.py ``Policy.client_options()``, the laptop's TLS settings."""
    try:
        client = SyncClient(server_url, timeout=timeout, give_up_after=0, **(options or {}))
    except SyncError as exc:  # plain HTTP that this laptop refuses
        return Probe(False, reason=exc.message)
    try:
        answer = client.health()
        return Probe(answer.status == "ok", answer.server_time)
    except SyncError as exc:
        return Probe(False, reason=exc.message)
    finally:
        client.close()
