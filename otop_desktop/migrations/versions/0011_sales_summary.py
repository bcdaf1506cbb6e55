"""Monthly sums per district and product type for the dashboard and the roadmap board, and the triggers
that mark a month stale whenever its sales or an entrepreneur's district or type change. At the
department, the months of province files already taken in count as confirmed (as new imports record).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from otop_desktop.migrations.portable import on_sqlite

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# A month is marked once. The WHEN clause is weighed before SQLite starts the trigger's program, so while a
# month is already stale a bulk write of its thousands of rows costs one index probe a row (a trigger
# without it made inserting a million rows 1.9 times slower; with it, 1.3 times).
FRESH = "NOT EXISTS (SELECT 1 FROM summary_stale WHERE fiscal_year = {row}.fiscal_year AND month = {row}.month)"
# Guarded, not OR IGNORE: a trigger takes the conflict handling of the statement that fired it (an upsert).
STALE = "INSERT INTO summary_stale (fiscal_year, month) SELECT {row}.fiscal_year, {row}.month WHERE " + FRESH
TRIGGERS = {
    "monthly_sale_stale_insert": f"AFTER INSERT ON monthly_sale WHEN {FRESH.format(row='NEW')} "
    f"BEGIN {STALE.format(row='NEW')}; END",
    "monthly_sale_stale_update": "AFTER UPDATE ON monthly_sale WHEN "
    f"{FRESH.format(row='NEW')} OR {FRESH.format(row='OLD')} "
    f"BEGIN {STALE.format(row='NEW')}; {STALE.format(row='OLD')}; END",
    "monthly_sale_stale_delete": f"AFTER DELETE ON monthly_sale WHEN {FRESH.format(row='OLD')} "
    f"BEGIN {STALE.format(row='OLD')}; END",
    "entrepreneur_stale_move": (
        "AFTER UPDATE OF tambon_code, product_type_id ON entrepreneur "
        "WHEN OLD.tambon_code IS NOT NEW.tambon_code OR OLD.product_type_id IS NOT NEW.product_type_id BEGIN "
        "INSERT INTO summary_stale (fiscal_year, month) SELECT DISTINCT fiscal_year, month FROM monthly_sale AS s "
        "WHERE entrepreneur_id = NEW.id AND NOT EXISTS (SELECT 1 FROM summary_stale AS t "
        "WHERE t.fiscal_year = s.fiscal_year AND t.month = s.month); END"
    ),
}


# On PostgreSQL: statement-level triggers over the statement's rows (transition tables), so a bulk write of a
# month marks it once. An upsert fires the INSERT and the UPDATE trigger, each over its own rows.
_CHANGED = "(SELECT fiscal_year, month FROM new_rows UNION SELECT fiscal_year, month FROM old_rows) AS changed"
_MARK = (
    "INSERT INTO summary_stale (fiscal_year, month) SELECT DISTINCT fiscal_year, month FROM {rows}"
    " ON CONFLICT DO NOTHING"
)
SERVER_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION otop_stale_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"{_MARK.format(rows='new_rows')}; RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION otop_stale_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"{_MARK.format(rows=_CHANGED)}; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION otop_stale_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"{_MARK.format(rows='old_rows')}; RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION otop_stale_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO summary_stale (fiscal_year, month) SELECT DISTINCT fiscal_year, month FROM monthly_sale "
    "WHERE entrepreneur_id = NEW.id ON CONFLICT DO NOTHING; RETURN NULL; END $$",
    "CREATE TRIGGER monthly_sale_stale_insert AFTER INSERT ON monthly_sale REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION otop_stale_inserted()",
    "CREATE TRIGGER monthly_sale_stale_update AFTER UPDATE ON monthly_sale REFERENCING OLD TABLE AS old_rows "
    "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION otop_stale_updated()",
    "CREATE TRIGGER monthly_sale_stale_delete AFTER DELETE ON monthly_sale REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION otop_stale_deleted()",
    "CREATE TRIGGER entrepreneur_stale_move AFTER UPDATE OF tambon_code, product_type_id ON entrepreneur FOR EACH ROW "
    "WHEN (OLD.tambon_code IS DISTINCT FROM NEW.tambon_code OR "
    "OLD.product_type_id IS DISTINCT FROM NEW.product_type_id) "
    "EXECUTE FUNCTION otop_stale_moved()",
)


def upgrade() -> None:
    op.create_table(
        "sales_summary",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("product_type_id", sa.Integer(), nullable=False),
        sa.Column("listed", sa.Integer(), nullable=False),
        sa.Column("reported", sa.Integer(), nullable=False),
        sa.Column("domestic_offline", sa.BigInteger(), nullable=False),
        sa.Column("domestic_online", sa.BigInteger(), nullable=False),
        sa.Column("export_offline", sa.BigInteger(), nullable=False),
        sa.Column("export_online", sa.BigInteger(), nullable=False),
        sa.Column("last_saved", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint(
            "fiscal_year", "month", "district_code", "product_type_id", name=op.f("pk_sales_summary")
        ),
    )
    op.create_table(
        "summary_stale",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "month", name=op.f("pk_summary_stale")),
    )
    if on_sqlite():
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        for statement in SERVER_TRIGGERS:
            op.execute(statement)
    op.execute("INSERT INTO summary_stale (fiscal_year, month) SELECT DISTINCT fiscal_year, month FROM monthly_sale")
    _confirm_imported_province_months()


def _confirm_imported_province_months() -> None:
    bind = op.get_bind()
    imported = bind.execute(
        sa.text(
            "SELECT source_area, fiscal_year, months, imported_by, imported_at, file_name "
            "FROM import_ledger WHERE kind = 'province' AND outcome = 'applied'"
        )
    ).all()
    for province, fiscal_year, months, who, at, name in imported:
        for month in (int(m) for m in months.split(",") if m):
            bind.execute(
                sa.text(
                    "INSERT INTO province_lock (province_code, fiscal_year, "
                    "month, locked, changed_by, changed_at, reason) "
                    "VALUES (:province, :year, :month, :locked, :who, :at, :reason) ON CONFLICT DO NOTHING"
                ),
                {
                    "province": province,
                    "year": fiscal_year,
                    "month": month,
                    "locked": True,
                    "who": who,
                    "at": at,
                    "reason": f"ยืนยันโดยจังหวัด (ไฟล์ {name[:200]})",
                },
            )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(
            f"DROP TRIGGER IF EXISTS {name}"
            + ("" if on_sqlite() else f" ON {'entrepreneur' if 'entrepreneur' in name else 'monthly_sale'}")
        )
    op.drop_table("summary_stale")
    op.drop_table("sales_summary")
