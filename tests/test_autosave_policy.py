"""The autosave guarantee, on a fake clock: an officer who types without pause is still saved at least every
max-wait, and one who stops is saved a period after the last key. What a crash can lose is bounded by this."""

from __future__ import annotations

import pytest

from ui.forms.autosave import MAX_WAIT_FACTOR, AutosavePolicy


def save_times(key_times: list[float], period: float) -> list[float]:
    """When the page's single-shot timer would save for keys at ``key_times``: each key restarts the timer with
    the policy's delay; the timer fires if no key comes before it."""
    policy, saves, due = AutosavePolicy(), [], None
    for t in key_times:
        if due is not None and due <= t:
            saves.append(due)
            policy.saved()
        due = t + policy.edited(t, period)
    saves.append(due)
    return saves


@pytest.mark.parametrize("key_interval", [0.03, 0.12, 0.24, 0.7, 0.99])
def test_continuous_typing_is_saved_at_least_every_max_wait(key_interval):
    period, seconds = 1.0, 30.0
    keys = [i * key_interval for i in range(int(seconds / key_interval))]
    saves = save_times(keys, period)
    max_wait = period * MAX_WAIT_FACTOR
    assert saves[0] - keys[0] <= max_wait + 1e-9
    # Every key is covered by a save no later than max-wait after it was typed.
    for t in keys:
        assert min(s for s in saves if s >= t) - t <= max_wait + 1e-9
    # Saves follow each other at most max-wait apart, plus the wait for the first key after a save.
    assert max(b - a for a, b in zip(saves, saves[1:])) <= max_wait + key_interval + 1e-9


def test_a_pause_saves_one_period_after_the_last_key():
    saves = save_times([0.0, 0.1, 0.2], period=1.0)
    assert saves == [pytest.approx(1.2)]


def test_keys_slower_than_the_period_are_saved_each_on_its_own():
    saves = save_times([0.0, 2.0, 4.0], period=1.0)
    assert saves == [pytest.approx(1.0), pytest.approx(3.0), pytest.approx(5.0)]


def test_a_save_starts_a_new_wait():
    policy = AutosavePolicy()
    assert policy.edited(0.0, 1.0) == pytest.approx(1.0)
    assert policy.edited(1.4, 1.0) == pytest.approx(0.1)  # the deadline set by the first key, 1.5 s after it
    policy.saved()  # e.g. the officer left the field
    assert policy.edited(1.45, 1.0) == pytest.approx(1.0)


def test_a_zero_period_saves_at_once():
    assert AutosavePolicy().edited(5.0, 0) == 0.0
