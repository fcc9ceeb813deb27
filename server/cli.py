"""``jemput-server``: run the server and do what central staff and administrators need from a terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from server import cli_at_rest
from server.core import logs
from server.core.config import DataKeyError, settings_from_env
from server.core.db import make_engine, make_session_factory, transaction
from server.core.migrate import upgrade


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = settings_from_env(data_dir=args.data_dir, database_url=args.database_url)
        if args.command in cli_at_rest.NO_DATABASE:
            return cli_at_rest.COMMANDS[args.command](settings, args)
        settings.require_data_key()
    except DataKeyError as exc:
        print(f"jemput-server: {exc}", file=sys.stderr)
        return 2
    # The administrators' commands are in the server log beside the server's own lines (the terminal gets the
    # command's answer; serve also logs to it).
    logs.configure(settings, to_stderr=args.command == "serve")
    if args.command == "serve":
        return _serve(settings, args)
    engine = make_engine(settings)
    try:
        upgrade(engine)
        if args.command == "migrate":
            print("database is at the newest schema")
            return 0
        return COMMANDS[args.command](make_session_factory(engine), args)
    finally:
        engine.dispose()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jemput-server", description=__doc__)
    parser.add_argument("--data-dir", help="folder for the SQLite file and attachments "
                                           "(default: $JEMPUT_SERVER_DATA_DIR or ./jemput-server-data)")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://user:pass@host/db "
                                               "(default: $JEMPUT_SERVER_DATABASE_URL, else SQLite in the data dir)")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate, then serve HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--certfile", type=Path, help="TLS: the server's certificate chain (PEM); with --keyfile "
                                                     "the server speaks HTTPS only")
    serve.add_argument("--keyfile", type=Path, help="TLS: the certificate's private key (PEM)")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (PostgreSQL only; e.g. one per core, docs/FLEET.md)")
    serve.add_argument("--forwarded-allow-ips", metavar="ADDRESSES",
                       help="the load balancer's address(es), comma-separated: the client address and scheme are "
                            "then taken from its X-Forwarded-For/-Proto headers (default: trust no proxy)")
    audit = sub.add_parser("audit", help="the server's audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check that no entry was changed or removed (hash chain)")
    show = audit_sub.add_parser("show", help="print the newest entries")
    show.add_argument("--last", type=int, default=50)
    sub.add_parser("migrate", help="bring the database to the newest schema")
    user = sub.add_parser("create-user", help="add an officer, supervisor or admin")
    user.add_argument("--username", required=True)
    user.add_argument("--full-name", required=True)
    user.add_argument("--role", required=True, choices=("officer", "supervisor", "admin"))
    user.add_argument("--supervisor", help="username of the supervisor whose team this user joins")
    user.add_argument("--password", help="asked for when left out (better: it stays out of the shell history)")
    code = sub.add_parser("enrol-code", help="print a one-time code that enrols one laptop")
    code.add_argument("--expires-hours", type=float, default=24)
    code.add_argument("--for", dest="for_user", metavar="USERNAME",
                      help="the officer or supervisor whose laptop it enrols: it then holds only their account and "
                           "their team's (or supervisor's) for offline login; left out, the first person who syncs "
                           "through it")
    revoke = sub.add_parser("revoke-device", help="refuse a lost or stolen laptop from now on")
    revoke.add_argument("device_id")
    status = sub.add_parser("set-status", help="set the service status of one registration (by the number on "
                                               "its receipt, e.g. KTP-261201-ABCDEF, or its id), or of many from a "
                                               "CSV (registration_id,status,note)")
    status.add_argument("registration", nargs="?", help="receipt number, id or QR content")
    status.add_argument("status", nargs="?", help="accepted, done or returned, or a step of the record's service (a complaint: "
                                                        "forwarded, followed_up, resolved)")
    status.add_argument("--note", default="", help='e.g. "KTP sudah dicetak"')
    status.add_argument("--csv", type=Path)
    export = sub.add_parser("export", help="write a service's approved records as the file another system "
                                           "imports, e.g. complaints for SP4N-LAPOR!")
    export.add_argument("kind", help="the service, e.g. complaint")
    export.add_argument("--out", type=Path, required=True, help="the CSV to write (UTF-8, opens in a spreadsheet)")
    export.add_argument("--status", default="approved", help="which records (default: approved)")
    export.add_argument("--mark", help="then move each exported record to this step of its service, e.g. forwarded")
    sub.add_parser("list-devices", help="enrolled laptops, last seen, revoked")
    sub.add_parser("list-users", help="accounts: role, team, disabled or not")
    disable = sub.add_parser("disable-user", help="stop an account: it cannot log in (here at once, on laptops "
                                                  "from their next sync) and its sessions end now")
    disable.add_argument("username")
    enable = sub.add_parser("enable-user", help="let a disabled account log in again")
    enable.add_argument("username")
    reset = sub.add_parser("reset-password", help="give an account a new password; its sessions end")
    reset.add_argument("username")
    reset.add_argument("--password", help="asked for when left out (better: it stays out of the shell history)")
    end = sub.add_parser("end-sessions", help="log an account out everywhere (or on one laptop): the laptop asks "
                                              "for the password again")
    end.add_argument("username")
    end.add_argument("--device", help="only on this device (an id from list-devices)")
    publish = sub.add_parser("publish-regions", help="send a new regions list (SQLite, like the app's "
                                                     "app/reference/data/regions.sqlite) to every laptop")
    publish.add_argument("file", type=Path)
    limits = sub.add_parser("set-limits", help="the guardrails every laptop applies: past a limit it refuses new "
                                               "registrations until the officer syncs (0 or left out: no limit)")
    limits.add_argument("--max-waiting-review", type=int, default=0, metavar="N",
                        help="records of one user waiting for a supervisor's review")
    limits.add_argument("--max-not-handed-over", type=int, default=0, metavar="N",
                        help="records of one user not yet handed over (sent to the server)")
    limits.add_argument("--max-days-since-handover", type=int, default=0, metavar="N",
                        help="days since the laptop last handed records over")
    batch = sub.add_parser("import-batch", help="import a batch file brought on a USB stick from a laptop without "
                                                "signal (as its officer, from that laptop: the push's rules)")
    batch.add_argument("file", type=Path, help="the .jbb file (its first part, when split)")
    batch.add_argument("--receipt", type=Path, metavar="FOLDER",
                       help="write a receipt for the officer's laptop into this folder (e.g. back on the stick)")
    cli_at_rest.add_parsers(sub)
    return parser


def _serve(settings, args) -> int:
    import uvicorn

    from app import collector
    from server.main import create_app

    if (args.certfile is None) != (args.keyfile is None):
        print("--certfile and --keyfile go together", file=sys.stderr)
        return 2
    for path in (args.certfile, args.keyfile):
        if path is not None and not path.is_file():
            print(f"cannot read {path}", file=sys.stderr)
            return 2
    tls = {"ssl_certfile": str(args.certfile), "ssl_keyfile": str(args.keyfile)} if args.certfile else {}
    proxy = {"proxy_headers": bool(args.forwarded_allow_ips), "forwarded_allow_ips": args.forwarded_allow_ips}
    if args.workers != 1:
        return _serve_workers(settings, args, proxy | tls)
    app = create_app(settings)
    upgrade(app.state.engine)
    collector.settle()
    # The server's own lines (the audit log's among them) have their handlers from logs.configure in main().
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", **proxy, **tls)
    return 0


def _serve_workers(settings, args, options: dict) -> int:
    """Uvicorn's own pre-fork: it binds the port, starts N fresh processes that each build the app from the
    environment (server.main.app_from_env), and restarts one that dies."""
    import os

    import uvicorn

    from server.core.config import ENV_DATA_DIR, ENV_DATABASE_URL
    from server.main import ENV_WORKERS

    if args.workers < 1:
        print("--workers must be at least 1", file=sys.stderr)
        return 2
    if settings.is_sqlite:
        # One SQLite file takes one writer at a time: more processes only queue on its lock (and wait out the busy
        # timeout under load), so they would make the server slower, not faster.
        print("--workers above 1 needs PostgreSQL (--database-url or JEMPUT_SERVER_DATABASE_URL): the embedded "
              "SQLite database takes one writer at a time, so one process serves it best", file=sys.stderr)
        return 2
    engine = make_engine(settings)
    try:
        upgrade(engine)  # once, before any worker answers
    finally:
        engine.dispose()
    os.environ.update({ENV_DATA_DIR: str(settings.data_dir), ENV_DATABASE_URL: settings.database_url,
                       ENV_WORKERS: str(args.workers)})
    uvicorn.run("server.main:app_from_env", factory=True, workers=args.workers, host=args.host, port=args.port,
                log_level="info", log_config=_logging_with_pid(), **options)
    return 0


def _logging_with_pid() -> dict:
    """Uvicorn's own log lines with the worker's process id in front: which worker answered, or died."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    for formatter in config["formatters"].values():
        formatter["fmt"] = "[%(process)d] " + formatter["fmt"]
    return config


def _audit(factory, args) -> int:
    from server.models import AuditEvent
    from server.services import audit

    with transaction(factory) as session:
        if args.audit_command == "show":
            from sqlalchemy import select

            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(max(1, args.last)))
            for e in reversed(list(rows)):
                print(f"{e.id:>8}  {e.at:%Y-%m-%d %H:%M:%S}  {e.action:<16} {e.username or '-':<16} {e.detail}")
            return 0
        result = audit.verify(session)
    if result.intact:
        print(f"audit log intact: {result.entries} entries, last {result.head[:16]}")
        return 0
    print(f"audit log BROKEN at entry {result.broken_at}: {result.reason} ({result.entries} entries read)")
    return 1


def audit_account(session, user) -> None:
    from server.api.deps import utcnow
    from server.services import audit

    audit.record(session, now=utcnow(), action="account_created", user_id=user.id, username=user.username,
                 detail=f"role={user.role} by=cli")


def _create_user(factory, args) -> int:
    from server.services.accounts import AccountError, create_user
    from server.api.deps import utcnow

    password = args.password
    if password is None:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 2
    try:
        with transaction(factory) as session:
            user = create_user(session=session, username=args.username, full_name=args.full_name,
                               password=password, role=args.role, supervisor=args.supervisor, now=utcnow())
            audit_account(session, user)
            print(f"created {user.role} {user.username} ({user.id})")
    except AccountError as exc:
        print(f"not created: {exc}", file=sys.stderr)
        return 2
    return 0


def _enrol_code(factory, args) -> int:
    from server.api.deps import utcnow
    from server.services.devices import make_enrolment_code

    if not 0 < args.expires_hours <= 24 * 30:
        print("--expires-hours must be between 0 and 720", file=sys.stderr)
        return 2
    from sqlalchemy import select

    from server.models import User

    with transaction(factory) as session:
        user_id = None
        if args.for_user:
            user = session.scalar(select(User).where(User.username == args.for_user.strip().lower()))
            if user is None or user.role == "admin" or not user.active:
                # Administrators never log in on field laptops: their verifier never leaves the server.
                print(f"no code: {args.for_user} is not an active officer or supervisor", file=sys.stderr)
                return 2
            user_id = user.id
        code = make_enrolment_code(session=session, now=utcnow(), hours=args.expires_hours, user_id=user_id)
    print(code)
    return 0


def _revoke_device(factory, args) -> int:
    from server.api.deps import utcnow
    from server.core import keys
    from server.errors import ApiError
    from server.services.devices import revoke

    try:
        server_keys = keys.load(settings_from_env(data_dir=args.data_dir, database_url=args.database_url))
    except keys.KeyFileError as exc:
        print(f"not revoked: {exc}", file=sys.stderr)
        return 2
    try:
        with transaction(factory) as session:
            device = revoke(session=session, now=utcnow(), device_id=args.device_id.strip(), server_keys=server_keys)
            print(f"revoked {device.id} ({device.name}) at {device.revoked_at:%Y-%m-%d %H:%M} UTC; laptops learn it "
                  "from the key list at their next sync")
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    return 0


def _set_status(factory, args) -> int:
    from server.api.deps import utcnow
    from server.services.status import StatusError, StatusRow, read_csv, set_status

    if args.csv is None:
        if not (args.registration and args.status):
            print("set-status needs a registration and a status, or --csv FILE", file=sys.stderr)
            return 2
        rows = [StatusRow(0, args.registration.strip(), args.status.strip().lower(), args.note.strip())]
    else:
        try:
            rows = read_csv(args.csv.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, StatusError) as exc:
            print(f"cannot read {args.csv}: {exc}", file=sys.stderr)
            return 2
    failed = 0
    for row in rows:
        # One transaction per row: a bad row is reported and the others still apply.
        try:
            with transaction(factory) as session:
                done = set_status(session=session, now=utcnow(), registration_id=row.registration_id,
                                  status=row.status, note=row.note)
            print(f"line {row.line}: {row.registration_id}: {done}")
        except StatusError as exc:
            failed += 1
            print(f"line {row.line}: not applied: {exc}")
    print(f"{len(rows) - failed} applied, {failed} not applied")
    return 1 if failed else 0


def _list_devices(factory, args) -> int:
    from server.services.devices import list_devices

    with transaction(factory) as session:
        for d in list_devices(session=session):
            seen = f"{d.last_seen_at:%Y-%m-%d %H:%M}" if d.last_seen_at else "never"
            state = f"REVOKED {d.revoked_at:%Y-%m-%d %H:%M}" if d.revoked_at else "active"
            # A laptop without keys was enrolled before them and registers them at its next sync.
            keys = "keys" if d.signing_key else "no keys"
            print(f"{d.id}  {d.name:<24}  enrolled {d.enrolled_at:%Y-%m-%d %H:%M}  last seen {seen}  {keys:<7}  "
                  f"{state}")
    return 0


def _list_users(factory, args) -> int:
    from server.services.admin import list_users

    with transaction(factory) as session:
        users = list_users(session=session)
        names = {u.id: u.username for u in users}
        for u in users:
            team = f"team of {names.get(u.supervisor_id, '?')}" if u.supervisor_id else ""
            state = "active" if u.active else "DISABLED"
            print(f"{u.id}  {u.username:<20}  {u.role:<10}  {state:<8}  {team}")
    return 0


def _admin(factory, args, change) -> int:
    from server.api.deps import utcnow
    from server.services.admin import AdminError

    try:
        with transaction(factory) as session:
            print(change(session, utcnow()))
    except AdminError as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return 2
    return 0


def _disable_user(factory, args) -> int:
    from server.services.admin import set_active

    def change(session, now):
        user, ended = set_active(session=session, now=now, username=args.username, active=False)
        return (f"disabled {user.username}; {ended} session(s) ended; laptops refuse the account from their next "
                "sync")
    return _admin(factory, args, change)


def _enable_user(factory, args) -> int:
    from server.services.admin import set_active

    def change(session, now):
        user, _ = set_active(session=session, now=now, username=args.username, active=True)
        return f"enabled {user.username}"
    return _admin(factory, args, change)


def _reset_password(factory, args) -> int:
    from server.services.admin import reset_password

    password = args.password
    if password is None:
        password = getpass.getpass("New password: ")
        if getpass.getpass("Again: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 2

    def change(session, now):
        user, ended = reset_password(session=session, now=now, username=args.username, password=password)
        return (f"new password set for {user.username}; {ended} session(s) ended; laptops take it at their next "
                "sync")
    return _admin(factory, args, change)


def _end_sessions(factory, args) -> int:
    from server.services.admin import end_user_sessions

    def change(session, now):
        user, ended = end_user_sessions(session=session, now=now, username=args.username,
                                        device_id=args.device.strip() if args.device else None)
        return f"{ended} session(s) of {user.username} ended"
    return _admin(factory, args, change)


def _publish_regions(factory, args) -> int:
    from server.api.deps import utcnow
    from server.core.config import settings_from_env
    from server.services import reference

    settings = settings_from_env(data_dir=args.data_dir, database_url=args.database_url)
    try:
        # The file first, then the row: a crash in between leaves an unused file, never a version without bytes.
        sha, size, counts = reference.store_regions(folder=settings.reference_dir, source=args.file)
    except reference.ReferenceError as exc:
        print(f"not published: {exc}", file=sys.stderr)
        return 2
    with transaction(factory) as session:
        row = reference.publish(session=session, now=utcnow(), name=reference.REGIONS, sha256=sha, size=size)
        if row is None:
            newest = reference.latest(session=session, name=reference.REGIONS)
            print(f"not published: the newest regions list (version {newest.version}) has the same content")
            return 0
        version = row.version
    print(f"published regions version {version}: {counts['province']} provinces, {counts['regency']} regencies, "
          f"{counts['district']} districts, {counts['village']} villages; sha256 {sha}, {size} bytes")
    return 0


def _export(factory, args) -> int:
    from server.api.deps import utcnow
    from server.core.config import settings_from_env
    from server.services import reference
    from server.services.export import ExportError, export

    settings = settings_from_env(data_dir=args.data_dir, database_url=args.database_url)
    partial = args.out.with_name(args.out.name + ".partial")
    try:
        with transaction(factory) as session:
            regions = reference.CurrentRegions(settings.reference_dir).get(session)
            done = export(session=session, now=utcnow(), kind=args.kind, regions=regions,
                          status=args.status.strip().lower(), mark=args.mark)
            # Written before the marks commit: a file that cannot be written leaves every record unmarked.
            partial.write_text(done.csv_text, encoding="utf-8-sig")
            partial.replace(args.out)
            from server.services import audit

            audit.record(session, now=utcnow(), action="export", username="@central",
                         detail=f"kind={args.kind} status={args.status.strip().lower()} rows={done.count} "
                                f"mark={args.mark or '-'}")
    except ExportError as exc:
        print(f"not exported: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        partial.unlink(missing_ok=True)
        print(f"not exported: cannot write {args.out}: {exc}", file=sys.stderr)
        return 2
    marked = f", each marked {args.mark}" if args.mark else ""
    print(f"{done.count} records for {done.target} written to {args.out}{marked}")
    return 0


def _import_batch(factory, args) -> int:
    from server.core.config import settings_from_env
    from server.services.batch_import import NOT_IMPORTED, import_file

    settings = settings_from_env(data_dir=args.data_dir, database_url=args.database_url)
    try:
        done = import_file(factory=factory, settings=settings, path=args.file, receipt_folder=args.receipt)
    except NOT_IMPORTED as exc:  # nothing was changed
        print(f"not imported: {exc.text('id')}", file=sys.stderr)
        return 2
    h = done.header
    print(f"batch {h.sequence} from device {h.sender_device} (user {h.sender_user}): {len(done.results)} records: "
          f"{done.count('accepted')} accepted, {done.count('duplicate')} duplicate, {done.count('conflict')} "
          f"conflict, {done.count('rejected')} rejected; {done.files} files stored")
    for r in done.results:
        if r["result"] == "rejected":
            print(f"  rejected {r['id']}: {r.get('reason', '')}")
    if done.receipt is not None:
        print(f"receipt written: {done.receipt}")
    return 0


def _set_limits(factory, args) -> int:
    from server.api.deps import utcnow
    from server.services.guardrails import Limits, LimitsError, set_limits

    limits = Limits(max_waiting_review=args.max_waiting_review, max_not_handed_over=args.max_not_handed_over,
                    max_days_since_handover=args.max_days_since_handover)
    try:
        with transaction(factory) as session:
            changed = set_limits(session=session, now=utcnow(), limits=limits)
    except LimitsError as exc:
        print(f"not set: {exc}", file=sys.stderr)
        return 2
    shown = ", ".join(f"{name.replace('_', '-')} {value or 'no limit'}" for name, value in vars(limits).items())
    print(f"limits {'set' if changed else 'unchanged'}: {shown}; laptops apply them at their next sync")
    return 0


COMMANDS = {"export": _export, "create-user": _create_user, "enrol-code": _enrol_code, "revoke-device": _revoke_device,
            "set-status": _set_status, "list-devices": _list_devices, "publish-regions": _publish_regions,
            **cli_at_rest.DATABASE_COMMANDS,
            "set-limits": _set_limits, "import-batch": _import_batch, "list-users": _list_users,
            "disable-user": _disable_user, "enable-user": _enable_user, "reset-password": _reset_password,
            "end-sessions": _end_sessions, "audit": _audit}

if __name__ == "__main__":
    sys.exit(main())
