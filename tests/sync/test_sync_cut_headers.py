"""A link cut inside the answer's headers: Python's HTTP client takes the closed connection for the end of the
headers and of the body, so the laptop sees "200 OK" with nothing in it. That answer was lost on the way (the
server delimits every answer), so the client asks again instead of stopping the sync with "cannot be read"."""

from __future__ import annotations

import json
import socket
import threading

from sync.backoff import Backoff
from sync.client import SyncClient


def _server(answers: list[bytes]) -> tuple[socket.socket, list[bytes]]:
    """One connection per answer, in order: each reads a request and writes its bytes, then closes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    requests_seen: list[bytes] = []

    def serve():
        for answer in answers:
            conn, _ = listener.accept()
            with conn:
                requests_seen.append(conn.recv(65536))
                conn.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return listener, requests_seen


def test_an_answer_cut_inside_its_headers_is_asked_again():
    body = json.dumps({"cursor": 7, "more": False, "changes": []}).encode()
    whole = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + str(len(body)).encode()
             + b"\r\nconnection: close\r\n\r\n" + body)
    listener, seen = _server([b"HTTP/1.1 200 OK\r\ncontent-ty", whole])
    client = SyncClient(f"http://127.0.0.1:{listener.getsockname()[1]}", device_token="t", user_token="u",
                        backoff=Backoff(base=0.01, cap=0.05), give_up_after=10)
    try:
        page = client.pull(0)
    finally:
        client.close()
        listener.close()
    assert page.cursor == 7
    assert len(seen) == 2 and client.retries == 1
