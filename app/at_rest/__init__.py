"""Data at rest: files sealed with the data key (``file_cipher``), the data key wrapped per account and to the
province's recovery key (``keyring``, ``recovery``), file modes readable by the user only (``private``)."""
