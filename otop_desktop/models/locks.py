"""Lock (confirmation) state of a district's month and of a province's month, with who changed it last."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class LockColumns:
    """The state every lock row carries: locked or not, and the last change's who, when and why."""

    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    locked: Mapped[bool]
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")


class DistrictLock(LockColumns, Base):
    """A district-month's lock; no row means it was never locked."""

    __tablename__ = "district_lock"

    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"), primary_key=True)


class ProvinceLock(LockColumns, Base):
    """A province-month's confirmation: only a locked province-month counts as reported upward."""

    __tablename__ = "province_lock"

    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), primary_key=True)
