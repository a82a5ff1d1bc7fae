"""The knowledge base: SQLite schema and writer, Datasette publishing, the kb command."""
