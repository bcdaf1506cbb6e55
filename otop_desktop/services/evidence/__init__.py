"""The signed จต.๒ that come back to the province: scans taken in and matched to their prints, kept, listed,
exported, and counted per district and quarter."""
