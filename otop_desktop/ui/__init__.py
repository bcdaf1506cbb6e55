"""The Qt interface: windows, tabs, dialogs and table models; no rule of the domain lives here."""
