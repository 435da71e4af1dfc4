"""``bp-till menu export|import`` and ``bp-till cast export|import``: the CSV a manager edits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bp_till.domain.errors import InvalidInput

KINDS = ("menu", "cast")


def add_commands(sub) -> None:
    """The two commands and their export/import, on the ``bp-till`` parser's subcommands."""
    for kind in KINDS:
        command = sub.add_parser(kind, help=f"the {kind} as CSV: export it, edit it, import it")
        actions = command.add_subparsers(dest="masterdata_command", required=True)
        export = actions.add_parser("export", help=f"write the {kind}, retired rows too, as CSV")
        export.add_argument("file", nargs="?",
                            help="the CSV file to write (default: print it)")
        load = actions.add_parser("import", help=f"add and change the {kind} from a CSV file "
                                                 "(rows left out stay as they are)")
        load.add_argument("file", help="the CSV file (UTF-8, a BOM allowed)")
        for leaf in (export, load):
            leaf.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS,
                              default=argparse.SUPPRESS)


def run(args, open_till) -> int:
    from bp_till.services import masterdata, masterdata_csv, masterdata_import

    menu = args.command == "menu"
    till = open_till(args)
    if args.masterdata_command == "export":
        text = (masterdata_csv.menu_csv(masterdata.menu_book(till.ctx)) if menu
                else masterdata_csv.cast_csv(masterdata.cast_book(till.ctx)))
        if args.file is None:
            sys.stdout.write(text)
        else:  # with the BOM, so that Excel reads the Japanese
            Path(args.file).write_text(masterdata_csv.BOM + text, encoding="utf-8", newline="")
            print(f"{args.command}: {text.count(chr(10)) - 1} rows written to {args.file}")
        return 0
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"{path}: cannot be read ({error.strerror}).") from None
    text = masterdata_csv.decoded(data)
    read, load = ((masterdata_csv.read_menu, masterdata_import.import_menu) if menu
                  else (masterdata_csv.read_cast, masterdata_import.import_cast))
    rows, problems = read(text)
    try:
        done = load(till.ctx, rows, via=f"bp-till {args.command} import {path.name}",
                    problems=problems)
    except masterdata_import.BadRows as bad:
        print(f"bp-till: {path}: {len(bad.problems)} bad rows; nothing was imported.\n"
              f"{bad.message}", file=sys.stderr)
        return 2
    print(f"{args.command}: {done.added} added, {done.changed} changed, "
          f"{done.unchanged} unchanged" + ("" if done.added or done.changed
                                           else " (nothing written)"))
    return 0
