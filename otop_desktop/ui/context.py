"""What every window needs: the office (database and logged-in user) and the app-wide change bus."""

from dataclasses import dataclass

from otop_desktop.core.users import UserInfo
from otop_desktop.services import access
from otop_desktop.services.connection import Database
from otop_desktop.services.office import Office
from otop_desktop.ui.bus import DataBus


@dataclass
class AppContext:
    """The session of one logged-in user."""

    database: Database
    user: UserInfo
    bus: DataBus

    @property
    def office(self) -> Office:
        """Where the windows' actions run (ui/operations.py)."""
        return Office(self.database, self.user)

    @property
    def permissions(self) -> access.Permissions:
        """What the user may do, from the one access policy: buttons are enabled by it, never by the role."""
        return access.permissions(self.user)
