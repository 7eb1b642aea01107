"""Training a snapshot attrition model from the page on a 390 px phone, in Norwegian: the upload runs,
the result page shows the model and its drivers, and neither page scrolls sideways."""

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.workforce.tabular_data import hr_csv, hr_rows

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_trains_a_model_from_the_page_on_a_phone(live_server, open_page, tmp_path):
    make_user("henrik", Role.HR)
    table = tmp_path / "hr.csv"
    table.write_text(hr_csv(hr_rows(120), delimiter=";", decimal_comma=True), encoding="utf-8")
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "nb", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "henrik")
    page.fill("#id_password", "pw-henrik")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/workforce/models/")
    assert page.evaluate(OVERFLOW) == []
    page.set_input_files("#id_file", str(table))
    page.fill("#id_target", "Left")
    page.fill("#id_positive", "Yes")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url("**/workforce/models/trainings/*/")
    page.locator("#training-progress dl").wait_for()

    # The model is named in words in Norwegian, not by its code ("snapshot v1").
    assert "Øyeblikksmodell (importert HR-tabell) v1" in page.locator("#training-progress").inner_text()
    assert page.locator("#training-progress tbody tr").count() == 5
    assert page.evaluate(OVERFLOW) == []
    page.goto(f"{live_server.url}/workforce/models/")
    assert page.locator("table").first.locator("tbody tr").count() == 1
    assert page.evaluate(OVERFLOW) == []
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
