"""Thailand's administrative areas with their official codes: province (2 digits), district (4), tambon (6)."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class Region(Base):
    """A geographic region (ภาค) of the master data, keyed by its number there: the department's dashboard
    groups provinces by it, as the department's own system groups them into zones."""

    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100))


class Province(Base):
    """A province (จังหวัด), keyed by its official two-digit code, in one region."""

    __tablename__ = "province"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    # The region's code; not a foreign key, so that a downgrade can drop the column of a table others reference.
    region_code: Mapped[str | None] = mapped_column(String(2))  # None until the master data loads


class District(Base):
    """A district (อำเภอ, or เขต in Bangkok), keyed by its official four-digit code."""

    __tablename__ = "district"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))


class Tambon(Base):
    """A tambon (ตำบล), keyed by its official six-digit code whose first four digits are its district."""

    __tablename__ = "tambon"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    zip_code: Mapped[str] = mapped_column(String(5))
