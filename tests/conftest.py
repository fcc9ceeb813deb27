import os
from datetime import datetime

import pytest

# Headless Qt for every test, whatever the shell says.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
def english(qapp):
    """The UI in English as the launcher sets it up: English needs no catalogue except its plural forms."""
    from ui.i18n import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")
