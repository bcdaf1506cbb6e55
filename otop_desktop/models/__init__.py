"""The SQLAlchemy models of otop-desktop; only tables, no rules."""

from otop_desktop.models.area import District, Province, Tambon
from otop_desktop.models.base import Base
from otop_desktop.models.catalog import EntrepreneurType, ProductType
from otop_desktop.models.entry import Entrepreneur, MonthlySale
from otop_desktop.models.people import AuditEntry, Setting, User

__all__ = [
    "AuditEntry", "Base", "District", "Entrepreneur", "EntrepreneurType", "MonthlySale",
    "ProductType", "Province", "Setting", "Tambon", "User",
]
