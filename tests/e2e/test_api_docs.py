"""The API docs page renders every operation under its own strict policy, with no CSP complaint."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from servicefit.core.middleware import DOCS_POLICY

from .conftest import CHROMIUM
from .test_navigation import log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Collects what the browser itself reports as blocked by the policy, beside the console errors.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def operation_count() -> int:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    methods = {"get", "post", "put", "patch", "delete"}
    return sum(1 for item in schema["paths"].values() for method in item if method in methods)


# Swagger UI draws a long list of tags virtually (only what is near the viewport is in the page), so
# the operations are collected while scrolling to the end.
COLLECT_OPERATIONS = """async () => {
    const seen = new Set();
    let last = -1;
    for (let step = 0; step < 400 && window.scrollY !== last; step++) {
        document.querySelectorAll(".opblock").forEach((op) => seen.add(op.id));
        last = window.scrollY;
        window.scrollBy(0, window.innerHeight / 2);
        await new Promise((resolve) => setTimeout(resolve, 60));
    }
    document.querySelectorAll(".opblock").forEach((op) => seen.add(op.id));
    return [...seen];
}"""


def test_the_docs_page_renders_every_operation_without_a_csp_error(open_page, live_server):
    from servicefit.core.roles import Role

    browser_page = open_page()
    page = browser_page.page
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    response = page.goto(f"{live_server.url}/api/docs/")

    assert response.headers["content-security-policy"] == DOCS_POLICY
    assert "'unsafe-eval'" not in DOCS_POLICY and "http" not in DOCS_POLICY
    page.wait_for_selector(".opblock")
    page.wait_for_load_state("networkidle")
    operations = page.evaluate(COLLECT_OPERATIONS)
    assert len(operations) == operation_count()
    assert any("role_profiles" in operation for operation in operations)
    assert page.evaluate("window.__violations") == []
    assert browser_page.console_errors == []
    assert browser_page.outside_requests() == []
