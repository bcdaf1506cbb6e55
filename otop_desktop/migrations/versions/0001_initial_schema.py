"""Initial schema: areas, catalogues, entrepreneurs, monthly sales, users, append-only audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from otop_desktop.migrations.portable import drop_append_only, make_append_only

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# The department's lists as of this revision; later changes get their own migration.
PRODUCT_TYPES = (
    "อาหาร",
    "เครื่องดื่ม",
    "ผ้า เครื่องแต่งกาย",
    "ของใช้ ของตกแต่ง ของที่ระลึก",
    "สมุนไพรที่ไม่ใช่อาหาร",
)
ENTREPRENEUR_TYPES = (
    "ผู้ผลิตชุมชน",
    "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว",
    "ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม",
)


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('district', 'province', 'admin')", name=op.f("ck_app_user_role_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_key", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity_key"), ["entity_key"], unique=False)

    op.create_table(
        "entrepreneur_type",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name_th", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entrepreneur_type")),
        sa.UniqueConstraint("name_th", name=op.f("uq_entrepreneur_type_name_th")),
    )
    op.create_table(
        "product_type",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name_th", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_type")),
        sa.UniqueConstraint("name_th", name=op.f("uq_product_type_name_th")),
    )
    op.create_table(
        "province",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name_th", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_province")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "district",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("name_th", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["province_code"], ["province.code"], name=op.f("fk_district_province_code_province")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_district")),
    )
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_district_province_code"), ["province_code"], unique=False)

    op.create_table(
        "tambon",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("name_th", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("zip_code", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(["district_code"], ["district.code"], name=op.f("fk_tambon_district_code_district")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_tambon")),
    )
    with op.batch_alter_table("tambon", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tambon_district_code"), ["district_code"], unique=False)

    op.create_table(
        "entrepreneur",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tambon_code", sa.String(length=6), nullable=False),
        sa.Column("product_type_id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_type_id", sa.Integer(), nullable=False),
        sa.Column("main_product", sa.String(length=200), nullable=False),
        sa.Column("otop_code", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entrepreneur_type_id"],
            ["entrepreneur_type.id"],
            name=op.f("fk_entrepreneur_entrepreneur_type_id_entrepreneur_type"),
        ),
        sa.ForeignKeyConstraint(
            ["product_type_id"], ["product_type.id"], name=op.f("fk_entrepreneur_product_type_id_product_type")
        ),
        sa.ForeignKeyConstraint(["tambon_code"], ["tambon.code"], name=op.f("fk_entrepreneur_tambon_code_tambon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entrepreneur")),
        sa.UniqueConstraint("otop_code", name=op.f("uq_entrepreneur_otop_code")),
    )
    with op.batch_alter_table("entrepreneur", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entrepreneur_tambon_code"), ["tambon_code"], unique=False)

    op.create_table(
        "monthly_sale",
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("domestic_offline", sa.BigInteger(), nullable=True),
        sa.Column("domestic_online", sa.BigInteger(), nullable=True),
        sa.Column("export_offline", sa.BigInteger(), nullable=True),
        sa.Column("export_online", sa.BigInteger(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "coalesce(domestic_offline, 0) >= 0 AND coalesce(domestic_online, 0) >= 0 "
            "AND coalesce(export_offline, 0) >= 0 AND coalesce(export_online, 0) >= 0",
            name=op.f("ck_monthly_sale_amounts_not_negative"),
        ),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_monthly_sale_month_range")),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"], ["entrepreneur.id"], name=op.f("fk_monthly_sale_entrepreneur_id_entrepreneur")
        ),
        sa.PrimaryKeyConstraint("entrepreneur_id", "fiscal_year", "month", name=op.f("pk_monthly_sale")),
    )
    with op.batch_alter_table("monthly_sale", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_sale_period", ["fiscal_year", "month"], unique=False)

    make_append_only("audit_log")
    product_type = sa.table("product_type", sa.column("id", sa.Integer), sa.column("name_th", sa.String))
    op.bulk_insert(product_type, [{"id": i, "name_th": n} for i, n in enumerate(PRODUCT_TYPES, 1)])
    entrepreneur_type = sa.table("entrepreneur_type", sa.column("id", sa.Integer), sa.column("name_th", sa.String))
    op.bulk_insert(entrepreneur_type, [{"id": i, "name_th": n} for i, n in enumerate(ENTREPRENEUR_TYPES, 1)])


def downgrade() -> None:
    drop_append_only("audit_log")
    with op.batch_alter_table("monthly_sale", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_sale_period")

    op.drop_table("monthly_sale")
    with op.batch_alter_table("entrepreneur", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entrepreneur_tambon_code"))

    op.drop_table("entrepreneur")
    with op.batch_alter_table("tambon", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tambon_district_code"))

    op.drop_table("tambon")
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_district_province_code"))

    op.drop_table("district")
    op.drop_table("setting")
    op.drop_table("province")
    op.drop_table("product_type")
    op.drop_table("entrepreneur_type")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_key"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("app_user")
