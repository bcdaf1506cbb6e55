"""Users, the append-only audit log, and the key-value settings of the database."""

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base


class User(Base):
    """A login; its area is a district code (district role), a province code (province, admin) or
    '00' for the whole country (department role, which merges the provinces' files)."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint("role IN ('district', 'province', 'admin', 'department')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    area_code: Mapped[str] = mapped_column(String(6))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    """One change: who made it, when, to what, the old and the new value. Triggers forbid edits."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    # On a server, migration 0019 makes this index BRIN (the log is written in time order); naming the method
    # here would load SQLAlchemy's PostgreSQL dialect into every process, a print's command too.
    at: Mapped[datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str] = mapped_column(String(80), index=True)  # on a server collation "C" (migration 0020)
    field: Mapped[str] = mapped_column(String(40), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)  # why, where the user gave a reason (unlocking)


class Setting(Base):
    """A key-value setting of this database, such as the version of the loaded master data."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
