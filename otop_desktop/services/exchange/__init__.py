"""District files without a network: the signed file format (fileformat), the offices' keys (keys), weighing
and writing a file's rows (merge), and batches of files with backups, undo and receipts (batch)."""
