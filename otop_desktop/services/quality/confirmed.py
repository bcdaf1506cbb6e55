"""Unusual figures the officer who saved them confirmed at the save's question (the log keeps each
confirmation): the check says so beside the finding, so that the province knows the district stood by it."""

from dataclasses import replace

from sqlalchemy import select

from otop_desktop.models import AuditEntry
from otop_desktop.services.audit import amount_text, sale_key
from otop_desktop.services.entry import AMOUNT_FIELDS
from otop_desktop.services.money import sum_amounts
from otop_desktop.services.names import person_names
from otop_desktop.services.quality.findings import Finding, Kind
from otop_desktop.services.thai import format_thai_datetime


def with_confirmations(session, findings: list[Finding], amounts: dict[int, tuple], period) -> list[Finding]:
    """The findings, each figure far above its usual month that its saver confirmed as it now stands (the
    month's total, or the channel) ending with who confirmed it and when; `amounts` is each row's four."""
    fiscal_year, month = period
    high = {
        sale_key(f.entrepreneur_id, fiscal_year, month)
        for f in findings
        if f.kind is Kind.OUTLIER_HIGH and f.entrepreneur_id
    }
    if not high:
        return findings
    query = (
        select(AuditEntry.entity_key, AuditEntry.field, AuditEntry.new_value, AuditEntry.username, AuditEntry.at)
        .where(
            AuditEntry.entity == "monthly_sale",
            AuditEntry.action == "confirm_unusual",
            AuditEntry.entity_key.in_(sorted(high)),
        )
        .order_by(AuditEntry.id)
    )
    confirmed = {(key, field): (value, who, at) for key, field, value, who, at in session.execute(query)}  # newest
    if not confirmed:
        return findings
    people = person_names(session, [who for _, who, _ in confirmed.values()])
    marked = []
    for finding in findings:
        figures = amounts.get(finding.entrepreneur_id)
        if finding.kind is Kind.OUTLIER_HIGH and figures is not None:
            field = "total" if finding.channel is None else AMOUNT_FIELDS[finding.channel]
            figure = sum_amounts(figures) if finding.channel is None else figures[finding.channel]
            found = confirmed.get((sale_key(finding.entrepreneur_id, fiscal_year, month), field))
            if found is not None and found[0] == amount_text(figure):
                _, who, at = found
                said = f" ผู้บันทึกยืนยันยอดนี้แล้วเมื่อบันทึก (โดย {people.get(who, who)} เมื่อ {format_thai_datetime(at)})"
                finding = replace(finding, text=finding.text + said)
        marked.append(finding)
    return marked
