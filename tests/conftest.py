import os
from datetime import datetime

import pytest

# Headless Qt for every test, whatever the shell says.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The server refuses to start without the operator's data key (server/core/config.py); every server a test starts,
# in this process or a child, encrypts with this one. tests/server/test_server_at_rest.py checks the refusal.
os.environ.setdefault("JEMPUT_SERVER_DATA_KEY", "7e57" * 16)


@pytest.fixture
def workspace(tmp_path):
    from app.workspace import Workspace

    ws = Workspace.open(tmp_path)
    yield ws
    ws.close()


@pytest.fixture
def officer(workspace):
    from app import auth

    with workspace.transaction() as s:
        user = auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123",
                                role="officer", now=datetime(2026, 11, 1))
        return auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


@pytest.fixture
def make_ui_context(qapp, workspace, officer, tmp_path):
    """Makes the UiContext a page is given: the officer's workspace, ``Settings(**settings)``, ``tmp_path`` as the
    data folder. The runner is synchronous (a click's effect is visible on the next line) unless ``threaded``,
    the runner the app uses, which is waited for at the end. ``translators`` installs that language's catalogues
    first (Settings.language does not: a test may want English labels on an Indonesian form); English is put
    back afterwards, as every other test expects.

    A test file that needs more than the default ``ctx`` overrides it with a fixture of the same name that calls
    this with what it needs."""
    from app.settings import Settings
    from ui.context import Changes, UiContext
    from ui.i18n import install_translators
    from ui.common.tasks import TaskRunner

    threaded_runners, translated = [], []

    def make(*, translators: str | None = None, threaded: bool = False, **settings) -> UiContext:
        if translators:
            install_translators(qapp, translators)
            translated.append(translators)
        runner = TaskRunner(synchronous=not threaded)
        if threaded:
            threaded_runners.append(runner)
        return UiContext(workspace, officer, runner, Settings(**settings), tmp_path, Changes())

    yield make
    for runner in threaded_runners:
        runner.wait()
        qapp.processEvents()  # the results the worker posted, delivered before the workspace closes
    if translated:
        install_translators(qapp, "en")


@pytest.fixture
def ctx(make_ui_context):
    """The UiContext most page tests need: English settings, a synchronous runner, translators left as they are."""
    return make_ui_context(language="en")


@pytest.fixture
def english(qapp):
    """The UI in English as the launcher sets it up: English needs no catalogue except its plural forms."""
    from ui.i18n import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


@pytest.fixture(scope="module")
def journey_server(tmp_path_factory):
    """The central server for a journey (real Uvicorn on loopback, SQLite): supervisor Ani and her officer Siti."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent / "server"))
    from live_server import LiveServer

    from server.core.config import Settings as ServerSettings

    live = LiveServer(ServerSettings(data_dir=tmp_path_factory.mktemp("journey-server")), "sqlite")
    live.create_user("ani", "supervisor")
    live.create_user("siti", supervisor="ani")
    yield live
    live.stop()


@pytest.fixture
def laptop(qtbot, tmp_path):
    """A new laptop running the real app (``journey_kit.Laptop``), closed with its database afterwards."""
    from journey_kit import Laptop

    machine = Laptop(tmp_path / "laptop", qtbot)
    yield machine
    machine.close()
