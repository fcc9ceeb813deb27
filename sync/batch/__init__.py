"""Batch files for hand-over without signal (sync/BATCH.md): signed by the sending device, encrypted to each
recipient, streamed. Qt-free and app-agnostic: plain ``cryptography`` keys in, plain data out."""

from sync.batch.errors import CODES, BatchError
from sync.batch.header import EXTENSIONS, FORMAT_VERSION, BatchHeader
from sync.batch.manifest import AttachmentEntry, Manifest, RecordEntry
from sync.batch.reader import OpenedBatch, open_batch, read_header
from sync.batch.volumes import FAT32_LIMIT, volume_path, volumes
from sync.batch.writer import write_batch

__all__ = ["CODES", "EXTENSIONS", "FAT32_LIMIT", "FORMAT_VERSION", "AttachmentEntry", "BatchError", "BatchHeader",
           "Manifest", "OpenedBatch", "RecordEntry", "open_batch", "read_header", "volume_path", "volumes",
           "write_batch"]
