"""Driving the real app the way a person does, for the journey tests: the login, the main window's navigation, the
three forms typed field by field, the dialogs that follow, and the sync page, against a real server on loopback.

Every step waits for what the person would wait for (a dialog, a row, a finished sync), never for a fixed time,
so that the journeys hold on a busy two-core machine. Text the person reads is checked in Indonesian, the app's
default language.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from app.settings import Settings
from app.workspace import Workspace
from sync.backoff import Backoff
from sync.client import SyncClient
from ui.shell.app_shell import AppShell
from ui.i18n import install_translators
from ui.shell.main_window import HOME, RECORDS, SYNC, MainWindow
from ui.sync.controller import SyncController
from ui.common.tasks import TaskRunner
from ui_helpers import add_file_through_form

# Set to a folder to keep a PNG of every screen the journeys pass through (scripts/screens_journeys.sh).
SHOTS_ENV = "JEMPUT_JOURNEY_SHOTS"
WAIT = 30_000  # ms: generous, because the machine may be busy; every wait ends as soon as its event happens
PASSWORD = "rahasia123"

# What an officer types for Siti Rahmawati's e-KTP biodata (dates day first, as on the form).
EKTP_TYPED = {
    "head_of_family": "Ahmad Yani", "address": "Jl. Merdeka No. 5", "rt": "003", "rw": "002",
    "name": "Siti Rahmawati", "nik": "1603075708900003", "kk_number": "1603071203150007",
    "birth_place": "Muara Enim", "birth_date": "17081990", "mother_name": "Aminah",
    "marriage_certificate_no": "123/45/VI/2012", "marriage_date": "01062012",
}
EKTP_CHOSEN = {"sex": "2", "religion": "1", "marital_status": "2", "relationship": "3", "education": "5",
               "occupation": "9", "citizenship": "1"}
BORN = date.today() - timedelta(days=10)
BIRTH_TYPED = {
    "reporter_name": "Ahmad Yani", "reporter_nik": "1603071708850001", "reporter_kk_number": "1603071203150007",
    "child_name": "Putri Aulia", "child_birth_date": BORN.strftime("%d%m%Y"), "child_birth_time": "0730",
    "child_birth_order": "1", "child_weight": "3,2", "child_length": "49", "child_kk_number": "1603071203150007",
}
BIRTH_CHOSEN = {"reporter_citizenship": "1", "child_sex": "2", "child_birth_place_type": "2",
                "child_birth_type": "1", "child_birth_attendant": "2"}
CATARACT_TYPED = {"patient_name": "Mak Ijah", "patient_birth_date": "01031950", "patient_address": "Dusun II"}
CATARACT_CHOSEN = {"patient_sex": "2", "exam_status": "1", "right_presenting_va": "4", "right_pinhole_va": "4",
                   "right_lens": "2", "left_presenting_va": "1", "left_lens": "1", "principal_cause": "3"}


def fast_client(url: str) -> SyncClient:
    # Short back-off: a refused connection costs the test milliseconds, not the app's patient minutes.
    return SyncClient(url, backoff=Backoff(base=0.02, cap=0.3), give_up_after=5)


@dataclass
class Laptop:
    """One laptop: its data folder, the app running on it, and whoever is logged in."""

    folder: Path
    qtbot: object
    workspace: Workspace = field(init=False)
    shell: AppShell = field(init=False)
    windows: list = field(default_factory=list)
    # How the sync page makes its client: a short back-off here; None for the app's own (the transport policy).
    make_client: object = fast_client

    def __post_init__(self) -> None:
        install_translators(QApplication.instance(), "id")
        if os.environ.get(SHOTS_ENV):
            from ui.shell import style

            style.apply(QApplication.instance())  # the pictures show the app's own look, as the launcher sets it
        self.workspace = Workspace.open(self.folder)
        self.runner = TaskRunner()
        self.settings = Settings(language="id")
        self.shell = AppShell(self.workspace, self.runner, self.settings, self.folder, make_window=self._window)
        self.shell.window_opened.connect(self.windows.append)

    def _window(self, ctx) -> MainWindow:
        window = MainWindow(ctx, sync=SyncController(ctx, make_client=self.make_client))
        window.resize(1366, 728)
        return window  # the shell closes and deletes it at log-out; close() closes the last one

    @property
    def window(self) -> MainWindow:
        assert self.shell.window is not None, "nobody is logged in"
        return self.shell.window

    def close(self) -> None:
        if self.shell.window is not None:
            self.shell.window.close()
        if self.shell.login is not None:
            self.shell.login.reject()
        self.runner.wait()
        self.workspace.close()
        # Tests that follow expect Qt's source language, as they found it.
        install_translators(QApplication.instance(), "en")

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        """A picture of what the person sees now (the main window, or a dialog over it), when asked for."""
        folder = os.environ.get(SHOTS_ENV)
        if not folder:
            return
        target = widget or self.window
        # A person looks a moment after typing: the live checks (debounced by a timer) have run by then.
        page = self.window.current_page() if self.shell.window is not None else None
        timer = getattr(page, "_validate_timer", None)
        if timer is not None:
            self.qtbot.waitUntil(lambda: not timer.isActive(), timeout=WAIT)
        QApplication.processEvents()
        Path(folder).mkdir(parents=True, exist_ok=True)
        target.grab().save(str(Path(folder) / f"{name}.png"))

    # --- login, log-out ---------------------------------------------------------------------------------------

    def start(self):
        login = self.shell.start()
        self.qtbot.waitUntil(lambda: login.current_page() is not None, timeout=WAIT)
        return login

    def create_first_account(self, full_name: str, username: str, password: str = PASSWORD) -> MainWindow:
        login = self.start()
        assert login.current_page() is login.create_page, "a new laptop asks for its first account"
        for editor, text in ((login.new_name, full_name), (login.new_username, username),
                             (login.new_password, password), (login.new_repeat, password)):
            editor.setFocus()
            self.qtbot.keyClicks(editor, text)
        before = len(self.windows)
        self.qtbot.mouseClick(login.create_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: len(self.windows) > before, timeout=WAIT)
        return self.window

    def log_in(self, username: str, password: str = PASSWORD) -> MainWindow:
        login = self.shell.login or self.start()
        self.qtbot.waitUntil(lambda: login.current_page() is login.login_page, timeout=WAIT)
        login.username.setFocus()
        self.qtbot.keyClicks(login.username, username)
        login.password.setFocus()
        self.qtbot.keyClicks(login.password, password)
        before = len(self.windows)
        self.qtbot.keyClick(login.password, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: len(self.windows) > before, timeout=WAIT)
        window = self.window
        self.qtbot.waitUntil(lambda: window.sync.loaded, timeout=WAIT)
        return window

    def log_out(self) -> None:
        window = self.window
        self.qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
        box = window.leave_box
        self.qtbot.waitUntil(lambda: box.isVisible(), timeout=WAIT)
        self.qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.shell.window is None and self.shell.login is not None, timeout=WAIT)

    # --- navigation ------------------------------------------------------------------------------------------

    def go(self, row: int) -> QWidget:
        """Clicks an entry of the navigation on the left."""
        nav = self.window.nav
        self.qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                              pos=nav.visualItemRect(nav.item(row)).center())
        return self.window.current_page()

    def new_form(self, kind: str):
        home = self.go(HOME)
        self.qtbot.mouseClick(home.services.buttons[kind], Qt.MouseButton.LeftButton)
        form = self.window.current_page()
        assert form.KIND == kind
        return form

    def records(self, text: str = ""):
        """The records page, searched for ``text``, once its list and count have loaded."""
        page = self.go(RECORDS)
        page.search.clear()
        if text:
            self.qtbot.keyClicks(page.search, text)
            self.qtbot.keyClick(page.search, Qt.Key.Key_Return)
        # Loaded, and for the query the page would make now (for the account as it is now: enrolment gives it
        # the server's id, and a list still showing the old account's query would say nothing true).
        self.qtbot.waitUntil(lambda: page.count_label.text() not in ("", "…") and not page.model.pages.loading
                             and page.model.pages.query == page.query(), timeout=WAIT)
        return page

    def open_record(self, text: str):
        """Finds a record in the list and opens it with Enter, as an officer does."""
        page = self.records(text)
        self.qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
        page.table.setFocus()
        page.table.selectRow(0)
        self.qtbot.keyClick(page.table, Qt.Key.Key_Return)
        opened = self.window.current_page()
        assert opened is not page
        return opened

    # --- the sync page ---------------------------------------------------------------------------------------

    def enrol(self, server_url: str, code: str) -> None:
        panel = self.go(SYNC)
        self.qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
        dialog = panel.enrol_dialog
        self.qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
        dialog.url.setFocus()
        self.qtbot.keyClicks(dialog.url, server_url)
        dialog.code.setFocus()
        self.qtbot.keyClicks(dialog.code, code)
        self.qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
        assert dialog.result_enrolment is not None, dialog.message.text()
        self.qtbot.waitUntil(lambda: self.window.sync.enrolled, timeout=WAIT)

    def sync(self):
        """Presses "Sync now" and waits for the run to end; returns (result, error)."""
        panel = self.go(SYNC)
        controller = self.window.sync
        self.qtbot.waitUntil(lambda: panel.sync_button.isEnabled() and not controller.running, timeout=WAIT)
        with self.qtbot.waitSignal(controller.finished, timeout=WAIT) as blocker:
            self.qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        result, error = blocker.args
        assert error is None, controller.error_text(error)
        return result  # the lists reload by themselves: callers wait for the rows or counts they expect


# --- typing into forms ------------------------------------------------------------------------------------------

def type_into(qtbot, form, key: str, text: str) -> None:
    editor = form.editors[key]
    editor.setFocus()
    editor.clear()
    qtbot.keyClicks(editor, text)


def choose(qtbot, combo: QComboBox, code: str) -> None:
    """Picks an option as a keyboard user does: focus the list, then arrow down to it."""
    target = combo.findData(code)
    assert target > 0, (combo.objectName(), code)
    # Some lists open up only once the live check has seen the field before (a pinhole reading after a poor one).
    qtbot.waitUntil(combo.isEnabled, timeout=WAIT)
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    combo.activated.emit(combo.currentIndex())  # arrow keys change the index; activated marks the edit
    assert combo.currentData() == code, (combo.objectName(), code, combo.currentData(), combo.isEnabled())


def tick(qtbot, form, key: str) -> None:
    box = form.editors[key]
    if not box.isChecked():
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def pick_from_popup(qtbot, combo, typed: str, wanted: str) -> None:
    """Types part of a name into a searchable list and clicks the match in its popup."""
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), typed)
    popup = combo.search_popup.popup() if hasattr(combo, "search_popup") else combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT)
    model = popup.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().split(" — ")[0] == wanted)
    popup.scrollTo(model.index(row, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(model.index(row, 0)).center())


def pick_village(qtbot, picker, regency: str, typed: str, wanted: str) -> None:
    picker.set_values({"province_code": "16", "regency_code": regency})
    pick_from_popup(qtbot, picker.combos["village_code"], typed, wanted)


def errors_of(form) -> list[str]:
    """What would stop "Send to supervisor", as the form's own submit check sees it."""
    issues = form.spec.validate(form.values(), today=form.ctx.workspace.today(), regions=form.regions,
                                for_submit=True)
    return [f"{issue.field}: {issue.text('en')}" for issue in issues if issue.is_error]


def fill_ektp(qtbot, form) -> None:
    for key, text in EKTP_TYPED.items():
        type_into(qtbot, form, key, text)
    for key, code in EKTP_CHOSEN.items():
        choose(qtbot, form.editors[key], code)
    pick_village(qtbot, form.picker, "16.03", "tanj", "Tanjung Enim")


def fill_birth_with_mother_from_ektp(qtbot, form, mother_nik: str) -> None:
    """The mother is already on this laptop from her e-KTP: found by NIK and taken over, not typed again."""
    picker = form.person_pickers["mother"]
    picker.setFocus()
    qtbot.keyClicks(picker, mother_nik[:10])
    qtbot.waitUntil(lambda: picker.results.rowCount() == 1, timeout=WAIT)
    popup = picker.popup_completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.editors["mother_nik"].text() == mother_nik, timeout=WAIT)
    choose(qtbot, form.editors["mother_citizenship"], "1")
    for key, text in BIRTH_TYPED.items():
        type_into(qtbot, form, key, text)
    for key, code in BIRTH_CHOSEN.items():
        choose(qtbot, form.editors[key], code)
    pick_from_popup(qtbot, form.editors["child_birth_place"], "muara en", "Kabupaten Muara Enim")
    tick(qtbot, form, "doc_birth_letter")
    issuer = form.editors["doc_birth_letter_issuer"]
    choose(qtbot, issuer, issuer.itemData(1))
    tick(qtbot, form, "doc_kk")


def fill_cataract(qtbot, form) -> None:
    for key, text in CATARACT_TYPED.items():
        type_into(qtbot, form, key, text)
    type_into(qtbot, form, "screening_date", date.today().strftime("%d%m%Y"))
    for key, code in CATARACT_CHOSEN.items():
        choose(qtbot, form.editors[key], code)
    fear = form.editors["surgery_barriers"].boxes["2"]  # the grandmother is afraid of the operation
    form.scroll.ensureWidgetVisible(fear)
    qtbot.mouseClick(fear, Qt.MouseButton.LeftButton, pos=QPoint(8, fear.height() // 2))
    assert fear.isChecked()
    pick_village(qtbot, form.pickers["patient_"], "16.03", "tanj", "Tanjung Enim")


def submit(qtbot, window, form):
    """Presses "Send to supervisor"; returns the confirmation that follows, once it shows the number."""
    errors = errors_of(form)
    assert errors == [], errors
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.submitted_dialog is not None and window.submitted_dialog.isVisible(),
                    timeout=WAIT)
    dialog = window.submitted_dialog
    qtbot.waitUntil(dialog.receipt_button.isEnabled, timeout=WAIT)
    return dialog


def send_ektp(qtbot, laptop, person: str, nik: str, *, photo: Path | None = None) -> str:
    """An e-KTP for ``person`` typed (with ``photo`` added through the form) and sent for review on ``laptop``;
    returns its id."""
    window = laptop.window
    form = laptop.new_form("ektp")
    fill_ektp(qtbot, form)
    type_into(qtbot, form, "name", person)
    type_into(qtbot, form, "nik", nik)
    if photo is not None:
        add_file_through_form(qtbot, form, photo)
    confirmation = submit(qtbot, window, form)
    rid = confirmation.numbers[0].registration_id
    finish_confirmation(qtbot, window, confirmation)
    return rid


def finish_confirmation(qtbot, window, dialog) -> None:
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    window.submitted_dialog = None
