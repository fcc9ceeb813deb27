from app import paths


def test_the_folder_given_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("JEMPUT_DATA_DIR", str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    assert (tmp_path / "given").is_dir()
    assert paths.data_dir() == tmp_path / "from-env"


def test_without_either_the_users_data_folder(monkeypatch):
    monkeypatch.delenv("JEMPUT_DATA_DIR", raising=False)
    assert "jemput-bola" in paths.data_dir_path().parts
