"""The SQLAlchemy models of otop-desktop; only tables, no rules."""

from otop_desktop.models.area import District, Province, Region, Tambon
from otop_desktop.models.base import Base
from otop_desktop.models.catalog import EntrepreneurType, ProductType
from otop_desktop.models.entry import Entrepreneur, MonthlySale
from otop_desktop.models.evidence import EvidenceFile, EvidencePage
from otop_desktop.models.exchange import ExportLog, ImportLedger, ImportLockBefore, ImportSaleBefore, OfficeKey
from otop_desktop.models.forecast import Forecast
from otop_desktop.models.forms import PrintRecord
from otop_desktop.models.locks import DistrictLock, ProvinceLock
from otop_desktop.models.people import AuditEntry, Setting, User
from otop_desktop.models.quality import QualityReview
from otop_desktop.models.signatory import Signatory
from otop_desktop.models.summary import SalesSummary, SummaryStale
from otop_desktop.models.targets import DistrictBase, PrintedTarget, TargetSettings

__all__ = [
    "AuditEntry",
    "Base",
    "District",
    "DistrictLock",
    "Entrepreneur",
    "EntrepreneurType",
    "MonthlySale",
    "ProductType",
    "Province",
    "ProvinceLock",
    "Region",
    "Setting",
    "Tambon",
    "User",
    "DistrictBase",
    "PrintedTarget",
    "TargetSettings",
    "ExportLog",
    "ImportLedger",
    "ImportLockBefore",
    "ImportSaleBefore",
    "OfficeKey",
    "PrintRecord",
    "QualityReview",
    "Signatory",
    "Forecast",
    "EvidenceFile",
    "EvidencePage",
    "SalesSummary",
    "SummaryStale",
]
