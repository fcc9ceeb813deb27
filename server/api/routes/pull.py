"""Pulling what the server has for this user since a cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.api import schemas
from server.api.answers import json_answer
from server.api.deps import DeviceToken, FactoryDep, UserTokenDep, authenticate, utcnow
from server.core.db import transaction
from server.services import accounts, feed, laptop_accounts
from sync.payload import MAX_INT

router = APIRouter(tags=["sync"])


@router.get("/pull", response_model=None,
            responses={200: {"model": schemas.PullPage}, **schemas.errors(401, 422, 503)})
def pull(dtoken: DeviceToken, utoken: UserTokenDep, factory: FactoryDep,
         cursor: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
         limit: Annotated[int, Query(ge=1, le=1000)] = 500):
    return json_answer(page(factory, dtoken=dtoken, utoken=utoken, cursor=cursor, limit=limit))


def page(factory, *, dtoken: str, utoken: str, cursor: int, limit: int = 500) -> dict:
    """A page of the feed for the tokens' user and device; also answered with a push that asks for it."""
    with transaction(factory) as session:
        device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())
        user_ids = accounts.visible_user_ids(session=session, user=user)
        return feed.pull(session=session, user_ids=user_ids, cursor=cursor, limit=limit,
                         account_ids=laptop_accounts.allowed_user_ids(session=session, device=device))
