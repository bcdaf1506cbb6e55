"""The office's database as the windows reach it: opened (a file or a server), a server checked before it is
kept as the PC's choice, its URL shown with the password masked. The windows go through here, never to store/."""

from otop_desktop.store.database import PROBE_TIMEOUT_S, Database, open_database, probe_server, shown_url

__all__ = ["PROBE_TIMEOUT_S", "Database", "open_database", "probe_server", "shown_url"]
