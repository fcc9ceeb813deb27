"""The province's guardrails: set with jemput-server set-limits, sent to every device in the pull feed (on both
databases)."""

from live_server import make_record

from sync.answers import LimitsChange, change_from_dict


def limits_changes(device, cursor=0):
    r = device.get("/pull", cursor=cursor)
    assert r.status_code == 200, r.text
    return [c for c in r.json()["changes"] if c["type"] == "limits"]


def test_set_limits_reaches_every_device_and_the_newest_wins(live, team):
    code, out = live.cli("set-limits", "--max-waiting-review", "30", "--max-not-handed-over", "50",
                         "--max-days-since-handover", "7")
    assert code == 0, out
    assert "limits set" in out and "max-days-since-handover 7" in out
    for device in (team.siti, team.budi, team.sup):
        entry = limits_changes(device)[-1]
        assert {k: entry[k] for k in ("max_waiting_review", "max_not_handed_over", "max_days_since_handover")} == {
            "max_waiting_review": 30, "max_not_handed_over": 50, "max_days_since_handover": 7}
        # What the server sends is what the laptop parses.
        change = change_from_dict(entry)
        assert isinstance(change, LimitsChange) and change.max_not_handed_over == 50
    # Left out is no limit; the same limits again add nothing to the feed.
    assert live.cli("set-limits", "--max-not-handed-over", "12")[0] == 0
    before = live.scalar("SELECT count(*) FROM changes WHERE type = 'limits'")
    code, out = live.cli("set-limits", "--max-not-handed-over", "12")
    assert code == 0 and "limits unchanged" in out
    assert live.scalar("SELECT count(*) FROM changes WHERE type = 'limits'") == before
    newest = limits_changes(team.siti)[-1]
    assert (newest["max_waiting_review"], newest["max_not_handed_over"], newest["max_days_since_handover"]) == (
        0, 12, 0)
    assert live.scalar("SELECT max_not_handed_over FROM guardrail_limits WHERE id = 1") == 12


def test_limits_come_after_the_cursor_like_any_change(live, team):
    cursor = team.siti.get("/pull", cursor=0).json()["cursor"]
    assert limits_changes(team.siti, cursor) == []
    assert live.cli("set-limits", "--max-waiting-review", "5")[0] == 0
    [entry] = limits_changes(team.siti, cursor)
    assert entry["max_waiting_review"] == 5
    # A record pushed meanwhile still goes through: the server does not apply the guardrails itself.
    assert team.siti.push([make_record(team.ids["siti"], team.siti)]).status_code == 200


def test_bad_limits_change_nothing(live, team):
    before = live.snapshot()
    limits_before = live.scalar("SELECT max_waiting_review FROM guardrail_limits WHERE id = 1")
    code, out = live.cli("set-limits", "--max-waiting-review", "-3")
    assert code == 2 and "not set" in out and "max-waiting-review" in out
    code, out = live.cli("set-limits", "--max-days-since-handover", str(2**31))
    assert code == 2
    assert live.snapshot() == before
    assert live.scalar("SELECT max_waiting_review FROM guardrail_limits WHERE id = 1") == limits_before


def test_schema_0006_upgrades_a_database_made_by_0005(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from server.core.config import Settings
    from server.core.migrate import current_revision, upgrade

    engine = create_engine(Settings(data_dir=tmp_path).url)
    try:
        upgrade(engine, "0005")
        with engine.begin() as c:
            c.execute(text("INSERT INTO changes (user_id, type, payload, created_at) "
                           "VALUES (NULL, 'account', '{}', '2026-11-01 00:00:00')"))
        upgrade(engine, "0006")
        assert current_revision(engine) == "0006"
        assert "guardrail_limits" in inspect(engine).get_table_names()
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM changes")).scalar() == 1
            assert c.execute(text("SELECT count(*) FROM guardrail_limits")).scalar() == 0
    finally:
        engine.dispose()
