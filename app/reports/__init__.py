"""Reports and exports: the records list as filtered and the monthly recap, to XLSX or CSV, marked as personal data
and recorded in the audit trail. Qt-free; the records page's export dialog (ui/records/export_dialog.py) runs
them through ``ui.common.operations``.

- ``export.py``: what a person asks for (``export_records``, ``export_recap``), who may see what, the audit entry
- ``tables.py``: the rows of the list and the recap's counts, produced one at a time
- ``writers.py``: XLSX and CSV, written under a temporary name and renamed when complete, with progress
- ``labels.py``: the words the files are written in (context "Reports")
"""
