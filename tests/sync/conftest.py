"""A real server (Uvicorn on loopback, SQLite), the fault proxy in front of it, and enrolled laptops."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: shared sample records

from live_server import PASSWORD, VALID_EKTP, LiveServer  # noqa: E402

from bench.faultproxy import FaultProxy  # noqa: E402
from server.core.config import Settings  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(Settings(data_dir=tmp_path_factory.mktemp("sync-server")), "sqlite")
    live.create_user("sup", "supervisor")
    live.create_user("siti", supervisor="sup")
    yield live
    live.stop()


@pytest.fixture
def proxy(server):
    port = int(server.root.rsplit(":", 1)[1])
    with FaultProxy(port, seed=7, lifetime=120) as p:
        yield p


@pytest.fixture
def laptop(tmp_path, server, proxy):
    """An enrolled workspace talking to the server through the proxy."""
    from app.workspace import Workspace
    from sync.enrol import enrol

    ws = Workspace.open(tmp_path / "laptop")
    enrol(ws, proxy.url, server.enrol_code(for_user="sup"), "laptop-test")
    yield ws
    ws.close()


class Kit:
    """Helpers the sync tests share (a fixture, because test modules must not import conftest)."""

    password = PASSWORD
    valid = VALID_EKTP

    @staticmethod
    def actor_for(ws, username: str):
        from app import auth

        with ws.transaction() as s:
            return auth.login(s, username=username, password=PASSWORD, now=ws.now(), device_id=ws.device_id)

    @staticmethod
    def submitted(ws, actor, n: int, *, data: dict | None = None) -> list[str]:
        """n e-KTP records that pass the submit checks, submitted: what an officer brings back from a village."""
        from app import registrations as regs
        from app.reference.regions import shipped_regions

        ids = []
        with ws.transaction() as s:
            for i in range(n):
                fields = dict(data or VALID_EKTP)
                fields["nik"] = fields["nik"][:12] + f"{i + 1:04d}"
                reg = regs.create_draft(s, actor=actor, kind="ektp", now=ws.now(), data=fields)
                issues = regs.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=date.today(),
                                     regions=shipped_regions())
                assert not [x for x in issues if x.severity == "error"], issues
                ids.append(reg.id)
        return ids

    @staticmethod
    def fast_client(ws, **kw):
        """A client whose backoff is short, so that the tests' cuts cost milliseconds, not seconds."""
        from sync.backoff import Backoff
        from sync.client import SyncClient
        from sync.enrol import settings

        url, _ = settings(ws)
        return SyncClient(url, backoff=Backoff(base=0.02, cap=0.3), give_up_after=kw.pop("give_up_after", 30),
                          **kw)

    @staticmethod
    def sync(ws, username="siti", **kw):
        from sync.engine import run_sync

        kw.setdefault("client", Kit.fast_client(ws))
        return run_sync(ws, username=username, password=kw.pop("password", PASSWORD), **kw)


@pytest.fixture
def kit():
    return Kit


@pytest.fixture(scope="module")
def handover_server(tmp_path_factory):
    """The server of the hand-over tests: Sup's team is Siti; Budi is in another supervisor's team."""
    live = LiveServer(Settings(data_dir=tmp_path_factory.mktemp("handover-server")), "sqlite")
    live.create_user("sup", "supervisor")
    live.create_user("siti", supervisor="sup")
    live.create_user("sup2", "supervisor")
    live.create_user("budi", supervisor="sup2")
    yield live
    live.stop()


@pytest.fixture
def pair(tmp_path, handover_server, kit):
    """(officer laptop, supervisor laptop), enrolled and synced so that each is in the other's key list; then
    used without signal."""
    from handover_kit import enrolled

    sup = enrolled(tmp_path / "sup", handover_server, "sup", kit, "laptop-ani")
    officer = enrolled(tmp_path / "siti", handover_server, "siti", kit, "laptop-siti")
    kit.sync(sup.ws, username="sup")
    yield officer, sup
    officer.ws.close()
    sup.ws.close()
