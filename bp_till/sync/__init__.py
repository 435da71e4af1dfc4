"""Moving the till's outbox to the central database."""
