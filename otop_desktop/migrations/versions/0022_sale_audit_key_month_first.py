"""The audit key of an entrepreneur's month names the month first ('2569/08/12', was '12/2569/08'): a province's
save writes an entry for each of its 2,564 rows, all of one month, and with the month first their keys lie
together in the key's index, a few pages, where entrepreneur-first keys sent each to a page of its own (on a
server 2 ms of that save, about a tenth of what writing its rows costs). The entries kept are given the new
form; the log stays append-only, its triggers lifted only for this rewrite, in this migration's transaction.

Revision ID: 0022
Revises: 0021
"""

from alembic import op

from otop_desktop.migrations.portable import drop_append_only, make_append_only

revision = "0022"
down_revision = "0021"  # 0021_evidence_print_page.py
branch_labels = None
depends_on = None

# Keys of the old form end in '/yyyy/mm' (8 characters); those of the new one start with 'yyyy/mm/'.
_MONTH_FIRST = (
    "UPDATE audit_log SET entity_key = substr(entity_key, length(entity_key) - 6) || '/'"
    " || substr(entity_key, 1, length(entity_key) - 8)"
    " WHERE entity = 'monthly_sale' AND entity_key LIKE '%/____/__' AND entity_key NOT LIKE '____/__/%'"
)
_ENTREPRENEUR_FIRST = (
    "UPDATE audit_log SET entity_key = substr(entity_key, 9) || '/' || substr(entity_key, 1, 7)"
    " WHERE entity = 'monthly_sale' AND entity_key LIKE '____/__/%'"
)


def _rewrite(statement: str) -> None:
    drop_append_only("audit_log")
    op.execute(statement)
    make_append_only("audit_log")


def upgrade() -> None:
    _rewrite(_MONTH_FIRST)


def downgrade() -> None:
    _rewrite(_ENTREPRENEUR_FIRST)
