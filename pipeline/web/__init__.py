"""``hoinghi serve``: Datasette over an SQLite archive, with hoinghi's pages, metadata and plugin."""
