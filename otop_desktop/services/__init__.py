"""The program's rules: entry, auth, areas, audit, demo data; free of Qt, callable from UI, CLI and tests."""
