"""A bar above the tabs when the data changed since this window last read it, elsewhere: another PC on the
office's server, another window, or the command line. The tabs refresh after this window's own actions; what
others write they would show only once asked again. The bar says so and, at a click, every tab reads afresh (the
entry grid keeps an officer's unsaved edits, as after any change). It asks the database one number every half
minute (audit.last_change), started by the running program only."""

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from otop_desktop.core.changes import Kind, touched
from otop_desktop.services import audit
from otop_desktop.services.thai import now_utc, to_local
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.operations import read_in_background
from otop_desktop.ui.tasks import every

LOOK_EVERY_MS = 30_000
STYLE = "#elsewhereBar { background:#e3f2fd; border:1px solid #90caf9; border-radius:4px; }"


class ElsewhereBar(QFrame):
    """Hidden until another program's change is seen; `look()` asks once, `watch()` every half minute."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("elsewhereBar")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("แสดงข้อมูลล่าสุด"))
        self.button.clicked.connect(self.show_latest)
        later = QPushButton(self.tr("ภายหลัง"))
        later.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        layout.addWidget(later)
        self.setVisible(False)
        self.known: int | None = None  # the newest entry this window has accounted for
        self._own = 0  # this window's own changes whose number is being read: what is seen meanwhile is theirs
        context.bus.changed.connect(self._own_change)

    def watch(self, *moments) -> None:
        """Look now, then every half minute while the window lives, and at each of `moments` (signals: a tab
        chosen, where a tab read before shows what it read)."""
        self.look()
        every(self, LOOK_EVERY_MS, self.look)
        for moment in moments:
            moment.connect(self.look)

    def look(self, *_) -> None:
        """Ask the database for its newest change, off the GUI thread; a database that does not answer now (a
        server down a moment) is asked again next time, without a word: the window's own actions say it."""
        read_in_background(self, audit.last_change, on_done=self._seen, refused=_quietly)

    def _seen(self, newest: int | None) -> None:
        if newest is None:  # no answer this time
            return
        if self.known is None or self._own:
            self.known = max(newest, self.known or 0)
            return
        if newest > self.known:
            self.known = newest
            self.text.setText(
                self.tr("ข้อมูลมีการเปลี่ยนแปลงจากเครื่องอื่นหรือหน้าต่างอื่น (เห็นเมื่อ {when}) หน้าจอนี้อาจยังแสดงข้อมูลเดิม").format(
                    when=to_local(now_utc()).strftime("%H:%M น.")
                )
            )
            self.setVisible(True)

    def _own_change(self, notice: Notice) -> None:
        """This window wrote: its tabs have refreshed; the number it reached is not news."""
        if notice.origin is self:
            return
        self._own += 1
        read_in_background(
            self, audit.last_change, on_done=self._absorbed, refused=_quietly, on_failed=lambda: self._absorbed(0)
        )

    def _absorbed(self, newest: int | None) -> None:
        self._own -= 1
        self.known = max(newest or 0, self.known or 0)

    def show_latest(self) -> None:
        """Every tab reads afresh, as after a change of every kind."""
        self.setVisible(False)
        self.context.bus.changed.emit(Notice(touched(~Kind.NONE), self))


def _quietly(_error) -> None:
    """A look that found no answer says nothing: the next one asks again."""
