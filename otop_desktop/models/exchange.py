"""Exchanging files between offices: signing keys, the ledger of imported files, the log of sent ones."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class OfficeKey(Base):
    """An Ed25519 key of an office: this office's own (with its private key) or one registered for another."""

    __tablename__ = "office_key"

    area_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[bytes | None] = mapped_column(
        LargeBinary
    )  # None until a file brings it (registered by fingerprint)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary)  # only for this office's own key
    registered_by: Mapped[str] = mapped_column(String(80))
    registered_at: Mapped[datetime]
    retired_at: Mapped[datetime | None]  # set when the office stopped using it: its files are refused since
    retired_by: Mapped[str | None] = mapped_column(String(80))


class ImportLedger(Base):
    """One file taken in (or refused): what it was, who imported it, when, what it did."""

    __tablename__ = "import_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_digest: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    kind: Mapped[str] = mapped_column(String(10))
    source_area: Mapped[str] = mapped_column(String(6))
    fiscal_year: Mapped[int | None]
    months: Mapped[str] = mapped_column(String(40), default="")
    file_created_at: Mapped[datetime | None]
    imported_by: Mapped[str] = mapped_column(String(80))
    imported_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(10))  # applied, refused, undone
    summary: Mapped[str] = mapped_column(Text, default="")  # counts as JSON, or the reason of a refusal
    backup_path: Mapped[str | None] = mapped_column(String(400))
    last_audit_id: Mapped[int | None]  # the audit log's newest entry right after the import, to know nothing came since
    batch: Mapped[str | None] = mapped_column(String(32))  # the files taken in together (undone together)
    rows_written: Mapped[int | None]  # sales rows it wrote: undo finds them all still carrying its id, or refuses


class ImportSaleBefore(Base):
    """A sales row as it was before an import overwrote it (`written`) or only marked this office's version
    seen: what undoing that import puts back. Rows an import added have no record; undo deletes them."""

    __tablename__ = "import_sale_before"

    import_id: Mapped[int] = mapped_column(ForeignKey("import_ledger.id"), primary_key=True)
    entrepreneur_id: Mapped[int] = mapped_column(ForeignKey("entrepreneur.id"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    written: Mapped[bool]
    domestic_offline: Mapped[int | None] = mapped_column(BigInteger)
    domestic_online: Mapped[int | None] = mapped_column(BigInteger)
    export_offline: Mapped[int | None] = mapped_column(BigInteger)
    export_online: Mapped[int | None] = mapped_column(BigInteger)
    revision: Mapped[int]
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime]
    origin: Mapped[str] = mapped_column(String(6))
    source_revision: Mapped[int]
    prior_import_id: Mapped[int | None]


class ImportLockBefore(Base):
    """A province's confirmation of a month as it was before a province file confirmed it (at the department)."""

    __tablename__ = "import_lock_before"

    import_id: Mapped[int] = mapped_column(ForeignKey("import_ledger.id"), primary_key=True)
    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    existed: Mapped[bool]
    locked: Mapped[bool | None]
    changed_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)


class ExportLog(Base):
    """One file this office made and sent."""

    __tablename__ = "export_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_digest: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(260))
    kind: Mapped[str] = mapped_column(String(10))
    area_code: Mapped[str] = mapped_column(String(6))
    fiscal_year: Mapped[int | None]
    months: Mapped[str] = mapped_column(String(40), default="")
    rows: Mapped[int]
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
