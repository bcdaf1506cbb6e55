"""Who prepares, certifies and signs an office's forms."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class Signatory(Base):
    """One signature block of an office (a district or a province): its name and position."""

    __tablename__ = "signatory"

    area_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    duty: Mapped[str] = mapped_column(String(12), primary_key=True)  # prepares, certifies, signs
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200))
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime]
