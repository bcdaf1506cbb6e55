"""The bare SQL of a month's rows, the floor of opening a month: run.py measures it on SQLite, bench_postgres.py on
the server (with %s for ?)."""

MONTH_ROWS = (  # every column the grid shows and the save needs (the revision and import, who saved and when)
    "SELECT e.id, e.tambon_code, t.name_th, e.name, p.name_th, s.domestic_offline, s.domestic_online,"
    " s.export_offline, s.export_online, s.revision, s.updated_by, s.updated_at, e.otop_code, s.import_id"
    " FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id JOIN tambon t ON t.code = e.tambon_code"
    " JOIN product_type p ON p.id = e.product_type_id"
    " WHERE s.fiscal_year = ? AND s.month = ? AND e.tambon_code >= "
    "? AND e.tambon_code < ? ORDER BY e.tambon_code, e.name_key, e.id"
)


def upper(prefix: str) -> str:
    """The first code after every code that starts with `prefix` (any code for '')."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\uffff"
