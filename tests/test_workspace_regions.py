"""Each workspace owns its region list: found in its own data folder, switched on it alone."""

from sqlalchemy.orm import Session

from app.reference.regions import DATA_FILE, regions_of
from app.workspace import Workspace


def test_each_workspace_has_its_own_list_from_its_data_folder(tmp_path):
    installed = tmp_path / "second" / "reference" / "regions-7.sqlite"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(DATA_FILE.read_bytes())
    first, second = Workspace.open(tmp_path / "first"), Workspace.open(tmp_path / "second")
    try:
        assert first.regions is first.regions, "one object, so a switch reaches whoever holds it"
        assert first.regions.path == DATA_FILE and second.regions.path == installed
        first.use_regions_file(installed)
        assert first.regions.path == installed
        second.use_regions_file(DATA_FILE)
        assert first.regions.path == installed, "switching one workspace leaves the other alone"
    finally:
        first.close()
        second.close()


def test_a_workspace_session_gives_that_workspaces_regions(workspace):
    with workspace.transaction() as session:
        assert regions_of(session) is workspace.regions
    with Session(workspace.engine) as outside:
        assert regions_of(outside) is not workspace.regions and regions_of(outside).path == DATA_FILE
