"""Entrepreneurs and the monthly sales each records, in satang (1/100 baht)."""

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class Entrepreneur(Base):
    """An OTOP producer or group registered in a tambon; its district is its tambon's."""

    __tablename__ = "entrepreneur"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)  # the same entrepreneur in every office's database
    name: Mapped[str] = mapped_column(String(200))
    # thai.sort_key(name), kept by every writer: lists come in Thai dictionary order straight from SQL.
    name_key: Mapped[str] = mapped_column(String(420), default="", server_default="")
    tambon_code: Mapped[str] = mapped_column(ForeignKey("tambon.code"), index=True)
    product_type_id: Mapped[int] = mapped_column(ForeignKey("product_type.id"))
    entrepreneur_type_id: Mapped[int] = mapped_column(ForeignKey("entrepreneur_type.id"))
    main_product: Mapped[str] = mapped_column(String(200), default="")
    otop_code: Mapped[str | None] = mapped_column(String(40), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    import_id: Mapped[int | None] = mapped_column(
        index=True
    )  # the import that added it (undo removes it); None if typed


class MonthlySale(Base):
    """One entrepreneur's sales in one month of a fiscal year; a row means it is on that month's list.

    Amounts are satang and may be NULL while not yet entered; the total is always derived.
    """

    __tablename__ = "monthly_sale"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint(
            "coalesce(domestic_offline, 0) >= 0 AND coalesce(domestic_online, 0) >= 0"
            " AND coalesce(export_offline, 0) >= 0 AND coalesce(export_online, 0) >= 0",
            name="amounts_not_negative",
        ),
        # Covering: a period's figures come from the index alone (migration 0012).
        Index(
            "ix_monthly_sale_period",
            "fiscal_year",
            "month",
            "entrepreneur_id",
            "domestic_offline",
            "domestic_online",
            "export_offline",
            "export_online",
        ),
    )

    entrepreneur_id: Mapped[int] = mapped_column(ForeignKey("entrepreneur.id"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    domestic_offline: Mapped[int | None] = mapped_column(BigInteger)
    domestic_online: Mapped[int | None] = mapped_column(BigInteger)
    export_offline: Mapped[int | None] = mapped_column(BigInteger)
    export_online: Mapped[int | None] = mapped_column(BigInteger)
    revision: Mapped[int] = mapped_column(default=1)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime]
    # For merging district files: the office whose figures these are, the revision of the district's
    # own row they came from (0 if none), and the import that brought them (None if typed here).
    origin: Mapped[str] = mapped_column(String(6), default="", server_default="")
    source_revision: Mapped[int] = mapped_column(default=0, server_default="0")
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_ledger.id"), index=True)
