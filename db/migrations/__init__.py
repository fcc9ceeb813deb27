"""Alembic migrations of the local database, shipped inside the package and run at start-up.

HEAD is written here so that a normal start can compare it with the file's revision without importing Alembic
(which costs start-up time); a test checks that it matches the newest script.
"""

HEAD = "0016"
# Every revision this code knows, oldest first. A database at any other revision was written by a newer app.
KNOWN = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013",
         "0014", "0015", "0016")
