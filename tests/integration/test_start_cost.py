"""What the till loads to open a store that is already up to date: no alembic (a second of
start-up), and the newest migration read from the files agrees with alembic's own answer."""

import subprocess
import sys

import pytest
from alembic.script import ScriptDirectory

from bp_till.domain.errors import StoreUnreadable
from bp_till.store.db import alembic_config, head_revision, open_store


def test_the_newest_migration_read_from_the_files_is_alembics_head():
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_a_store_at_the_head_loads_no_alembic(tmp_path):
    open_store(tmp_path / "till.db").dispose()  # made and migrated (alembic runs here)
    code = (
        "import sys; from pathlib import Path; from bp_till.store.db import open_store; "
        f"open_store(Path({str(tmp_path / 'till.db')!r})).dispose(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'escpos'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_store_at_any_other_revision_is_left_to_alembic(tmp_path):
    store = open_store(tmp_path / "till.db")
    with store.write_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'abandoned'")
    store.dispose()
    with pytest.raises(StoreUnreadable, match="written by a newer version"):  # alembic looked
        open_store(tmp_path / "till.db")


def test_the_till_window_loads_no_central_database_code():
    """psycopg and the central projections cost 0.3 s; they load with the first sync round."""
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; import bp_till.gui.app; "
        "print(sorted(m for m in sys.modules if m == 'psycopg' or m.startswith('bp_till.central')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
