from fastapi import APIRouter

from server.api.routes import attachments, auth, pull, push, reference

api_router = APIRouter()
for module in (auth, push, attachments, pull, reference):
    api_router.include_router(module.router)
