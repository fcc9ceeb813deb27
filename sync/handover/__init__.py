"""Hand-over without signal (issue 10): batch files on a USB stick, exported by the officer, imported by the
supervisor (or any enrolled laptop), relayed to the server exactly as signed, and a receipt back. Qt-free; the
file format is sync/batch/ (sync/BATCH.md)."""

from sync.handover.errors import BatchRefused
from sync.handover.export import ExportResult, export_batch, not_handed_over
from sync.handover.importer import BatchPreview, ImportResult, finish_interrupted_moves, import_batch, read_batch_header
from sync.handover.ledger import (Gap, HandoverFileInfo, files, gaps, handed_over_in, missing_sequences,
                                  records_of_file)
from sync.handover.receipts import ReceiptResult, import_receipt, write_receipt

__all__ = ["BatchPreview", "BatchRefused", "ExportResult", "Gap", "HandoverFileInfo", "ImportResult",
           "ReceiptResult", "export_batch", "files", "finish_interrupted_moves", "gaps", "handed_over_in",
           "import_batch", "import_receipt", "missing_sequences", "not_handed_over", "read_batch_header", "records_of_file",
           "write_receipt"]
