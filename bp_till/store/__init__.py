"""The local SQLite store: models, migrations, the unit of work."""
