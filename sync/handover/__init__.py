"""Hand-over without signal (issue 10): batch files on a USB stick, exported by the officer, imported by the
supervisor (or any enrolled laptop), relayed to the server exactly as signed, and a receipt back. Qt-free; the
file format is sync/batch/ (sync/BATCH.md), the path sync/HANDOVER.md.

The names below are loaded on first use (PEP 562), so that the central server, which shares only
``sync.handover.content`` (the payloads' shapes), does not load the laptop's services with it.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "BatchRefused": "errors",
    "ExportResult": "export", "export_batch": "export", "not_handed_over": "export",
    "BatchPreview": "importer", "ImportResult": "importer", "finish_interrupted_moves": "importer",
    "import_batch": "importer", "read_batch_header": "importer",
    "Gap": "ledger", "HandoverFileInfo": "ledger", "files": "ledger", "gaps": "ledger",
    "handed_over_in": "ledger", "missing_sequences": "ledger", "records_of_file": "ledger",
    "ReceiptResult": "receipts", "import_receipt": "receipts", "write_receipt": "receipts",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'sync.handover' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sync.handover.{_WHERE[name]}"), name)
