"""The OpenAPI document: FastAPI's, plus the request body models that routes read by hand (server/api/schemas.py),
whose schemas FastAPI cannot see because no route parameter is of their type."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from server.api.schemas import REQUEST_MODELS

REF = "#/components/schemas/{model}"


def install(app: FastAPI) -> None:
    def openapi() -> dict:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, description=app.description,
                                   routes=app.routes)
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in REQUEST_MODELS:
                schema = model.model_json_schema(ref_template=REF)
                schemas.update(schema.pop("$defs", {}))
                schemas[model.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi
