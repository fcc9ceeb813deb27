"""The push batches sent and not yet acknowledged, stored in app_meta before each is sent (sync/engine.py): a run
that stops anywhere resends them under the same ids and the server answers from its store."""

from __future__ import annotations

import json

from db.models import Meta

KEY = "push_batch"  # app_meta: at most the engine's PIPELINE_DEPTH batches


def stored(value: str) -> list[tuple[str, dict[str, int], str]]:
    """(batch id, what it sent, whose) of each stored pending batch, oldest first."""
    content = _value(value)
    return [(b["batch_id"], b["sent"], content["user"]) for b in content["batches"]]


def _value(value: str) -> dict:
    content = json.loads(value)
    if "batches" not in content:  # a laptop updated while a batch was pending stored it the older way, alone
        return {"user": content["user"], "batches": [{"batch_id": content["batch_id"], "sent": content["sent"]}]}
    return content


def add(session, user_id: str, batch_id: str, sent: dict[str, int]) -> None:
    """``batch_id`` about to be sent: added to the pending batches (a resent one is there already)."""
    row = session.get(Meta, KEY)
    value = _value(row.value) if row is not None else {"user": user_id, "batches": []}
    if any(b["batch_id"] == batch_id for b in value["batches"]):
        return
    value["batches"].append({"batch_id": batch_id, "sent": sent})
    session.merge(Meta(key=KEY, value=json.dumps(value)))


def drop(session, batch_id: str) -> None:
    """``batch_id`` acknowledged, refused whole or split: no longer pending, in the caller's transaction."""
    row = session.get(Meta, KEY)
    if row is None:
        return
    value = _value(row.value)
    value["batches"] = [b for b in value["batches"] if b["batch_id"] != batch_id]
    if value["batches"]:
        row.value = json.dumps(value)
    else:
        session.delete(row)
