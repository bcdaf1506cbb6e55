"""Where the data lives, apart from the rules: the SQLite database and its unit of work (database), bulk
writes (bulk) and the national master data of areas and types (master_data)."""
