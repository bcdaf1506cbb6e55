"""Printed forms: each print's record, with the figures it printed, for the verification code."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class PrintRecord(Base):
    """One printed form: which, where, for when, by whom, and exactly the figures it showed."""

    __tablename__ = "print_record"
    __table_args__ = (
        Index("ix_print_record_code", "code"),
        Index("ix_print_record_digest", "digest"),
        Index("ix_print_record_import_id", "import_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16))  # shown on the paper: this print's own (before 0014: the digest's)
    form: Mapped[str] = mapped_column(String(20))
    area_code: Mapped[str] = mapped_column(String(6))
    fiscal_year: Mapped[int]
    months: Mapped[str] = mapped_column(String(40))
    digest: Mapped[str] = mapped_column(String(64))
    figures: Mapped[str] = mapped_column(Text)  # JSON: [uid, name, month, a1, a2, a3, a4] per printed row
    printed_by: Mapped[str] = mapped_column(String(80))
    printed_at: Mapped[datetime]
    # The period the paper is for, where it is not its figures' (a จต.๑ of a month prints last month's figures).
    paper_fiscal_year: Mapped[int | None]
    paper_months: Mapped[str | None] = mapped_column(String(40))
    completeness: Mapped[str | None] = mapped_column(String(400))  # 'กรอกแล้ว 2 จาก 3 ราย' where the paper said so
    import_id: Mapped[int | None]  # the district file's import that brought it (undo removes it); None if printed here
