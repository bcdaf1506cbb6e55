"""Tabs built when first turned to: the main window opens with the tab it shows built, not all seven (each window
opened built every tab's widgets, 0.05 s of the GUI thread, for tabs an officer may never look at that session)."""

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyTabs(QTabWidget):
    """A QTabWidget whose pages are built by their `build()` the first time they are turned to or asked for.

    Each page lives in a holder that the tab bar keeps from the start; `widget`, `currentWidget`, `indexOf` and
    `setCurrentWidget` answer with the built page (building it if need be), as a plain QTabWidget's would."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._builders: list[Callable[[], QWidget]] = []
        self._pages: list[QWidget | None] = []
        self.currentChanged.connect(self.page)  # the first tab added becomes current: it is built at once

    def add_page(self, build: Callable[[], QWidget], title: str) -> int:
        """A tab titled `title` whose page `build()` makes when it is first needed; its index."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._builders.append(build)
        self._pages.append(None)
        return self.addTab(holder, title)

    def page(self, index: int) -> QWidget | None:
        """The page of tab `index`, built now if it was not yet (None for no such tab)."""
        if not 0 <= index < len(self._pages):
            return None
        if self._pages[index] is None:
            page = self._pages[index] = self._builders[index]()
            holder = super().widget(index)
            holder.layout().addWidget(page)
            if holder.isVisible():  # turned to by a click: shown now, not on the next pass of the event loop
                page.show()
        return self._pages[index]

    def built(self, index: int) -> QWidget | None:
        """The page of tab `index` if it has been built, else None (nothing is built by asking)."""
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def widget(self, index: int) -> QWidget | None:
        return self.page(index)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt's name
        return self.page(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt's name
        for index, built in enumerate(self._pages):
            if built is page or super().widget(index) is page:
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        self.setCurrentIndex(self.indexOf(page))
