"""The HRIS import on a 390 px phone, in Danish: upload a wide export, map its columns (the preview
of the first rows scrolls inside its own box), import, and read the result."""

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update
from servicefit.core.teams import team_default
from workforce.models import Agent

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW, log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EXPORT = (
    "Medarbejdernummer;Navn;Afdeling;Ansættelsesdato;Fratrædelsesdato;Fratrædelsestype;Fratrædelsesårsag;"
    "Nærmeste leder;Rekrutteringskilde;Ansættelsesstatus\n"
    "1001;Mette Kirstine Vestergaard-Christensen;Default team;01-02-2023;;;;;Jobindex;aktiv\n"
    "1002;Søren Aabye Kierkegaard;Default team;15.03.2022;31.01.2024;egen opsigelse;nyt job;;Anbefaling;fratrådt\n"
)


def test_it_imports_an_export_on_a_phone(live_server, open_page, tmp_path):
    team_default()
    user_create_or_update(username="hr", password="demo-hr", role=Role.HR)
    export = tmp_path / "medarbejdere.csv"
    export.write_text(EXPORT, encoding="utf-8")
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    log_in(browser_page, live_server.url, "hr")

    page.goto(f"{live_server.url}/workforce/agents/import/")
    assert page.evaluate(OVERFLOW) == []
    page.set_input_files("#id_file", str(export))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/workforce/agents/import/map/")
    assert page.locator("#id_column_exit_type").input_value() == "Fratrædelsestype"
    assert "Vestergaard-Christensen" in page.locator("table").first.inner_text()
    assert page.evaluate(OVERFLOW) == []
    page.locator("main form.stacked-form button[type=submit]").click()
    page.wait_for_url("**/workforce/agents/import/done/")
    assert page.evaluate(OVERFLOW) == []
    assert Agent.objects.get(employee_number="1002").exit_reason == "career"
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
