"""The employer profile: what candidates see of the employer, edited by HR and administrators."""

from email import message_from_bytes
from email import policy as email_policy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from servicefit.core import logo
from servicefit.core.employer import (
    UNCHANGED,
    employer_identity,
    employer_profile_get,
    employer_profile_update,
)
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import EmployerProfile
from tests.assessments.candidate_setup import LOGO_SVG, png

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def save(**changes):
    values = {"name": "Nordlys Energi", "sender_name": "", "sender_email": "", "candidate_feedback": False}
    return employer_profile_update(**(values | changes))


# The logo check (pure) ------------------------------------------------------------------------------


def test_it_reads_the_type_from_the_bytes_not_the_name():
    assert logo.logo_content_type(png()) == "image/png"
    assert logo.logo_content_type(JPEG) == "image/jpeg"
    assert logo.logo_content_type(LOGO_SVG) == "image/svg+xml"
    assert logo.logo_content_type(b'<?xml version="1.0"?>\n' + LOGO_SVG) == "image/svg+xml"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"GIF89a" + b"\x00" * 40, "unknown_type"),
        (b"%PDF-1.7 not an image", "unknown_type"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * logo.MAX_BYTES, "too_large"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "unsafe_svg"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>', "unsafe_svg"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://tracker.example/x.png" width="4" height="4"/></svg>',
            "unsafe_svg",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
            "unsafe_svg",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
            b"</foreignObject></svg>",
            "unsafe_svg",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x.example/a.css";</style></svg>',
            "unsafe_svg",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/p)"/></svg>', "unsafe_svg"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>',
            "unsafe_svg",
        ),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "unknown_type"),
        (b"<svg><rect/></svg>", "unknown_type"),  # no SVG namespace: browsers would not draw it
    ],
    ids=[
        "empty",
        "gif",
        "pdf",
        "too-large",
        "script",
        "event-handler",
        "outside-image",
        "javascript-link",
        "foreign-object",
        "style-import",
        "style-url",
        "entity",
        "broken-xml",
        "no-namespace",
    ],
)
def test_it_refuses_what_is_not_a_small_plain_image(data, code):
    with pytest.raises(logo.LogoProblem) as refused:
        logo.logo_content_type(data)
    assert refused.value.code == code


def test_an_svg_may_use_its_own_gradients_and_inline_pictures():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>'
        b'<rect fill="url(#g)" style="fill: url(\'#g\')" width="4" height="4"/><use xlink:href="#g"/>'
        b'<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>'
    )
    assert logo.logo_content_type(svg) == "image/svg+xml"


# The profile -----------------------------------------------------------------------------------------


def test_without_a_profile_candidates_see_no_employer_and_mail_comes_from_the_server(settings):
    settings.DEFAULT_FROM_EMAIL = "ServiceFit <servicefit@contact.example>"
    identity = employer_identity()
    assert identity.name == "" and identity.logo_url == "" and identity.candidate_feedback is False
    assert identity.from_email == "ServiceFit <servicefit@contact.example>"


def test_the_sender_is_the_employer_on_the_servers_address_until_it_has_its_own(settings):
    settings.DEFAULT_FROM_EMAIL = "ServiceFit <servicefit@contact.example>"
    save(name="Nordlys Energi")
    assert employer_identity().from_email == '"Nordlys Energi" <servicefit@contact.example>'
    save(name="Nordlys Energi", sender_name="Nordlys Rekruttering", sender_email="job@nordlys.example")
    assert employer_identity().from_email == '"Nordlys Rekruttering" <job@nordlys.example>'


def test_a_name_with_a_comma_stays_one_sender_in_the_sent_mail(mailoutbox):
    save(name="Bølgen A/S, Kundeservice", sender_email="job@bolgen.example")
    EmailMessage("Hej", "Tekst", from_email=employer_identity().from_email, to=["a@example.dk"]).send()
    sent = message_from_bytes(mailoutbox[0].message().as_bytes(), policy=email_policy.default)
    [sender] = sent["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Bølgen A/S, Kundeservice", "job@bolgen.example")


def test_feedback_for_candidates_is_off_by_default():
    assert EmployerProfile().candidate_feedback is False
    save()
    assert employer_identity().candidate_feedback is False


def test_it_refuses_a_line_break_in_a_name_that_goes_into_the_from_header():
    with pytest.raises(ApplicationError) as refused:
        save(name="Nordlys\nBcc: everyone@example.com")
    assert "name" in refused.value.extra["fields"]
    assert not EmployerProfile.objects.exists()


def test_a_bad_logo_changes_nothing():
    save(logo=png())
    version = employer_identity().logo_version
    with pytest.raises(ApplicationError):
        save(name="Renamed", logo=b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    assert employer_identity().logo_version == version
    assert employer_profile_get().name == "Nordlys Energi"


def test_a_new_logo_gets_a_new_address_and_removing_it_clears_it():
    save(logo=png(rgb=(1, 2, 3)))
    first = employer_identity().logo_url
    save(logo=png(rgb=(4, 5, 6)))
    second = employer_identity().logo_url
    assert first != second and second.endswith(".png")
    save(logo=UNCHANGED)
    assert employer_identity().logo_url == second
    save(logo=None)
    assert employer_identity().logo_url == ""
    assert employer_profile_get().logo is None


def test_there_is_only_ever_one_profile():
    save(name="A")
    save(name="B")
    assert list(EmployerProfile.objects.values_list("id", "name")) == [(1, "B")]


# The logo's address -------------------------------------------------------------------------------


def test_the_logo_is_served_to_anyone_with_headers_that_let_browsers_keep_it(client):
    save(logo=png())
    response = client.get(employer_identity().logo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content == png()
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_svg_logo_opened_directly_runs_in_a_sandbox(client):
    save(logo=LOGO_SVG)
    response = client.get(employer_identity().logo_url)
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_an_old_or_made_up_logo_address_is_not_found(client):
    save(logo=png(rgb=(1, 2, 3)))
    old = employer_identity().logo_url
    save(logo=png(rgb=(9, 9, 9)))
    assert client.get(old).status_code == 404
    assert client.get("/employer/logo/0123456789abcdef.png").status_code == 404
    current = employer_identity().logo_url
    assert client.get(current.replace(".png", ".svg")).status_code == 404


# The settings page ----------------------------------------------------------------------------------


def test_hr_sets_the_name_sender_feedback_and_logo_on_the_settings_page(client, hr_user):
    client.force_login(hr_user)
    response = client.post(
        "/employer/settings/",
        {
            "name": "Nordlys Energi",
            "sender_name": "Nordlys Rekruttering",
            "sender_email": "job@nordlys.example",
            "candidate_feedback": "on",
            "logo_file": SimpleUploadedFile("logo.svg", LOGO_SVG, content_type="image/svg+xml"),
        },
    )
    assertRedirects(response, "/employer/settings/")
    identity = employer_identity()
    assert (identity.name, identity.sender_email, identity.candidate_feedback) == (
        "Nordlys Energi",
        "job@nordlys.example",
        True,
    )
    assert identity.logo_type == "image/svg+xml"
    page = client.get("/employer/settings/")
    assertContains(page, f'src="{identity.logo_url}"')
    assertContains(page, "&quot;Nordlys Rekruttering&quot; &lt;job@nordlys.example&gt;")
    assert employer_profile_get().updated_by == hr_user


def test_the_settings_page_says_what_is_wrong_with_a_logo_and_keeps_the_old_one(client, admin_user):
    save(logo=png())
    client.force_login(admin_user)
    response = client.post(
        "/employer/settings/",
        {"name": "Nordlys", "logo_file": SimpleUploadedFile("logo.png", b"GIF89a....", content_type="image/png")},
    )
    assert response.status_code == 400
    assertContains(response, "The logo must be a PNG, JPEG or SVG image.", status_code=400)
    assert employer_profile_get().name == "Nordlys Energi"
    assert employer_identity().logo_type == "image/png"


def test_an_unchanged_form_keeps_the_logo_and_remove_removes_it(client, hr_user):
    save(logo=png())
    client.force_login(hr_user)
    client.post("/employer/settings/", {"name": "Nordlys Energi"})
    assert employer_identity().logo_type == "image/png"
    client.post("/employer/settings/", {"name": "Nordlys Energi", "logo_remove": "on"})
    assert employer_identity().logo_url == ""


def test_recruiters_and_managers_cannot_change_what_candidates_see(client, recruiter, manager):
    for user in (recruiter, manager):
        client.force_login(user)
        assert client.get("/employer/settings/").status_code == 403
        assert client.post("/employer/settings/", {"name": "Hijacked"}).status_code == 403
    assert not EmployerProfile.objects.exists()


def test_the_home_page_shows_hr_the_employer_card_and_recruiters_not(client, hr_user, recruiter):
    client.force_login(hr_user)
    assertContains(client.get("/"), "/employer/settings/")
    client.force_login(recruiter)
    assertNotContains(client.get("/"), "/employer/settings/")


# The admin ------------------------------------------------------------------------------------------


def test_the_admin_opens_the_one_profile_and_saves_it_through_the_same_checks(client, admin_user):
    client.force_login(admin_user)
    assertRedirects(client.get("/admin/core/employerprofile/"), "/admin/core/employerprofile/1/change/")
    assert client.get("/admin/core/employerprofile/1/change/").status_code == 200
    refused = client.post(
        "/admin/core/employerprofile/1/change/",
        {
            "name": "Nordlys",
            "logo_file": SimpleUploadedFile("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'),
        },
    )
    assert refused.status_code == 200
    assert not EmployerProfile.objects.exists()
    saved = client.post(
        "/admin/core/employerprofile/1/change/",
        {"name": "Nordlys", "sender_email": "job@nordlys.example", "logo_file": SimpleUploadedFile("l.png", png())},
    )
    assert saved.status_code == 302
    assert employer_identity().name == "Nordlys"
    assert employer_identity().logo_type == "image/png"
    assert client.get("/admin/core/employerprofile/add/").status_code == 403
