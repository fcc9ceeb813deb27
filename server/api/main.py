from fastapi import APIRouter

from server.api.routes import attachments, auth, pull, push

api_router = APIRouter()
for module in (auth, push, attachments, pull):
    api_router.include_router(module.router)
