"""KPI targets: the year's rule and achievement (rule), taking in a printed table (printed), and the
letter's workbook (workbook)."""
