"""Request body schemas for /docs. Bodies are read by hand (they may be gzip), so FastAPI cannot infer them."""

from __future__ import annotations


def body_schema(properties: dict[str, str], content_type: str = "application/json") -> dict:
    schema = {"type": "object", "required": list(properties),
              "properties": {name: {"type": kind} for name, kind in properties.items()}}
    return {"requestBody": {"required": True, "content": {content_type: {"schema": schema}}}}


def raw_body() -> dict:
    return {"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}
