"""The department's view by zone: the provinces' sales grouped by the master data's six geographic regions
(ภาค), as the department's own system groups provinces into zones on its dashboard."""

from dataclasses import dataclass

from sqlalchemy import select

from otop_desktop.models import Province, Region

NO_REGION = "ไม่ระบุภาค"  # a province the master data gives no region (none today)


@dataclass(frozen=True)
class RegionBar:
    """One region's sales: the sum of its provinces' (in satang), and those provinces, highest first."""

    code: str
    name: str
    total: int
    provinces: tuple  # the dashboard's Bar of each province of the region


def region_bars(session, province_bars) -> tuple[RegionBar, ...]:
    """The provinces' bars grouped by region, in the master data's order of regions; each region's total is
    exactly the sum of its provinces'."""
    names = dict(session.execute(select(Region.code, Region.name_th)).all())
    region_of = dict(session.execute(select(Province.code, Province.region_code)).all())
    grouped: dict[str | None, list] = {}
    for bar in province_bars:
        code = region_of.get(bar.code)
        grouped.setdefault(code if code in names else None, []).append(bar)
    order = sorted(names, key=lambda code: (len(code), code))
    if None in grouped:
        order.append(None)
    return tuple(
        RegionBar(
            code or "",
            names.get(code, NO_REGION),
            sum(bar.total for bar in grouped.get(code, ())),
            tuple(sorted(grouped.get(code, ()), key=lambda bar: (-bar.total, bar.code))),
        )
        for code in order
    )
