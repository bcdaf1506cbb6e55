"""KPI targets: a province's settings for a fiscal year, each district's base-year sales, and the
printed figures an officer chose to keep where they differ from the rule."""

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class TargetSettings(Base):
    """The rule of a fiscal year: base year, adjustment factor, three tier percentages (Decimal text)."""

    __tablename__ = "target_settings"

    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    base_year: Mapped[int]
    factor: Mapped[str] = mapped_column(String(20))
    basic_pct: Mapped[str] = mapped_column(String(20))
    standard_pct: Mapped[str] = mapped_column(String(20))
    high_pct: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]


class DistrictBase(Base):
    """A district's base-year sales for a fiscal year's targets, in satang, and where it came from."""

    __tablename__ = "district_base"
    __table_args__ = (CheckConstraint("source IN ('data', 'entered', 'imported')", name="source_known"),)

    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    base_satang: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(10))
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]


class PrintedTarget(Base):
    """Figures of a printed target table the officer chose to keep for a district and round."""

    __tablename__ = "printed_target"
    __table_args__ = (CheckConstraint("round_no IN (1, 2)", name="round_known"),)

    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    round_no: Mapped[int] = mapped_column(primary_key=True)
    adjusted: Mapped[int] = mapped_column(BigInteger)
    round_base: Mapped[int] = mapped_column(BigInteger)
    basic: Mapped[int] = mapped_column(BigInteger)
    standard: Mapped[int] = mapped_column(BigInteger)
    high: Mapped[int] = mapped_column(BigInteger)
    source_file: Mapped[str] = mapped_column(String(260))
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]
