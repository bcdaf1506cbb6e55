"""ตรวจสอบข้อมูล: the province's data-quality check before the lock, its reviews, its paper and its sheets."""
