"""POST /session refuses password guessing the way a laptop does: wrong passwords in a row lock the account on that
device with app.auth.lock_delay, a locked account gets 429 ``locked`` with Retry-After, unknown usernames look like
wrong passwords, and every answer costs the same time."""

import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text

from app.auth import FREE_ATTEMPTS, lock_delay
from live_server import PASSWORD, _database
from server.core.config import Settings
from server.core.migrate import current_revision, upgrade
from sync.client import Refused, SyncClient

WRONG = "bukan-sandinya"


def _state(live, username: str) -> tuple[int, object]:
    """The count and lock of the user on the one device the test uses (no row: a clean count)."""
    with live.factory() as session:
        return session.execute(text(
            "SELECT coalesce(f.failed_attempts, 0), f.locked_until FROM users u "
            "LEFT JOIN login_failures f ON f.user_id = u.id WHERE u.username = :u"), {"u": username}).one()


def _unlock_by_time(live, username: str) -> None:
    """As if the delay had passed: the lock time is moved into the past instead of sleeping through it."""
    past = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=1)
    with live.factory() as session, session.begin():
        session.execute(text("UPDATE login_failures SET locked_until = :t WHERE user_id = "
                             "(SELECT id FROM users WHERE username = :u)"), {"t": past, "u": username})


def _assert_locked(response, seconds: int) -> None:
    assert response.status_code == 429, response.text
    detail = response.json()["detail"]
    assert detail["code"] == "locked"
    assert detail["message"] == f"Terlalu banyak kata sandi salah. Coba lagi dalam {seconds} detik."
    assert response.headers["Retry-After"] == str(seconds)


def test_wrong_passwords_lock_the_account_until_the_delay_passes(live):
    live.create_user("rina")
    device = live.enrol("rina-laptop")
    for attempt in range(1, FREE_ATTEMPTS):
        r = device.login("rina", WRONG)
        assert r.status_code == 401 and r.json()["detail"]["code"] == "bad_login"
        assert _state(live, "rina")[0] == attempt
    first = int(lock_delay(FREE_ATTEMPTS).total_seconds())
    _assert_locked(device.login("rina", WRONG), first)
    assert _state(live, "rina")[0] == FREE_ATTEMPTS

    # While locked even the right password is refused, and refusing it does not count as a wrong one.
    locked = device.login("rina", PASSWORD)
    assert locked.status_code == 429 and locked.json()["detail"]["code"] == "locked"
    assert 1 <= int(locked.headers["Retry-After"]) <= first
    assert device.user_token is None
    assert _state(live, "rina")[0] == FREE_ATTEMPTS

    # The next wrong password after the lock doubles the delay, as on the laptop.
    _unlock_by_time(live, "rina")
    _assert_locked(device.login("rina", WRONG), int(lock_delay(FREE_ATTEMPTS + 1).total_seconds()))
    assert int(lock_delay(FREE_ATTEMPTS + 1).total_seconds()) == 2 * first

    _unlock_by_time(live, "rina")
    ok = device.login("rina", PASSWORD)
    assert ok.status_code == 200, ok.text
    assert device.get("/pull").status_code == 200
    assert tuple(_state(live, "rina")) == (0, None)
    # The counter starts again from zero: one wrong password is just a wrong password.
    assert device.login("rina", WRONG).status_code == 401


def test_the_lock_is_per_device_so_no_laptop_can_lock_an_administrator_out_of_the_others(live):
    """Changed with issue 11: the lock used to be per user, so three wrong passwords typed on any laptop locked
    the administrator everywhere."""
    live.create_user("dewi", "admin")
    live.create_user("eka")
    stolen, office = live.enrol("dewi-1"), live.enrol("dewi-2")
    for _ in range(FREE_ATTEMPTS):
        stolen.login("dewi", WRONG)
    assert stolen.login("dewi").status_code == 429
    assert office.login("dewi").status_code == 200
    assert stolen.login("eka").status_code == 200


def test_a_locked_account_is_answered_as_slowly_as_a_wrong_password(live):
    """A lock that answers at once would tell a guesser which accounts exist and are being guessed."""
    live.create_user("hana")
    device = live.enrol("hana-laptop")

    def timed(password: str) -> tuple[float, int]:
        start = time.perf_counter()
        status = device.login("hana", password).status_code
        return time.perf_counter() - start, status

    wrong = [timed(WRONG) for _ in range(FREE_ATTEMPTS - 1)]
    assert {status for _, status in wrong} == {401}
    assert timed(WRONG)[1] == 429
    locked = [timed(PASSWORD) for _ in range(3)]
    assert {status for _, status in locked} == {429}
    # scrypt dominates both; a lock answered without it took 3-5 ms against about 120 ms.
    assert min(t for t, _ in locked) > min(t for t, _ in wrong) / 3


def test_an_unknown_username_gets_the_same_answer_as_a_wrong_password(live):
    live.create_user("fajar")
    device = live.enrol("fajar-laptop")

    def timed(username: str) -> tuple[float, dict, int]:
        start = time.perf_counter()
        r = device.login(username, WRONG)
        return time.perf_counter() - start, r.json(), r.status_code

    wrong_time, wrong_body, wrong_status = min(timed("fajar") for _ in range(FREE_ATTEMPTS - 1))
    unknown = [timed("tidak-ada") for _ in range(FREE_ATTEMPTS + 2)]
    assert wrong_status == 401
    # Same status and body, and never locked: nothing tells an unknown name from a known one.
    assert {(status, str(body)) for _, body, status in unknown} == {(401, str(wrong_body))}
    # The unknown name costs a password check too (scrypt dominates both), so it is not answered much faster.
    assert min(t for t, _, _ in unknown) > wrong_time / 3


def test_the_sync_client_reports_a_lock_once_without_retrying(live):
    live.create_user("gita")
    device = live.enrol("gita-laptop")
    for _ in range(FREE_ATTEMPTS):
        device.login("gita", WRONG)
    client = SyncClient(live.root, device_token=device.token, give_up_after=5)
    try:
        try:
            client.open_session("gita", PASSWORD)
        except Refused as exc:
            assert exc.code == "locked" and exc.status == 429
            assert exc.text().startswith("Terlalu banyak kata sandi salah. Coba lagi dalam ")
        else:
            raise AssertionError("a locked account must be refused")
        assert client.requests == 1 and client.retries == 0
    finally:
        client.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_schema_0003_gives_existing_users_a_clean_count(backend, tmp_path):
    with _database(backend, tmp_path) as url:
        engine = create_engine(Settings(data_dir=tmp_path, database_url=url).url)
        try:
            upgrade(engine, "0002")
            with engine.begin() as c:
                c.execute(text("INSERT INTO users (id, username, full_name, role, password_hash, active, created_at, "
                               "updated_at) VALUES ('u1', 'lama', 'Lama', 'officer', 'x', true, "
                               "'2026-11-01 00:00:00', '2026-11-01 00:00:00')"))
            upgrade(engine, "0003")
            assert current_revision(engine) == "0003"
            with engine.connect() as c:
                assert tuple(c.execute(text("SELECT failed_attempts, locked_until FROM users")).one()) == (0, None)
        finally:
            engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_schema_0010_starts_every_user_and_device_with_a_clean_count(backend, tmp_path):
    with _database(backend, tmp_path) as url:
        engine = create_engine(Settings(data_dir=tmp_path, database_url=url).url)
        try:
            upgrade(engine, "0008")
            with engine.begin() as c:
                c.execute(text("INSERT INTO users (id, username, full_name, role, password_hash, active, created_at, "
                               "updated_at, failed_attempts, locked_until) VALUES ('u1', 'lama', 'Lama', 'officer', "
                               "'x', true, '2026-11-01 00:00:00', '2026-11-01 00:00:00', 5, '2026-11-01 00:10:00')"))
            upgrade(engine, "0010")
            assert current_revision(engine) == "0010"
            with engine.connect() as c:
                assert c.execute(text("SELECT count(*) FROM login_failures")).scalar() == 0
                assert c.execute(text("SELECT id FROM server_probe")).scalar() == 1
        finally:
            engine.dispose()
