"""Receipts, card slips and reports to ESC/POS printers, or to a preview PNG."""
