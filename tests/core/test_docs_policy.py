import re

from servicefit.core.middleware import DOCS_POLICY, POLICY


def test_the_docs_page_has_its_own_policy_and_no_inline_script(client, recruiter):
    client.force_login(recruiter)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert page["Content-Security-Policy"] == DOCS_POLICY
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.content.decode(), re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    init = client.get("/api/docs/?script=")
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in init.content.decode()


def test_the_docs_policy_allows_only_this_server(client, recruiter):
    directives = dict(d.strip().split(" ", 1) for d in DOCS_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-eval" not in DOCS_POLICY and "http" not in DOCS_POLICY and "*" not in DOCS_POLICY


def test_other_pages_keep_the_strict_policy(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/hiring/")["Content-Security-Policy"] == POLICY
    assert client.get("/api/schema/")["Content-Security-Policy"] == POLICY
