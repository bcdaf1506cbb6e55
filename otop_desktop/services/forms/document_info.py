"""The document properties of the district forms (จต.๒, จต.๑), so an archive finds a file by its office,
form, period, area and verification code: the office that reports is the author, the codes the keywords."""

from otop_desktop.services.forms.thai_pdf import DocumentInfo
from otop_desktop.services.forms.verify import shown_code


def district_forms_info(form_name: str, title: str, forms, heading: str = "") -> DocumentInfo:
    """The properties of a PDF of district forms: `forms` are (form, code or None) pairs; one district's
    form names its district office, several (a province's print) the province's office and each district."""
    first = forms[0][0]
    province = f"จังหวัด{first.province_name}"
    districts = list(dict.fromkeys(f"อำเภอ{form.district_name}" for form, _ in forms))
    if len(districts) == 1:
        author, area = f"สำนักงานพัฒนาชุมชน{districts[0]} {province}", f"{districts[0]} {province}"
    else:
        author, area = f"สำนักงานพัฒนาชุมชน{province}", f"{province} {len(districts)} อำเภอ: {' '.join(districts)}"
    subject = " ".join(part for part in (form_name, heading, first.period_text, area) if part)
    keywords = tuple(shown_code(code) for _, code in forms if code)
    return DocumentInfo(title, author, subject, keywords)
