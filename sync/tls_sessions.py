"""TLS sessions resumed across requests and syncs (issue 12 item 4): on a 2G link with 300 ms each way, a full
TLS 1.3 handshake costs a round trip and the certificate chain's bytes; a resumed one sends a ticket instead.

requests (urllib3) makes a new SSL context per connection pool and never offers a session it had before, so each
new connection, and each sync (every sync has its own client), paid for a full handshake. Here one context is
kept per trust setting (the system's authorities, or one pinned certificate file) for the life of the process,
and it remembers the last session ticket each server host gave it, offering it on the next connection.

Safety: a ticket only ever came from a connection that verified the certificate under this same context, and it is
offered only to the host that issued it, under the same trust; a server that does not know it simply makes a full
handshake with full verification. Tickets are kept in memory only, never on disk.
"""

from __future__ import annotations

import ssl
import threading

from requests.adapters import HTTPAdapter
from requests.utils import DEFAULT_CA_BUNDLE_PATH


class _RememberingSocket(ssl.SSLSocket):
    """Hands its session to the context once it carries a ticket. A TLS 1.3 ticket arrives after the handshake,
    with the first bytes read, so it is looked for on reading (recv and recv_into read through ``read``)."""

    _remembered = False

    def read(self, len=1024, buffer=None):  # noqa: A002 - the name ssl.SSLSocket.read uses
        data = super().read(len, buffer)
        if not self._remembered:
            self._remember()
        return data

    def _remember(self) -> None:
        session = self.session
        if session is not None and session.has_ticket and self.server_hostname:
            self._remembered = True
            self.context.remember(self.server_hostname, session)


class ResumingContext(ssl.SSLContext):
    """A client context that offers each host the last session it issued on this context."""

    sslsocket_class = _RememberingSocket

    def __new__(cls):
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)  # verifies the certificate and the host name

    def __init__(self) -> None:
        super().__init__()
        self._sessions: dict[str, ssl.SSLSession] = {}
        self._lock = threading.Lock()
        self.handshakes = 0  # connections made with this context, and how many of them resumed a session
        self.resumed = 0

    def remember(self, host: str, session: ssl.SSLSession) -> None:
        with self._lock:
            self._sessions[host] = session

    def forget_sessions(self) -> None:
        """The next connections make full handshakes (bench/sync.py measures one against the other)."""
        with self._lock:
            self._sessions.clear()

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, suppress_ragged_eofs=True,
                    server_hostname=None, session=None):
        with self._lock:
            offered = session or (self._sessions.get(server_hostname) if server_hostname else None)
        wrapped = super().wrap_socket(sock, server_side=server_side, do_handshake_on_connect=do_handshake_on_connect,
                                      suppress_ragged_eofs=suppress_ragged_eofs, server_hostname=server_hostname,
                                      session=offered)
        with self._lock:
            self.handshakes += 1
            self.resumed += bool(do_handshake_on_connect and wrapped.session_reused)
        return wrapped


_contexts: dict[str, ResumingContext] = {}
_contexts_lock = threading.Lock()


def context_for(verify: bool | str) -> ResumingContext:
    """The process's one context for this trust setting: True for the system's authorities, or a pinned
    certificate file. Verification is never turned off here (``verify=False`` is not a setting of this app)."""
    if verify is False:
        raise ValueError("TLS verification cannot be turned off")
    key = "system" if verify is True else str(verify)
    with _contexts_lock:
        context = _contexts.get(key)
        if context is None:
            context = ResumingContext()
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            # True: the same authorities requests trusts by itself (certifi's bundle, frozen into the executable)
            context.load_verify_locations(cafile=DEFAULT_CA_BUNDLE_PATH if verify is True else str(verify))
            _contexts[key] = context
        return context


class ResumingAdapter(HTTPAdapter):
    """requests' adapter with the shared context: urllib3 then wraps every HTTPS connection with it."""

    def __init__(self, verify: bool | str, **kwargs) -> None:
        self.context = context_for(verify)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self.context
        return super().init_poolmanager(*args, **kwargs)

    def cert_verify(self, conn, url, verify, cert) -> None:
        super().cert_verify(conn, url, verify, cert)
        # The trust is in the context already: with a file named here too, urllib3 would load it into the shared
        # context again on every new connection.
        conn.ca_certs = conn.ca_cert_dir = None

