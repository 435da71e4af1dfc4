"""The central ranking database that every till feeds (PostgreSQL in production)."""
