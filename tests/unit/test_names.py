"""Names for codes and logins: display names where people have them, areas by their Thai names, and what is
unknown shown as given."""

from otop_desktop.services import names


def test_people_and_areas_are_named_and_the_unknown_kept(world):
    with world.database.unit_of_work() as uow:
        shown = names.list_names(uow=uow, user=world.warin)
        found = names.person_names(uow.session, ["prov", "warin", "nobody", ""])
    assert shown.person("prov") == "นางสมศรี ใจดี" and shown.person("warin") == "warin" and shown.person(None) == ""
    assert shown.person("setup") == "โปรแกรม (สร้างอัตโนมัติ)"
    assert shown.area("3415") == "อำเภอวารินชำราบ" and shown.area("34") == "จังหวัดอุบลราชธานี"
    assert shown.area("1001") == "1001"  # a district outside the user's province keeps its code
    assert found == {"prov": "นางสมศรี ใจดี"}
