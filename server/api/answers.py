"""Answers already in JSON-ready form, written straight out.

FastAPI passes a route's returned dict through ``jsonable_encoder`` and the standard library's encoder: a walk
over every value of a 500-record push's answer, a few per cent of the server's time for that push (py-spy of
bench/sync.py). The sync routes build plain dicts, lists, text and numbers, which orjson writes at once.
"""

from __future__ import annotations

from typing import Any

from fastapi import Response

from sync.payload import dumps


def json_answer(value: Any) -> Response:
    return Response(content=dumps(value), media_type="application/json")
