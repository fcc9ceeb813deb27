"""How this laptop reaches the server safely (issue 11 item 7): HTTPS, or plain HTTP only to this machine itself
(a test server, a technician's loopback tunnel) unless an administrator allowed it on this laptop; and, when the
province runs its own certificate authority or a self-signed certificate, that certificate pinned: requests then
trusts that file instead of the system's authorities.

Both settings live in the database (app_meta), not in settings.json beside it: they decide whom the laptop gives
its device token and the officers' passwords to, so they are changed only by an administrator logged in on this
laptop (``set_policy``), and every change is in the audit log. The certificate is copied into the data folder, so
that the stick it came on can be taken away.
"""

from __future__ import annotations

import ipaddress
import shutil
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app import audit_log
from app.auth import Actor
from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from app.workspace import Workspace
from db.models import Meta

ALLOW_PLAIN_HTTP = "allow_plain_http"  # app_meta: "1" when an administrator allowed http:// to other machines
CA_FILE = "server_ca_file"  # app_meta: the pinned certificate's file name in the data folder
PINNED_NAME = "server-ca.pem"
MSG_ADMIN_ONLY = QT_TRANSLATE_NOOP("Transport", "Only an administrator may change how this laptop reaches the "
                                                "server.")
MSG_BAD_CERTIFICATE = QT_TRANSLATE_NOOP("Transport", "The file {name} is not a certificate (PEM) this laptop can "
                                                     "use.")


class TransportSettingRefused(UserFacingError):
    context = "Transport"


@dataclass(frozen=True)
class Policy:
    allow_plain_http: bool = False
    ca_file: Path | None = None  # None: the system's certificate authorities

    def client_options(self) -> dict:
        return {"allow_plain_http": self.allow_plain_http,
                "verify": str(self.ca_file) if self.ca_file is not None else True}


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plain_http_refused(url: str, allow_plain_http: bool) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and not allow_plain_http and not is_loopback(parts.hostname)


def policy(session: Session, folder: Path) -> Policy:
    allow = session.get(Meta, ALLOW_PLAIN_HTTP)
    ca = session.get(Meta, CA_FILE)
    ca_path = folder / ca.value if ca is not None and ca.value else None
    return Policy(allow is not None and allow.value == "1", ca_path if ca_path and ca_path.is_file() else None)


def policy_of(workspace: Workspace) -> Policy:
    with workspace.transaction() as session:
        return policy(session, workspace.db_path.parent)


def set_policy(session: Session, folder: Path, *, actor: Actor, now, allow_plain_http: bool,
               ca_source: Path | None, keep_ca: bool = False) -> Policy:
    """An administrator's choice. ``ca_source``: a PEM file to pin (copied in); None with ``keep_ca`` False:
    trust the system's authorities again."""
    if actor.role != "admin":
        raise TransportSettingRefused(MSG_ADMIN_ONLY)
    session.merge(Meta(key=ALLOW_PLAIN_HTTP, value="1" if allow_plain_http else "0"))
    pinned = folder / PINNED_NAME
    if ca_source is not None:
        _check_certificate(ca_source)
        partial = pinned.with_name(PINNED_NAME + ".partial")
        shutil.copyfile(ca_source, partial)
        partial.replace(pinned)
        session.merge(Meta(key=CA_FILE, value=PINNED_NAME))
    elif not keep_ca:
        session.merge(Meta(key=CA_FILE, value=""))
    audit_log.append(session, now=now, action="transport_policy", user_id=actor.user_id, username=actor.username,
                     detail=f"allow_plain_http={int(allow_plain_http)} pinned_ca="
                            f"{'new' if ca_source else ('kept' if keep_ca else 'none')}")
    return policy(session, folder)


def _check_certificate(path: Path) -> None:
    from cryptography import x509

    try:
        x509.load_pem_x509_certificates(path.read_bytes())
        ssl.create_default_context(cafile=str(path))
    except (OSError, ValueError, ssl.SSLError) as exc:
        raise TransportSettingRefused(MSG_BAD_CERTIFICATE, name=path.name) from exc
