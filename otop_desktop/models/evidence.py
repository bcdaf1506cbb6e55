"""The signed จต.๒ the province receives back: each scanned file kept whole under its SHA-256, and each of its
pages matched to the print record whose code it carries."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint, or_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class EvidenceFile(Base):
    """A scanned file as it came (PDF, JPEG or PNG): its bytes, never changed or replaced."""

    __tablename__ = "evidence_file"
    __table_args__ = (UniqueConstraint("sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))  # the file's name when it was taken in
    kind: Mapped[str] = mapped_column(String(8))  # pdf, jpeg or png
    pages: Mapped[int]
    size: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary)
    received_by: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime]  # UTC


class EvidencePage(Base):
    """One page of a scanned file, matched to the print it shows (by its QR code, or the code typed by hand)."""

    __tablename__ = "evidence_page"
    __table_args__ = (
        UniqueConstraint("file_id", "page", "print_record_id"),
        Index("ix_evidence_page_print_record_id", "print_record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_file.id"))
    page: Mapped[int]  # 1-based, in the file
    print_record_id: Mapped[int] = mapped_column(ForeignKey("print_record.id"))
    typed: Mapped[bool]  # the code was typed from the paper, not read from its QR code
    # The page of the print it shows, and the print's pages, as its QR code names them or the officer typed them
    # from its footer (the last page carries the signatures); None for a QR code of a print from before 0021.
    print_page: Mapped[int | None]
    print_pages: Mapped[int | None]

    @hybrid_property
    def counts(self) -> bool:
        """Whether this page puts its print's signed copy on file: the print's last page, the one with the
        signatures, or a page whose place is not known (as every page counted before 0021)."""
        return self.print_page is None or self.print_page == self.print_pages

    @counts.inplace.expression
    @classmethod
    def _counts_expression(cls):
        return or_(cls.print_page.is_(None), cls.print_page == cls.print_pages)

    received_by: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime]  # UTC
