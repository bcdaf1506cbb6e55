"""The province's data-quality check: each finding an officer has looked at and marked checked, with a note."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class QualityReview(Base):
    """A finding marked ตรวจแล้ว: its key (kind, subject, period and the figure it questioned), who, when, why.
    A later check that finds the same key shows it as checked instead of raising it again."""

    __tablename__ = "quality_review"
    __table_args__ = (Index("ix_quality_review_period", "fiscal_year", "month", "area_code"),)

    finding_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    area_code: Mapped[str] = mapped_column(String(6))  # the finding's district
    fiscal_year: Mapped[int]
    month: Mapped[int]
    entrepreneur_id: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(80))
    reviewed_at: Mapped[datetime]
