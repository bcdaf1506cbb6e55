"""Printed forms: Thai set right on paper and in the file's text (thai_pdf), amounts in Thai words
(bahttext), and the forms themselves (jt2)."""
