"""Alembic environment: runs against the engine the till hands over."""

from alembic import context

from bp_till.store.models import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
    )
    context.run_migrations()
