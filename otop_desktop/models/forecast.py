"""The province's yearly forecast of OTOP sales (attachment 4): twelve months, four channels, a remark."""

from datetime import datetime

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class Forecast(Base):
    """One month of a province's forecast, in satang; the row total is derived, never stored."""

    __tablename__ = "forecast"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    domestic_offline: Mapped[int | None] = mapped_column(BigInteger)
    domestic_online: Mapped[int | None] = mapped_column(BigInteger)
    export_offline: Mapped[int | None] = mapped_column(BigInteger)
    export_online: Mapped[int | None] = mapped_column(BigInteger)
    remark: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]
