"""หน้าหลัก, the first tab: the fiscal year's total and its split, "ข้อมูล ณ วันที่ …", sales by district as bars
(a click opens that district's month in the entry tab), the months' sales beside the forecast and the
target tiers, and how many districts have entered and been locked in the picked month. The figures are
read off the GUI thread; each chart can be saved as a PNG image."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.changes import Kind
from otop_desktop.core.errors import OtopError
from otop_desktop.services import deadlines, entry
from otop_desktop.services.money import format_baht
from otop_desktop.services.reports import dashboard
from otop_desktop.services.thai import fiscal_year_of, today_in_thailand
from otop_desktop.ui import charts
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.common import FirstShow
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.deadline_marks import show_due
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.file_dialogs import FileKind, save_file_name
from otop_desktop.ui.operations import perform_in_background, read, read_in_background
from otop_desktop.ui.period_picker import PeriodPicker
from otop_desktop.ui.zone_view import ZoneView

MAX_BARS = 32  # the most districts a province has (Nakhon Ratchasima); the department shows its top provinces
BARS_IN_VIEW = 15  # more bars than this: the chart scrolls, each bar with room for its name
BAR_ROOM = 20  # pixels a bar and its name need
CARD_STYLE = "QFrame#card { background: #F5F8FC; border: 1px solid #C5D3E8; border-radius: 6px; }"


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "-"


def _cumulative(values) -> list[int | None]:
    """Running totals, None after the last month with figures (a month not entered is not a zero)."""
    last = max((i for i, v in enumerate(values) if v is not None), default=-1)
    running, result = 0, []
    for index, value in enumerate(values):
        running += value or 0
        result.append(running if index <= last else None)
    return result


class DashboardTab(QWidget):
    """The overview of the user's area for a fiscal year."""

    open_district = Signal(str, int, int)  # district code, fiscal year, month: show it in the entry tab

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context = context
        self._today = today = today or today_in_thailand()
        due = read(self, deadlines.due_month, today=today)  # it opens on the month to confirm next, as the lock tab
        self.picker = PeriodPicker(due.month_start if due else today)
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: self.picker.set_years(sorted({*years, self.picker.year}, reverse=True)),
            today_fiscal_year=fiscal_year_of(today),
        )
        self.refresh_button = QPushButton(self.tr("ปรับปรุง"))
        self.due_label = QLabel()
        self.at_label = QLabel()
        self.cards = [QLabel() for _ in range(4)]
        self.figures: dashboard.Dashboard | None = None
        self.chart_views: dict[str, object] = {}
        self._charts = QGridLayout()
        self._loading = None
        self._layout()
        self.picker.changed.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        context.bus.changed.connect(self._on_change)
        self.first_show = FirstShow(self, self.reload, deferred=True)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.due_label)
        top.addStretch(1)
        top.addWidget(self.at_label)
        cards = QHBoxLayout()
        for label in self.cards:
            frame = QFrame()
            frame.setObjectName("card")
            frame.setStyleSheet(CARD_STYLE)
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(10, 6, 10, 6)
            label.setWordWrap(True)
            inner.addWidget(label)
            cards.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addLayout(self._charts, 1)

    # --- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the figures of the picked year off the GUI thread, then draw them."""
        period = self._loading = (self.picker.year, self.picker.month)

        def done(result) -> None:
            if self._loading == period:
                self.show_figures(result.result)

        perform_in_background(
            self, dashboard.dashboard, on_done=done, fiscal_year=period[0], month=period[1], today=self._today
        )

    def _on_change(self, notice: Notice) -> None:
        if self.first_show.pending:  # not looked at yet: it reads when first shown
            return
        kinds = Kind.SALES | Kind.LOCKS | Kind.TARGETS | Kind.ENTREPRENEURS | Kind.PRINTS
        if notice.changes.touches(kinds, self.picker.year):
            self.reload()

    # --- showing ---------------------------------------------------------------------------------
    def show_figures(self, figures: dashboard.Dashboard) -> None:
        """Fill the cards and draw the charts."""
        self.figures = figures
        self.at_label.setText(figures.at_text)
        show_due(self.due_label, figures.due)
        total = figures.total
        confirmed = self.tr(" (เฉพาะเดือนที่จังหวัดยืนยันแล้ว)") if figures.confirmed_only else ""
        self.cards[0].setText(
            self.tr(
                "<b>ยอดจำหน่ายปีงบประมาณ {year}</b>{confirmed}<br><span style='font-size:16pt'>"
                "{total} บาท</span><br>{area}"
            ).format(
                year=figures.fiscal_year, confirmed=confirmed, total=format_baht(total.total), area=figures.area_name
            )
        )
        self.cards[1].setText(
            self.tr("<b>ในประเทศ</b> {domestic} บาท ({dshare})<br><b>ต่างประเทศ</b> {export} บาท ({eshare})").format(
                domestic=format_baht(total.domestic),
                dshare=_percent(total.domestic, total.total),
                export=format_baht(total.export),
                eshare=_percent(total.export, total.total),
            )
        )
        online = total.amounts[1] + total.amounts[3]
        progress = figures.progress
        self.cards[2].setText(
            self.tr("<b>ออฟไลน์</b> {offline} บาท ({oshare})<br><b>ออนไลน์</b> {online} บาท ({nshare})<br>").format(
                offline=format_baht(total.total - online),
                oshare=_percent(total.total - online, total.total),
                online=format_baht(online),
                nshare=_percent(online, total.total),
            )
            + self._entered_text(progress)
        )
        self.cards[3].setText(
            self.tr(
                "<b>เดือน{month}</b><br>กรอกครบ {complete} · กรอกบางส่วน {partial} · "
                "ยังไม่กรอก {none} จาก {areas} {unit}<br>ล็อก (ยืนยัน) แล้ว {locked} จาก {areas} {unit}"
            ).format(
                month=progress.label,
                complete=progress.complete,
                partial=progress.partial,
                none=progress.areas - progress.complete - progress.partial,
                areas=progress.areas,
                unit=figures.bar_unit,
                locked=progress.locked,
            )
        )
        if figures.signed:  # the signed จต.๒ of the month's quarter (issue 29)
            quarter, on_file, districts = figures.signed
            self.cards[3].setText(
                self.cards[3].text()
                + self.tr("<br>ได้รับ จต.๒ ที่ลงนามแล้ว ไตรมาส {quarter}: {on_file} จาก {districts} อำเภอ").format(
                    quarter=quarter, on_file=on_file, districts=districts
                )
            )
        self._draw(figures)

    def _entered_text(self, progress: dashboard.MonthProgress) -> str:
        """How many of the area's entrepreneurs have figures for the month, or that the month has no list yet."""
        if not progress.expected:
            return self.tr("เดือน{month} ยังไม่มีรายชื่อผู้ประกอบการ").format(month=progress.label)
        if not progress.listed:
            return self.tr(
                "เดือน{month} ยังไม่มีรายชื่อของเดือน (ยังไม่ได้ Sync ข้อมูล) · ผู้ประกอบการที่ยังดำเนินกิจการ {expected:,} ราย"
            ).format(month=progress.label, expected=progress.expected)
        text = self.tr("เดือน{month} กรอกยอดแล้ว {reported:,} จาก {expected:,} ราย").format(
            month=progress.label, reported=progress.reported, expected=progress.expected
        )
        if progress.listed < progress.expected:  # the entry tab counts the list: say how the two counts differ
            text += self.tr(" (อยู่ในรายชื่อของเดือนแล้ว {listed:,} ราย)").format(listed=progress.listed)
        return text

    def _draw(self, figures: dashboard.Dashboard) -> None:
        while self._charts.count():
            item = self._charts.takeAt(0)
            if item.widget() is not None:  # hidden at once: deleted only when the event loop next turns
                item.widget().hide()
                item.widget().deleteLater()
        clickable = figures.bars_open_district
        shown = self._shown_bars(figures)
        title = self.tr("ยอดจำหน่ายราย{unit} (ล้านบาท)").format(unit=figures.bar_unit)
        if len(shown) < len(figures.bars):
            title = self.tr("{count} {unit}ที่ยอดจำหน่ายสูงสุด (ล้านบาท)").format(count=len(shown), unit=figures.bar_unit)
        if figures.regions:  # the department: by region, then a region's provinces
            bars = ZoneView(figures.regions)
        else:
            own = [b.code for b in shown].index(self.context.user.area_code) if self._has_own_bar(shown) else None
            bars = charts.bar_chart(
                title,
                [b.name for b in shown],
                [b.total for b in shown],
                horizontal=True,
                on_click=self._bar_clicked if clickable else None,
                tips=[self._bar_tip(b, figures.bar_unit, i == own) for i, b in enumerate(shown)],
                marked=own,
            )
        if clickable:
            bars.setToolTip(self.tr("คลิกแท่งของอำเภอเพื่อเปิดข้อมูลเดือนที่เลือกในแท็บบันทึกข้อมูล"))
        lines = [(self.tr("ยอดจำหน่ายสะสม"), _cumulative([p.actual for p in figures.months]))]
        if any(p.forecast is not None for p in figures.months):
            lines.append((self.tr("ประมาณการสะสม"), _cumulative([p.forecast for p in figures.months])))
        for name, tier in figures.tiers:  # the year's tier, reached evenly month by month
            lines.append((self.tr("เป้าหมาย{name}").format(name=name), [tier * (i + 1) // 12 for i in range(12)]))
        title = self.tr("ยอดจำหน่ายสะสมรายเดือน เทียบประมาณการและค่าเป้าหมาย (ล้านบาท)")
        line = charts.line_chart(
            title, [p.label for p in figures.months], lines, dashed=[False] + [True] * (len(lines) - 1)
        )
        channels = charts.bar_chart(
            self.tr("แยกตามช่องทาง (ล้านบาท)"),
            [n for n, _ in figures.channels],
            [v for _, v in figures.channels],
            horizontal=True,
        )
        types = charts.bar_chart(
            self.tr("แยกตามประเภทผลิตภัณฑ์ (ล้านบาท)"),
            [n for n, _ in figures.product_types],
            [v for _, v in figures.product_types],
            horizontal=True,
        )
        self.chart_views = {"districts": bars, "months": line, "channels": channels, "types": types}
        if figures.tiers_note:
            line.setToolTip(figures.tiers_note)
        for view, row, column, rows, columns in (
            (bars, 0, 0, 2, 1),
            (line, 0, 1, 1, 2),
            (channels, 1, 1, 1, 1),
            (types, 1, 2, 1, 1),
        ):
            shown_as = self._scrolled(view) if view is bars and len(shown) > BARS_IN_VIEW else view
            self._charts.addWidget(self._with_save(view, shown_as), row, column, rows, columns)
        self._charts.setColumnStretch(0, 3)
        self._charts.setColumnStretch(1, 3)
        self._charts.setColumnStretch(2, 3)
        # The months' cumulative lines over the two smaller charts, given the more height: its plot was some 90
        # pixels at 1366×768 under its legend, the tier lines on top of one another; four and five bars need less.
        self._charts.setRowStretch(0, 3)
        self._charts.setRowStretch(1, 2)

    @staticmethod
    def _scrolled(view) -> QScrollArea:
        """The districts' chart as tall as its bars need for every name to show beside its bar (in the tab's
        height Qt named every other one of a province's 25, the largest unnamed), scrolled within its place."""
        count = len(view.property("bar_values") or ())
        view.setMinimumHeight(count * BAR_ROOM + 110)  # the title and the value axis
        area = QScrollArea()
        area.setWidget(view)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return area

    def _with_save(self, view, shown_as=None) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(shown_as or view, 1)
        button = QPushButton(self.tr("บันทึกภาพ PNG…"))
        button.setFlat(True)
        button.clicked.connect(lambda: self.save_chart(view))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return holder

    @staticmethod
    def _shown_bars(figures: dashboard.Dashboard) -> list:
        """Every district of a province, highest sales first (ties by code); at the department the provinces
        with the highest sales."""
        return sorted(figures.bars, key=lambda bar: -bar.total)[:MAX_BARS]

    def _has_own_bar(self, shown: list) -> bool:
        return self.context.user.area_code in [b.code for b in shown]

    def _bar_tip(self, bar, unit: str, own: bool) -> str:
        """'อำเภอวารินชำราบ: 3,300.01 บาท', and for the user's own area 'ของท่าน' after it."""
        text = self.tr("{unit}{name}: {total} บาท").format(unit=unit, name=bar.name, total=format_baht(bar.total))
        return text + self.tr(" (พื้นที่ของท่าน)") if own else text

    def _bar_clicked(self, index: int) -> None:
        shown = self._shown_bars(self.figures) if self.figures is not None else []
        if 0 <= index < len(shown):
            self.open_district.emit(shown[index].code, self.figures.fiscal_year, self.picker.month)

    def save_chart(self, view) -> None:
        """Ask where, then save the chart as a PNG image."""
        path, _ = save_file_name(self, FileKind.IMAGE, self.tr("บันทึกภาพแผนภูมิ"), "", self.tr("ภาพ PNG (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            charts.save_png(view, path)
        except OtopError as error:
            show_error(self, error)
