"""Every dialog and main window in ``ui/``, found by walking the package, and how to open each with data in it.

Shared by the tests that look at every window (its size on a laptop screen, its language), so that a new
dialog is checked by all of them as soon as it has an opener here, and fails them until it has one.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMainWindow

import ui
from app import persons, registrations, sync_state
from app.reference.regions import shipped_regions

TODAY = date.today()
RINA = {"nik": "1603054506900003", "name": "RINA MARLINA", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05", "marital_status": "1", "address": "JL. MERDEKA NO. 5 DUSUN II"}
SCREENED = dict(
    patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
    patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
    patient_village_code="16.03.07.1001", screening_date=(TODAY - timedelta(days=30)).isoformat(),
    exam_status="1", right_presenting_va="5", right_pinhole_va="5", right_lens="2",
    left_presenting_va="3", left_pinhole_va="3", left_lens="2", principal_cause="3", surgery_barriers=["2", "3"],
    referred=True, referral_eye="1", referral_facility="RSUD Dr. H.M. Rabain Muara Enim",
    referral_date=(TODAY - timedelta(days=30)).isoformat(), bpjs_status="1",
)


def window_classes() -> set[str]:
    """Every dialog and main window defined in ``ui/``, as "module.Class"."""
    found = set()
    # Every room's modules too (ui/records/, ui/sync/...): iter_modules saw only ui/'s top level, where no dialog is.
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (isinstance(obj, type) and issubclass(obj, (QDialog, QMainWindow))
                    and obj.__module__ == module.__name__):
                found.add(f"{module.__name__}.{name}")
    return found


def _record(ctx, kind: str, data: dict, submit: bool = True) -> str:
    with ctx.workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=ctx.actor, kind=kind, now=ctx.workspace.now(), data=data)
        if submit:
            registrations.submit(s, actor=ctx.actor, registration_id=reg.id, now=ctx.workspace.now(),
                                 today=TODAY, regions=shipped_regions())
        return reg.id


def _person(ctx) -> str:
    _record(ctx, "ektp", RINA, submit=False)
    with ctx.workspace.transaction() as s:
        return persons.find_by_nik(s, RINA["nik"]).id


def _conflict(ctx) -> sync_state.ConflictView:
    rid = _record(ctx, "ektp", RINA, submit=False)
    device = {"kind": "ektp", "status": "submitted", "data": RINA}
    server = {"kind": "ektp", "status": "returned", "review_comment": "Foto KK kurang jelas",
              "data": {**RINA, "name": "RINA MARLINA SARI", "address": "JL. SUDIRMAN 12"}}
    return sync_state.ConflictView(1, rid, RINA["name"], datetime(2026, 11, 2, 9), device, server,
                                   {"data.name": [RINA["name"], "RINA MARLINA SARI"],
                                    "data.address": [RINA["address"], "JL. SUDIRMAN 12"],
                                    "status": ["submitted", "returned"]})


def _login(ctx, first_run: bool):
    from ui.shell.login import LoginDialog

    if first_run:
        from app.workspace import Workspace

        fresh = Workspace.open(ctx.data_dir / "fresh")
        return LoginDialog(fresh, ctx.runner, ctx.settings.language)
    return LoginDialog(ctx.workspace, ctx.runner, ctx.settings.language)


def _pdf() -> bytes:
    """A two-page A4 PDF drawn by Qt, as a scanned family card would come."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 400, "KARTU KELUARGA")
    writer.newPage()
    painter.drawText(200, 400, "halaman 2")
    painter.end()
    return bytes(buffer.data())


def _import(path: str):
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


# "module.Class" -> {variant: how to open it}; every class window_classes() finds must be here.
OPENERS = {
    "ui.shell.main_window.MainWindow": {"": lambda ctx: _import("ui.shell.main_window.MainWindow")(ctx)},
    "ui.shell.login.LoginDialog": {"first run": lambda ctx: _login(ctx, True), "log in": lambda ctx: _login(ctx, False)},
    "ui.media.receipt_dialog.ReceiptDialog": {
        paper: (lambda ctx, paper=paper: _receipt(ctx, paper)) for paper in ("a5", "a6", "thermal58", "thermal80")},
    "ui.sync.enrol_dialog.EnrolDialog": {"": lambda ctx: _import("ui.sync.enrol_dialog.EnrolDialog")(ctx)},
    "ui.sync.conflict_dialog.ConflictDialog": {
        "": lambda ctx: _import("ui.sync.conflict_dialog.ConflictDialog")(ctx, _conflict(ctx))},
    "ui.follow_up.dialog.FollowUpDialog": {
        "": lambda ctx: _import("ui.follow_up.dialog.FollowUpDialog")(ctx, _record(ctx, "cataract", SCREENED))},
    "ui.records.person_page.PersonDialog": {"": lambda ctx: _import("ui.records.person_page.PersonDialog")(ctx, _person(ctx))},
    "ui.media.attachments_panel.ImageViewer": {
        "portrait photo": lambda ctx: _import("ui.media.attachments_panel.ImageViewer")(
            _image(QSize(3000, 4000)), "Foto"),
        "landscape scan": lambda ctx: _import("ui.media.attachments_panel.ImageViewer")(
            _image(QSize(4000, 3000)), "KK")},
    "ui.media.attachments_panel.PdfViewer": {
        "scanned family card": lambda ctx: _import("ui.media.attachments_panel.PdfViewer")(_pdf(), "Kartu Keluarga")},
    "ui.media.signature_pad.SignatureDialog": {
        "signature": lambda ctx: _import("ui.media.signature_pad.SignatureDialog")(),
        "thumbprint": lambda ctx: _import("ui.media.signature_pad.SignatureDialog")(thumbprint=True)},
    "ui.media.camera_capture.CameraDialog": {"": lambda ctx: _camera()},
    "ui.forms.submitted_dialog.SubmittedDialog": {
        "one record": lambda ctx: _import("ui.forms.submitted_dialog.SubmittedDialog")(
            ctx, [_record(ctx, "ektp", RINA, submit=False)]),
        "twins": lambda ctx: _import("ui.forms.submitted_dialog.SubmittedDialog")(
            ctx, [_record(ctx, "ektp", RINA, submit=False), _record(ctx, "cataract", SCREENED)])},
    "ui.records.receipt_check_dialog.ReceiptCheckDialog": {
        "empty": lambda ctx: _import("ui.records.receipt_check_dialog.ReceiptCheckDialog")(ctx),
        "valid": lambda ctx: _receipt_checked(ctx)},
    "ui.records.person_correction_dialog.PersonCorrectionDialog": {"": lambda ctx: _correction(ctx)},
    "ui.sync.transport_dialog.TransportDialog": {
        "": lambda ctx: _import("ui.sync.transport_dialog.TransportDialog")(ctx, _import("sync.transport.Policy")())},
    "ui.records.return_dialog.ReturnDialog": {
        "": lambda ctx: _import("ui.records.return_dialog.ReturnDialog")(
            "ektp", "Foto KK kurang jelas; alamat tanpa nomor rumah", "id")},
    "ui.records.review_queue.PasswordDialog": {"": lambda ctx: _import("ui.records.review_queue.PasswordDialog")(12)},
    "ui.records.export_dialog.ExportDialog": {
        "officer": lambda ctx: _export(ctx, supervisor=False), "supervisor": lambda ctx: _export(ctx, supervisor=True)},
}


def _receipt_checked(ctx):
    """The dialog with a valid answer and the statement's details shown: its tallest state."""
    from sync import receipt_check

    dialog = _import("ui.records.receipt_check_dialog.ReceiptCheckDialog")(ctx)
    statement = _import("app.receipt_seal.Statement")("01a2f000-0000-7000-8000-000000000101", "KTP-261102-ABCDEF",
                                                      "ektp", TODAY, "160305******0003")
    dialog._checked(receipt_check.ReceiptCheck(receipt_check.VALID, statement, "01a2f000-0000-7000-8000-0000000000aa",
                                               "Laptop Kecamatan Tanjung Enim Selatan"))
    return dialog


def _correction(ctx):
    from app.person_view import load_person

    pid = _person(ctx)
    with ctx.workspace.transaction() as s:
        person = load_person(s, person_id=pid).person
    return _import("ui.records.person_correction_dialog.PersonCorrectionDialog")(ctx, person)


def _export(ctx, *, supervisor: bool):
    import dataclasses

    from app import auth
    from app.record_views import RecordQuery

    if supervisor:
        with ctx.workspace.transaction() as s:
            user = auth.create_user(s, username="ani", full_name="Ani Supervisor", password="rahasia123",
                                    role="supervisor", now=datetime(2026, 11, 1))
            ctx = dataclasses.replace(ctx, actor=auth.Actor(user.id, user.username, user.full_name, user.role,
                                                             ctx.workspace.device_id))
    _record(ctx, "ektp", RINA, submit=False)
    return _import("ui.records.export_dialog.ExportDialog")(ctx, RecordQuery(), shown=1)


def _receipt(ctx, paper: str):
    from ui.media import receipt_render
    from ui.media.receipt_dialog import ReceiptDialog

    ctx.settings.receipt_paper = receipt_render.paper(paper).key
    return ReceiptDialog(ctx, _record(ctx, "ektp", RINA))


def _camera():
    try:
        return _import("ui.media.camera_capture.CameraDialog")()
    except ImportError as exc:  # QtMultimedia needs system libraries (PulseAudio) a bare CI image lacks
        pytest.skip(f"QtMultimedia cannot load here: {exc}")


def _image(size: QSize) -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(0x607D8B)
    return image
