"""What every window needs: the open database, the logged-in user and the app-wide change bus."""

from dataclasses import dataclass

from otop_desktop.services.auth import UserInfo
from otop_desktop.services.database import Database
from otop_desktop.ui.bus import DataBus


@dataclass
class AppContext:
    """The session of one logged-in user."""

    database: Database
    user: UserInfo
    bus: DataBus
