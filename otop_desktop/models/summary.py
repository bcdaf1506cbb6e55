"""Monthly sums of sales per district and product type, kept in step with monthly_sale for the dashboard
and the roadmap board, which must answer at national scale without reading a million rows."""

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class SalesSummary(Base):
    """One district's sales of one product type in one month: entrepreneurs listed and with figures, the four
    channels in satang, and when the last row was saved. Rebuilt per month from monthly_sale when stale."""

    __tablename__ = "sales_summary"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    product_type_id: Mapped[int] = mapped_column(primary_key=True)
    listed: Mapped[int]
    reported: Mapped[int]
    domestic_offline: Mapped[int] = mapped_column(BigInteger)
    domestic_online: Mapped[int] = mapped_column(BigInteger)
    export_offline: Mapped[int] = mapped_column(BigInteger)
    export_online: Mapped[int] = mapped_column(BigInteger)
    last_saved: Mapped[datetime | None]


class SummaryStale(Base):
    """A month whose summary no longer matches monthly_sale; triggers on monthly_sale and entrepreneur add it."""

    __tablename__ = "summary_stale"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
