"""``bp-till menu|cast export|import`` as a manager runs them, in a real subprocess."""

import pytest

from bp_till.demo import demo_menu
from tests.integration.test_cli import _query, bp_till


@pytest.mark.slow
def test_export_edit_import_and_a_bad_file_refused_by_line(tmp_path):
    data = tmp_path / "till"
    assert bp_till("init", "--demo", data_dir=data).returncode == 0
    menu_csv, cast_csv = tmp_path / "menu.csv", tmp_path / "cast.csv"
    exported = bp_till("menu", "export", str(menu_csv), data_dir=data)
    assert exported.returncode == 0, exported.stderr
    assert f"{len(demo_menu())} rows written" in exported.stdout
    raw = menu_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfcode,category,name_ja,")  # Excel reads the Japanese
    printed = bp_till("cast", "export", data_dir=data)  # no file: to the screen, no BOM
    assert printed.stdout.startswith("code,stage_name,romaji,retired\n")
    assert "C001,かおり,Kaori,no" in printed.stdout

    events = _query(data, "SELECT count(*) FROM outbox")[0][0]
    again = bp_till("menu", "import", str(menu_csv), data_dir=data)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == f"menu: 0 added, 0 changed, {len(demo_menu())} unchanged (nothing written)"
    assert _query(data, "SELECT count(*) FROM outbox")[0][0] == events

    text = raw.decode("utf-8-sig").replace("S01,soft_drink,ウーロン茶,Oolong Tea,600,no,,,no",
                                           "S01,soft_drink,ウーロン茶,Oolong Tea,550,no,,,no")
    assert ",550," in text
    menu_csv.write_text(text + "X01,goods,限定タオル,Towel,2500,yes,2026-12-01,2026-12-31,no\r\n",
                        encoding="utf-8-sig")
    changed = bp_till("menu", "import", str(menu_csv), data_dir=data)
    assert changed.stdout.strip() == f"menu: 1 added, 1 changed, {len(demo_menu()) - 1} unchanged", changed.stderr
    assert _query(data, "SELECT price FROM menu_items WHERE code = 'S01'") == [(550,)]
    assert _query(data, "SELECT available_from FROM menu_items WHERE code = 'X01'") == [
        ("2026-12-01",)]

    cast_csv.write_text("code,stage_name,romaji,retired\r\nC001,かおり,Kaori,yes\r\n"
                        "C900,,Nanashi,no\r\nC901,みお,Mio,perhaps\r\n", encoding="utf-8")
    before = _query(data, "SELECT code, stage_name, active FROM cast_members ORDER BY code")
    refused = bp_till("cast", "import", str(cast_csv), data_dir=data)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"bp-till: {cast_csv}: 2 bad rows; nothing was imported.",
        "line 3: C900: the stage name needs 1 to 80 characters.",
        "line 4: retired is yes or no, not 'perhaps'."]
    assert _query(data, "SELECT code, stage_name, active FROM cast_members ORDER BY code") == before
    missing = bp_till("cast", "import", str(tmp_path / "nope.csv"), data_dir=data)
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
