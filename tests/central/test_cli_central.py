"""`bp-till central init` as the owner runs it, in a real subprocess."""

import sqlite3

import pytest
from sqlalchemy import text

from tests.integration.test_cli import bp_till

on_postgresql = pytest.mark.parametrize("central", ["postgresql"], indirect=True)


@on_postgresql
def test_central_init_on_postgresql_is_safe_to_run_again_and_makes_the_roles(central, tmp_path):
    central.dispose()
    url = central.url.render_as_string(hide_password=False)
    for _ in range(2):
        run = bp_till("central", "init", "--url", url, data_dir=tmp_path / "till")
        assert run.returncode == 0, run.stderr
        assert "Roles ready: bp_till_terminal for the tills, bp_till_website" in run.stdout
    with central.connect() as conn:
        roles = conn.execute(text("SELECT rolname, rolcanlogin, rolpassword IS NULL FROM pg_authid "
                                  "WHERE rolname LIKE 'bp_till_%' ORDER BY rolname")).all()
        functions = conn.execute(text("SELECT proname, prosecdef FROM pg_proc WHERE proname "
                                      "IN ('cast_vote', 'ingest_events') ORDER BY 1")).all()
    assert [tuple(r) for r in roles] == [("bp_till_terminal", True, True),
                                         ("bp_till_website", True, True)]
    assert [tuple(f) for f in functions] == [("cast_vote", True),  # SECURITY DEFINER
                                             ("ingest_events", True)]


def test_central_init_refuses_a_central_file_from_before_the_insert_only_schema(tmp_path):
    old = tmp_path / "old-central.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, terminal INT, seq INT)")
    run = bp_till("central", "init", "--url", f"sqlite:///{old}", data_dir=tmp_path / "till")
    assert run.returncode == 2
    assert "made by an older bp-till" in run.stderr
    with sqlite3.connect(old) as conn:  # left as it was
        assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [
            ("events",)]
