from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hiring.pipeline_demo import demo_requisitions_load
from servicefit.core import registry

QUERY_BUDGET = 5_000  # about 32 per applicant; a query per answer alone would add 4,500


def test_it_runs_in_a_bounded_number_of_queries(db, settings, monkeypatch):
    # The wall clock depends on the machine (about 10 s for these requisitions on a quiet one); the
    # number of queries does not, and a query per answer or per attempt would blow the budget at once.
    settings.DEBUG = True
    monkeypatch.delitem(registry._demo_loaders, "hiring-pipeline")
    monkeypatch.delitem(registry._demo_loaders, "workforce")  # needs the pipeline's hires; not measured here
    call_command("seed_demo")
    with CaptureQueriesContext(connection) as queries:
        assert demo_requisitions_load(user=get_user_model().objects.get(username="recruiter")) == 2
    assert len(queries) < QUERY_BUDGET, len(queries)
