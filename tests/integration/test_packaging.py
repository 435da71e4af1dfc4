"""The installed wheel (not only the source tree) carries ui/, resources/ and receipts/."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_carries_the_asset_folders_and_finds_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("bp_till-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "bp_till/_assets/ui/sign_in.ui",
        "bp_till/_assets/resources/fonts/BIZUDGothic-Regular.ttf",
        "bp_till/_assets/resources/fonts/OFL.txt",
        "bp_till/_assets/resources/demo/menu.json",
        "bp_till/_assets/receipts/sale_receipt.toml",
        "bp_till/store/migrations/versions/0001_the_first_store.py",
    ):
        assert needed in names, needed
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    found = subprocess.run(
        [sys.executable, "-c", "from bp_till.assets import asset; print(asset('receipts'))"],
        cwd=tmp_path, env={"PYTHONPATH": str(unpacked)}, capture_output=True, text=True, check=True,
    )
    assert Path(found.stdout.strip()) == unpacked / "bp_till" / "_assets" / "receipts"
