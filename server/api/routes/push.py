"""Pushing a batch of records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.concurrency import run_in_threadpool

from server.api.deps import (DeviceToken, FactoryDep, PushBody, UserTokenDep, authenticate, gated, today,
                             utcnow)
from server.api import schemas
from server.api.answers import json_answer
from server.api.routes import pull as pull_route
from server.core.db import transaction
from server.errors import ApiError
from server.services import push as push_service
from sync.payload import MAX_INT, PayloadError, PayloadTooLarge, PushRequest, push_from_dict

router = APIRouter(tags=["sync"])
ATTEMPTS = 3  # two devices inserting the same new record at once: the loser retries and sees a duplicate


@router.post("/push", openapi_extra=schemas.body(schemas.PushRequest), response_model=None, name="push",
             responses={200: {"model": schemas.PushResponse}, **schemas.errors(*schemas.AUTHED, 409)})
async def push_in_turn(body: PushBody, request: Request, dtoken: DeviceToken, utoken: UserTokenDep,
                       factory: FactoryDep, pull_cursor: Annotated[int | None, Query(
                           ge=0, le=MAX_INT, description="also answer the pull's first page from this cursor")] = None):
    """Applies a batch in one transaction; one result per record; a resent batch_id gets the stored answer. With
    ``pull_cursor`` (a laptop's last batch) the answer also carries the pull's page from there, read after the
    push committed: on a 2G link the round trip of a separate pull is a good part of a daily sync."""
    answer = await gated(request, "push", push, body, request, dtoken, utoken, factory)
    if pull_cursor is not None:
        answer = await run_in_threadpool(with_pull, answer, factory, dtoken, utoken, pull_cursor)
    return json_answer(answer)


def with_pull(answer: dict, factory, dtoken: str, utoken: str, cursor: int) -> dict:
    """The push's answer with the pull's page from ``cursor``, in a transaction of its own after the push's, so
    that the page has what the push changed. A copy: a resent batch's answer is the stored one."""
    return dict(answer, pull=pull_route.page(factory, dtoken=dtoken, utoken=utoken, cursor=cursor))


def push(body, request: Request, dtoken: str, utoken: str, factory):
    """The push itself, in a worker thread once its turn came (server.main's gates)."""
    batch = None
    current = request.app.state.regions
    for attempt in range(ATTEMPTS):
        try:
            with transaction(factory) as session:
                now = utcnow()
                device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=now)
                if batch is None:
                    # After the user is known: only a logged-in user's push costs the server this work. In the
                    # same transaction, which costs a push one transaction less (and its round trips).
                    batch = _parse(body)
                return push_service.apply_batch(session=session, now=now, today=today(),
                                                regions=current.get(session),
                                                device=device, user=user, request=batch)
        except (IntegrityError, OperationalError):
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _parse(body) -> PushRequest:
    try:
        # The history shorthand kept: stored as it came, beside the data it stands for (services/push.py).
        return push_from_dict(body.json(), keep_data_ref=True)
    except PayloadTooLarge as exc:
        raise ApiError(413, "too_large", str(exc)) from exc
    except PayloadError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc
