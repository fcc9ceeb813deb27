"""Deleting files only once the transaction that stopped naming them has committed, and moving staged files into
place only once the transaction that names them has (a batch file's attachments, sync/handover/).

A crash between the commit and the deletion leaves an orphan file, harmless and unreachable, whereas deleting first
could leave rows pointing at files that are gone; a rollback deletes nothing. The hooks are installed on one
workspace's sessions (``Workspace.__init__``), never on every Session of the process: another database (the
server's, a test's, a second workspace's) is not touched by this module being imported.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

_PENDING = "files_to_delete_after_commit"  # in Session.info
_MOVES = "files_to_move_after_commit"
_ADOPT = "files_to_seal_after_commit"


def delete_after_commit(session: Session, paths: Iterable[Path]) -> None:
    """Deletes ``paths`` once ``session``'s transaction commits; forgets them if it rolls back."""
    session.info.setdefault(_PENDING, []).extend(paths)


def move_after_commit(session: Session, moves: Iterable[tuple[Path, Path]]) -> None:
    """Renames each (staged, target) once ``session``'s transaction commits; forgets them if it rolls back. A crash
    in between leaves the staged file where it was: the caller finishes the move next time (it knows its rows)."""
    session.info.setdefault(_MOVES, []).extend(moves)


def adopt_after_commit(session: Session, store, staged: Iterable[tuple[Path, str]]) -> None:
    """Like ``move_after_commit`` into an attachment store: each staged plaintext file is sealed into ``store``
    under its hash (``AttachmentStore.adopt``: the plaintext is wiped) once the transaction commits."""
    session.info.setdefault(_ADOPT, []).extend((store, path, sha) for path, sha in staged)


def install_hooks(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_commit", _on_commit)
    event.listen(sessions, "after_rollback", _on_rollback)


def _on_commit(session: Session) -> None:
    for store, staged, sha in session.info.pop(_ADOPT, []):
        try:
            store.adopt(staged, sha)
        except OSError:
            log.warning("could not seal %s into place after commit", sha[:12], exc_info=True)
    for staged, target in session.info.pop(_MOVES, []):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        except OSError:
            log.warning("could not move %s into place after commit", target.name[:12], exc_info=True)
    for path in session.info.pop(_PENDING, []):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            # The rows are gone already; a file left behind is an orphan, never a dangling reference.
            log.warning("could not delete %s after commit", path.name[:12], exc_info=True)


def _on_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_MOVES, None)
    session.info.pop(_ADOPT, None)
