"""The fixed lists of the department: OTOP product types and entrepreneur types."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class ProductType(Base):
    """One of the five OTOP product types (ประเภทผลิตภัณฑ์)."""

    __tablename__ = "product_type"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name_th: Mapped[str] = mapped_column(String(100), unique=True)


class EntrepreneurType(Base):
    """One of the three entrepreneur types (ประเภทผู้ประกอบการ)."""

    __tablename__ = "entrepreneur_type"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name_th: Mapped[str] = mapped_column(String(100), unique=True)
