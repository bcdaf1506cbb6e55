"""The print preview: a PDF shown page under page, with zoom (fit width, fit page, percentages), "หน้า x / y"
and the keys a reader expects (PgUp/PgDn a page, Ctrl+Home/Ctrl+End the first and last page), and a mark
when what it shows no longer matches the pickers (greyed, with a line saying so) until it is rendered again."""

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsColorizeEffect,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

FIT_WIDTH, FIT_PAGE = "width", "page"
PERCENTS = (50, 75, 100, 125, 150, 200, 300)
ZOOM_STEP = 1.25
STALE_GREY = "#b0b0b0"


class PageView(QPdfView):
    """QPdfView that turns the reading keys into page moves (its own PgDn scrolls by a screenful)."""

    page_key = Signal(int)  # +1 / -1 a page; 0 the first page; 2 the last page

    KEYS = {
        (Qt.Key.Key_PageDown, False): 1,
        (Qt.Key.Key_PageUp, False): -1,
        (Qt.Key.Key_Home, True): 0,
        (Qt.Key.Key_End, True): 2,
    }

    def keyPressEvent(self, event) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        move = self.KEYS.get((event.key(), control))
        if move is None:
            super().keyPressEvent(event)
            return
        self.page_key.emit(move)
        event.accept()


class PdfPreview(QWidget):
    """A PDF document to read on screen; `toolbar` (zoom and page) is placed by the owner, `view` below it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = PageView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("background:#fff3e0; color:#e65100; font-weight:bold; padding:4px;")
        self.stale_label.hide()
        self.zoom_box = QComboBox()
        self.zoom_box.addItem(self.tr("พอดีความกว้าง"), FIT_WIDTH)
        self.zoom_box.addItem(self.tr("พอดีหน้า"), FIT_PAGE)
        for percent in PERCENTS:
            self.zoom_box.addItem(f"{percent}%", percent)
        self.zoom_box.setToolTip(self.tr("ขนาดที่แสดง (Ctrl + / Ctrl -)"))
        self.zoom_out_button, self.zoom_in_button = QToolButton(), QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.zoom_out_button.setToolTip(self.tr("ย่อ (Ctrl -)"))
        self.zoom_in_button.setToolTip(self.tr("ขยาย (Ctrl +)"))
        self.page_box = QSpinBox()
        self.page_box.setRange(0, 0)
        self.page_box.setToolTip(self.tr("ไปหน้าที่ (PgUp/PgDn ทีละหน้า, Ctrl+Home หน้าแรก, Ctrl+End หน้าสุดท้าย)"))
        self.pages_label = QLabel("/ 0")
        self.toolbar = self._toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.view, 1)
        self._connect()
        self._show_pages()

    def _toolbar(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("หน้า")))
        row.addWidget(self.page_box)
        row.addWidget(self.pages_label)
        row.addSpacing(12)
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_box)
        row.addWidget(self.zoom_in_button)
        return bar

    def _connect(self) -> None:
        self.zoom_box.currentIndexChanged.connect(lambda _: self._apply_zoom())
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(1 / ZOOM_STEP))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1) if value else None)
        self.view.pageNavigator().currentPageChanged.connect(self._show_pages)
        self.document.pageCountChanged.connect(self._show_pages)
        self.view.page_key.connect(self._page_key)
        zooms = ((QKeySequence.StandardKey.ZoomIn, ZOOM_STEP), (QKeySequence.StandardKey.ZoomOut, 1 / ZOOM_STEP))
        for keys, step in zooms:
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_zoom(step))

    # --- what it shows ---------------------------------------------------------------------------
    def load(self, path: str) -> None:
        """Show a PDF file from its first page, no longer marked stale."""
        self.document.load(path)
        self.set_stale("")
        self.go_to_page(0)
        self._show_pages()

    def clear(self) -> None:
        """Show nothing."""
        self.document.close()
        self.set_stale("")
        self._show_pages()

    def set_stale(self, reason: str) -> None:
        """Grey the pages and say `reason` above them; an empty reason shows them plainly again."""
        stale = bool(reason) and self.document.pageCount() > 0
        self.stale_label.setText(reason if stale else "")
        self.stale_label.setVisible(stale)
        if stale:
            effect = QGraphicsColorizeEffect(self.view)  # grey paper: still legible, plainly not current
            effect.setColor(QColor(STALE_GREY))
            self.view.setGraphicsEffect(effect)
        else:
            self.view.setGraphicsEffect(None)

    @property
    def stale(self) -> bool:
        """Whether the pages shown no longer match what is picked."""
        return self.stale_label.isVisibleTo(self)

    # --- pages -------------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        """The pages of the document shown."""
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        """The page being read, counted from 1 (0 when there is none)."""
        return self.view.pageNavigator().currentPage() + 1 if self.page_count else 0

    def go_to_page(self, page: int) -> None:
        """Scroll to a page, counted from 0; out of range goes to the first or last."""
        if not self.page_count:
            return
        page = max(0, min(page, self.page_count - 1))
        self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.pageNavigator().currentZoom())
        self._show_pages()

    def _page_key(self, move: int) -> None:
        current = self.current_page - 1
        target = {1: current + 1, -1: current - 1, 0: 0, 2: self.page_count - 1}[move]
        self.go_to_page(target)

    def _show_pages(self, *_) -> None:
        count = self.page_count
        self.page_box.blockSignals(True)
        self.page_box.setRange(1 if count else 0, count)
        self.page_box.setValue(self.current_page)
        self.page_box.setEnabled(count > 1)
        self.page_box.blockSignals(False)
        self.pages_label.setText(f"/ {count}")

    # --- zoom --------------------------------------------------------------------------------------
    @property
    def zoom_text(self) -> str:
        """The zoom as the box shows it: พอดีความกว้าง, พอดีหน้า or a percentage."""
        return self.zoom_box.currentText()

    def _apply_zoom(self) -> None:
        chosen = self.zoom_box.currentData()
        if chosen == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif chosen == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(chosen / 100)
        page = self.current_page - 1
        if page >= 0:
            self.go_to_page(page)  # keep reading the same page at the new size

    def shown_zoom(self) -> float:
        """The scale the pages are drawn at (1.0 = 100%), also when fitted to the width or the page."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.page_count:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(0, self.current_page - 1)) * (self.view.logicalDpiX() / 72)
        margins, room = self.view.documentMargins(), self.view.viewport().size()
        across = (room.width() - margins.left() - margins.right()) / max(page.width(), 1)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return across
        return min(across, (room.height() - margins.top() - margins.bottom()) / max(page.height(), 1))

    def step_zoom(self, factor: float) -> None:
        """Zoom in or out from the scale shown to the next percentage the box offers."""
        now = self.shown_zoom() * 100
        if factor > 1:
            choice = next((p for p in PERCENTS if p > now + 1), PERCENTS[-1])
        else:
            choice = next((p for p in reversed(PERCENTS) if p < now - 1), PERCENTS[0])
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(choice))
