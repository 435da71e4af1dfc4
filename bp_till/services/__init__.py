"""One function per user action; each runs in one transaction (a UnitOfWork)."""
