"""Receipts, card slips and reports to ESC/POS printers, or to a preview PNG."""

import os
from pathlib import Path

from platformdirs import user_cache_dir

# python-escpos parses its printer-capabilities YAML on import (half a second at every start of
# the till) unless told where to keep the parsed copy; left alone, it makes a new temp folder
# each time and never finds the copy again.
if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
    _cache = Path(user_cache_dir("bp-till"))
    try:
        _cache.mkdir(parents=True, exist_ok=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(_cache)
    except OSError:  # no writable cache folder: escpos parses the YAML, as before
        pass
