"""A fresh central database per test: an SQLite file, or a new PostgreSQL database."""

import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bp_till.central.db import central_engine, init_central


@contextmanager
def postgres_central(base: str):
    """A new PostgreSQL database with the central schema, dropped afterwards."""
    name = f"bp_central_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = central_engine(make_url(base).set(database=name).render_as_string(hide_password=False))
    try:
        init_central(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request, tmp_path):
    if request.param == "sqlite":
        engine = central_engine(f"sqlite:///{tmp_path / 'central.db'}")
        init_central(engine)
        yield engine
        engine.dispose()
        return
    with postgres_central(request.getfixturevalue("pg_url")) as engine:
        yield engine


@pytest.fixture
def till2(template_store, tmp_path, clock):
    """A second till (terminal 2) with the same menu, cast and staff as ``ctx``."""
    import sqlite3

    from bp_till.services.context import Site, TillContext
    from bp_till.store.db import open_store

    path = tmp_path / "till2.db"
    with sqlite3.connect(template_store) as source, sqlite3.connect(path) as target:
        source.backup(target)
    context = TillContext(store=open_store(path), clock=clock, site=Site(terminal=2))
    yield context
    context.store.dispose()
