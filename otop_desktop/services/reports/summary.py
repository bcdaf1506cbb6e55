"""The monthly summary (sales_summary): a district's sums per product type and month, rebuilt for the months
the triggers marked stale before anyone reads it, so the dashboard and the roadmap board answer from a few
thousand rows instead of a million. Its figures equal the detail's: a test compares them after every
kind of write."""

from sqlalchemy import and_, delete, func, insert, literal, select

from otop_desktop.models import Entrepreneur, MonthlySale, ProvinceLock, SalesSummary, SummaryStale
from otop_desktop.services.entry import AMOUNT_FIELDS
from otop_desktop.services.reports import figures
from otop_desktop.services.reports.figures import Scope, Sums

SUMMARY_KEYS = {
    "province": func.substr(SalesSummary.district_code, 1, 2),
    "district": SalesSummary.district_code,
    "month": SalesSummary.month,
    "product_type": SalesSummary.product_type_id,
}


def _rebuild_month(session, fiscal_year: int, month: int) -> None:
    session.execute(delete(SalesSummary).where(SalesSummary.fiscal_year == fiscal_year, SalesSummary.month == month))
    sums = [func.coalesce(func.sum(getattr(MonthlySale, field)), 0) for field in AMOUNT_FIELDS]
    query = (
        select(
            literal(fiscal_year),
            literal(month),
            figures.DISTRICT,
            Entrepreneur.product_type_id,
            func.count(),
            func.count(figures.entered_id()),
            *sums,
            func.max(MonthlySale.updated_at),
        )
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month)
        .group_by(figures.DISTRICT, Entrepreneur.product_type_id)
    )
    columns = [
        "fiscal_year",
        "month",
        "district_code",
        "product_type_id",
        "listed",
        "reported",
        *AMOUNT_FIELDS,
        "last_saved",
    ]
    session.execute(insert(SalesSummary).from_select(columns, query))
    session.execute(delete(SummaryStale).where(SummaryStale.fiscal_year == fiscal_year, SummaryStale.month == month))


def refresh(uow) -> int:
    """Rebuild every stale month and commit; returns how many months were rebuilt (0: nothing to write)."""
    stale = uow.session.execute(select(SummaryStale.fiscal_year, SummaryStale.month)).all()
    if not stale:
        return 0
    uow.begin_write()
    stale = uow.session.execute(select(SummaryStale.fiscal_year, SummaryStale.month)).all()  # again, under the lock
    for fiscal_year, month in stale:
        _rebuild_month(uow.session, fiscal_year, month)
    uow.commit()
    return len(stale)


def restrict(query, scope: Scope):
    """A query over sales_summary kept to the scope's area, period and (the department) confirmed months."""
    query = query.where(SalesSummary.fiscal_year == scope.fiscal_year, SalesSummary.month.in_(scope.months))
    if scope.prefix:
        upper = scope.prefix[:-1] + chr(ord(scope.prefix[-1]) + 1)
        query = query.where(SalesSummary.district_code >= scope.prefix, SalesSummary.district_code < upper)
    if scope.confirmed_only:
        query = query.join(
            ProvinceLock,
            and_(
                ProvinceLock.province_code == SUMMARY_KEYS["province"],
                ProvinceLock.fiscal_year == SalesSummary.fiscal_year,
                ProvinceLock.month == SalesSummary.month,
                ProvinceLock.locked,
            ),
        )
    return query


def sums_by(session, scope: Scope, *keys: str) -> dict[tuple, Sums]:
    """Like figures.sums_by, from the summary: the amounts are the same; `listed` and `reported` are
    entrepreneur-months (exact for one month; over several months an entrepreneur counts once a month)."""
    columns = [SUMMARY_KEYS[key] for key in keys]
    query = select(
        *columns,
        func.sum(SalesSummary.listed),
        func.sum(SalesSummary.reported),
        *(func.sum(getattr(SalesSummary, field)) for field in AMOUNT_FIELDS),
    )
    query = restrict(query, scope)
    if columns:
        query = query.group_by(*columns)
    width, result = len(keys), {}
    for row in session.execute(query):
        if row[width] is None:
            continue  # no rows at all: an empty aggregate
        result[tuple(row[:width])] = Sums(int(row[width]), int(row[width + 1]), tuple(int(v) for v in row[width + 2 :]))
    return result


def last_saved(session, scope: Scope, key: str) -> dict[tuple, object]:
    """(area, month) → when the area's month was last saved, for the roadmap board."""
    area = SUMMARY_KEYS[key]
    query = restrict(select(area, SalesSummary.month, func.max(SalesSummary.last_saved)), scope).group_by(
        area, SalesSummary.month
    )
    return {(code, month): saved for code, month, saved in session.execute(query)}
