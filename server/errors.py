"""One error type for everything a client did wrong: an HTTP status, a stable code the client can act on, and a
message for a person. The app turns it into ``{"detail": {"code", "message", ...}}``."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **extra):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}  # e.g. Retry-After, which HTTP clients read from the header, not the body
        self.extra = extra

    def detail(self) -> dict:
        return {"code": self.code, "message": self.message, **self.extra}


def unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message)
