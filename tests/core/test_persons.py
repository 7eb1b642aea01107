from django.contrib.auth import get_user_model

from servicefit.core.persons import person_name, persons_by_name


def test_it_names_a_person_by_name_and_orders_by_what_it_shows(db):
    users = get_user_model().objects
    users.create_user(username="aaa", first_name="Ølstrup", last_name="Hansen")
    users.create_user(username="zz-berit")
    users.create_user(username="mmm", first_name="anna", last_name="Berg")
    assert [person_name(u) for u in persons_by_name(users.all())] == ["anna Berg", "zz-berit", "Ølstrup Hansen"]
    assert person_name(None) == ""
