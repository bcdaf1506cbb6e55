"""What the entry tab does with a save refused for a reason the officer can act on: rows saved elsewhere since
they were shown (the month as it is now, the officer's other edits typed again), the month locked since it was
shown, and totals far above their usual month to confirm before they are saved."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from otop_desktop.services import saving
from otop_desktop.services.entry import CHANNELS
from otop_desktop.services.money import format_baht
from otop_desktop.ui.common import agrees

NO_AMOUNTS = (None, None, None, None)  # a row Sync brought: no figures shown


class SaveRefusals(QObject):
    """The entry tab's answers to a refused save; `tab` is the EntryTab (its model, reload and banner)."""

    def __init__(self, tab: QWidget):
        super().__init__(tab)
        self.tab = tab

    def offer_newest(self, error) -> None:
        """Some rows were saved elsewhere since they were shown: nothing was saved; offer the month as it is now
        with the officer's edits typed again (unsaved): all of the other rows', and those of the rows saved
        meanwhile whose figures the other save left as they were shown (another PC's Sync lists a row without
        figures); the rows whose figures it changed show the new ones."""
        changes = self.tab.model.changes()
        kept = {c.entrepreneur_id: c.amounts for c in changes if c.entrepreneur_id not in error.ids}
        contested = {
            c.entrepreneur_id: (c.amounts, tuple(c.seen[0]) if c.seen else NO_AMOUNTS)
            for c in changes
            if c.entrepreneur_id in error.ids
        }
        sales = self.tab.model.sales  # every row of the month, the filter's hidden ones too
        synced = [  # rows Sync brought that are not listed yet: a reload alone would drop them
            sales.sale_row(row)
            for row in range(sales.rowCount())
            if sales.is_new(row) and sales.entrepreneur_id(row) not in error.ids
        ]
        kept_too = self.tr(
            "โหลดข้อมูลล่าสุดตอนนี้หรือไม่? ยอดที่ท่านแก้ไขไว้จะยังอยู่ให้ตรวจแล้วบันทึก "
            "ยกเว้นรายที่มีผู้บันทึกตัวเลขไปก่อน ซึ่งจะแสดงยอดล่าสุดแทนยอดที่ท่านพิมพ์"
        )
        if self._asked_to_reload(error, kept_too):
            self.tab.reload(then=lambda: self._type_again(kept, synced, contested))
        else:
            self.tab.show_banner(self.tr("ยังไม่ได้บันทึก: มีผู้บันทึกข้อมูลเดือนนี้ไปก่อนแล้ว"), "error")

    def _type_again(self, kept: dict, synced: list, contested: dict) -> None:
        sales = self.tab.model.sales
        listed = {sales.entrepreneur_id(row) for row in range(sales.rowCount())}
        self.tab.model.add_rows([row for row in synced if row.entrepreneur_id not in listed])
        now = sales.all_amounts()
        untouched = {  # saved meanwhile, its figures as the officer saw them: the typing stands
            entrepreneur_id: typed
            for entrepreneur_id, (typed, seen) in contested.items()
            if now.get(entrepreneur_id) == seen
        }
        rows = sales.keep_edits(kept | untouched)
        replaced = len(contested) - len(untouched)
        self._say_replaced({i: typed for i, (typed, _) in contested.items() if i not in untouched}, now)
        if rows:
            text = self.tr(
                "โหลดข้อมูลล่าสุดแล้ว ยอดที่ท่านแก้ไขไว้ของ {rows} รายยังอยู่ (ยังไม่ได้บันทึก) กรุณาตรวจสอบแล้วกด “บันทึกข้อมูล”"
            ).format(rows=f"{rows:,}")
            if replaced:
                text += self.tr(" · {count} รายมีผู้บันทึกตัวเลขไปก่อน จึงแสดงยอดล่าสุดแทน").format(count=f"{replaced:,}")
        else:
            text = self.tr("โหลดข้อมูลล่าสุดแล้ว กรุณาแก้ไขอีกครั้งแล้วกดบันทึก")
        self.tab.show_banner(text, "info")

    def _say_replaced(self, typed: dict, saved: dict) -> None:
        """The rows whose figures another save changed meanwhile: what the officer typed beside what is saved now
        (`saved`, as reloaded), channel by channel, so that a figure the officer knows to be right can be typed
        again."""
        sales, limit, lines = self.tab.model.sales, 15, []
        for row in range(sales.rowCount()):
            mine = typed.get(sales.entrepreneur_id(row))
            now = saved.get(sales.entrepreneur_id(row)) if mine is not None else None
            if now is None:
                continue
            differ = [
                self.tr("{channel} ท่านพิมพ์ {mine} · บันทึกไว้ {now}").format(
                    channel=channel, mine=format_baht(a, blank="-"), now=format_baht(b, blank="-")
                )
                for channel, a, b in zip(CHANNELS, mine, now)
                if a != b
            ]
            if differ:
                lines.append(f"• {sales.row_label(row)}: " + "; ".join(differ))
        if not lines:
            return
        more = [self.tr("และอีก {count} ราย").format(count=len(lines) - limit)] if len(lines) > limit else []
        QMessageBox.information(
            self.tab,
            self.tr("ยอดที่มีผู้บันทึกไปก่อน"),
            self.tr("รายต่อไปนี้แสดงยอดที่บันทึกไว้แล้วแทนยอดที่ท่านพิมพ์ หากยอดของท่านถูกต้อง กรุณาพิมพ์ใหม่แล้วบันทึก:\n{lines}").format(
                lines="\n".join(lines[:limit] + more)
            ),
        )

    def offer_locked_month(self, error, kept: str) -> None:
        """The month was locked since it was shown: nothing was saved; offer the month as it is now (its own
        notice says it is locked); `kept` is the banner when the officer keeps the edits on screen instead."""
        lost = self.tr(
            "โหลดข้อมูลล่าสุดตอนนี้หรือไม่? (ตัวเลขที่ท่านแก้ไขและยังไม่ได้บันทึกจะหายไป หากต้องการเก็บไว้ ให้กด “ไม่ใช่” แล้วจดไว้ก่อน)"
        )
        if self._asked_to_reload(error, lost):
            self.tab.reload()
        else:
            self.tab.show_banner(kept, "error")

    def _asked_to_reload(self, error, question: str) -> bool:
        """Whether the officer, told why nothing was saved, takes the month as it is now."""
        return agrees(self.tab, error.title, f"{error.message}\n\n{question}", yes_first=True)

    def confirm_unusual(self, amounts) -> bool:
        """Whether the officer, shown the unusual totals (the first 15) and the rule, confirms them."""
        limit = 15
        lines = [f"• {a.text()}" for a in amounts[:limit]]  # the channel named where one channel is unusual
        if len(amounts) > limit:
            lines.append(self.tr("และอีก {count} ราย").format(count=len(amounts) - limit))
        return agrees(
            self.tab,
            self.tr("ยอดจำหน่ายสูงผิดปกติ"),
            self.tr("{rule}:\n{lines}\n\nยอดเหล่านี้ถูกต้องหรือไม่? ถ้ายืนยัน โปรแกรมจะบันทึกและจดการยืนยันนี้ไว้ในประวัติการแก้ไข").format(
                rule=saving.unusual_rule(amounts), lines="\n".join(lines)
            ),
        )
