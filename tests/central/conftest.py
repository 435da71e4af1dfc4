"""The central database tests: an SQLite file and a fresh PostgreSQL database alike."""

from tests.sync.conftest import central  # noqa: F401 - the SQLite and PostgreSQL central
