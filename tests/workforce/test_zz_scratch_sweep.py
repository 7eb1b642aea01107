import re
import pytest
from tests.i18n.test_pages_in_nordic_languages import visible_text

pytestmark = pytest.mark.django_db
ENG = re.compile(r"\b(the|and|with|agents?|no|not|yet|of|for|you|your|this|survey|model|none|trained)\b", re.I)

@pytest.mark.parametrize("lang", ["da", "nb", "sv"])
def test_empty(client, hr_user, manager, lang):
    for user in (hr_user, manager):
        client.force_login(user)
        for url in ["/workforce/", "/workforce/team/", "/workforce/at-risk/", "/workforce/at-risk/csv/", "/workforce/models/",
                    "/workforce/pulse/", "/workforce/pulse/trend/", "/workforce/pulse/trend.csv", "/workforce/retention/",
                    "/workforce/retention/csv/?part=summary", "/workforce/agents/import/", "/workforce/agents.csv"]:
            r = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
            body = r.content.decode()
            print(lang, user.username, r.status_code, url)
            if "html" in r["Content-Type"]:
                for t in visible_text(body):
                    if t.isascii() and ENG.search(t):
                        print("   ?", repr(t[:150]))
            else:
                print("   ", body[:300].replace("\n", " | "))
    assert 0
