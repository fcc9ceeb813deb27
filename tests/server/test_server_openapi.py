"""The OpenAPI document says what the server takes and answers (server/api/schemas.py), so that a fuzzer's schema
checks hold (bench/fuzz_server.py runs schemathesis against it): bodies the server accepts fit the request models,
answers the server gives fit the answer models."""

from __future__ import annotations

import json

import requests

from live_server import TIMEOUT, make_record
from server.api import schemas


def test_every_operation_documents_its_body_and_answers(live):
    document = requests.get(live.root + "/openapi.json", timeout=TIMEOUT).json()
    components = document["components"]["schemas"]
    for model in schemas.REQUEST_MODELS:
        assert model.__name__ in components
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"].get("200", {})
            assert ok.get("content"), (method, path)
            if method in ("post",) and "application/json" not in operation["requestBody"]["content"]:
                # Raw bytes (several files in one body): described as binary, never as JSON.
                [schema] = [c["schema"] for c in operation["requestBody"]["content"].values()]
                assert schema == {"type": "string", "format": "binary"}, (method, path)
            elif method in ("post",):
                ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                assert ref.rsplit("/", 1)[1] in components, (method, path)
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert answer["content"]["application/json"]["schema"]["$ref"].endswith("/Error"), (path, status)


def test_what_the_server_takes_fits_the_request_models_and_its_answers_the_answer_models(live, team):
    record = make_record(team.ids["siti"], team.siti)
    body = {"batch_id": "0196f0a0-0000-7000-8000-00000000e001", "records": [record]}
    schemas.PushRequest.model_validate(body)
    # The history shorthand a laptop sends once the server announced it is in the model too.
    short = dict(record, history=[dict(record["history"][0], changes="=data")])
    schemas.PushRequest.model_validate({"batch_id": body["batch_id"], "records": [short]})
    pushed = team.siti.post("/push", body)
    assert pushed.status_code == 200
    schemas.PushResponse.model_validate(pushed.json())
    schemas.PullPage.model_validate(team.siti.get("/pull").json())
    hashes = {"hashes": ["a" * 64]}
    schemas.HashesRequest.model_validate(hashes)
    schemas.MissingAnswer.model_validate(team.siti.post("/attachments/status", hashes).json())
    schemas.Health.model_validate(requests.get(live.root + "/health", timeout=TIMEOUT).json())
    refused = team.siti.post("/push", {"batch_id": "x", "records": []})
    schemas.Error.model_validate(refused.json())
    assert json.loads(refused.text)["detail"]["code"] == "invalid"


def test_a_wrong_method_names_every_method_of_the_path(live, team):
    r = requests.delete(live.base + "/attachments/" + "a" * 64, timeout=TIMEOUT)
    assert r.status_code == 405 and set(r.headers["Allow"].split(", ")) == {"GET", "PUT"}
    assert r.json()["detail"]["code"] == "method_not_allowed"
    r = requests.put(live.base + "/attachments/status", data=b"x", timeout=TIMEOUT)
    assert r.status_code == 405 and r.headers["Allow"] == "POST"
    missing = requests.get(live.base + "/nothing-here", timeout=TIMEOUT)
    assert missing.status_code == 404 and missing.json()["detail"]["code"] == "not_found"
