"""The management commands against hostile input and the wrong person at the keyboard: each ends in
one clear CommandError (a non-zero exit code and one line on stderr from the shell), writes nothing,
and prints no one's name.

Some cases were already refused when this file was written (a file that is not UTF-8, NUL in an
agent file, the training table, job ads, most numbers): they stay here so that they stay refused."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command, load_command_class

from assessments.models import Assessment, Invitation
from hiring import pipeline
from hiring.models import Candidate
from profiles.models import LexiconVersion
from servicefit.core.models import AccessLog
from servicefit.core.teams import team_default
from tests.assessments import factories
from tests.assessments.conftest import SLUG
from workforce.models import Agent

pytestmark = pytest.mark.django_db

CANDIDATES = "Name,Email,Language\nMette Hansen,mette@example.dk,da\n"
HUGE = "x" * 200_000  # over the csv module's 128 KB limit for one cell
OVER_64_BITS = str(10**20)


def run(*args, **kwargs) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def refused(*args, **kwargs) -> tuple[CommandError, str]:
    """The one-line refusal, and what the command wrote to stderr before it."""
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(*args, stdout=io.StringIO(), stderr=err, **kwargs)
    assert "\n" not in str(raised.value)
    return raised.value, err.getvalue()


def written(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return str(path)


# The person acting ---------------------------------------------------------------------------------


@pytest.fixture
def invitation(hr_user):
    return factories.invitation(Assessment.objects.get(slug=SLUG), number=1)


@pytest.mark.parametrize("role", ["recruiter", "manager", "outsider"])
@pytest.mark.parametrize("action", ["export", "erase"])
def test_it_refuses_personal_data_by_a_user_whose_role_may_not(request, invitation, role, action):
    user = request.getfixturevalue(role)
    error, err = refused("personal_data", action, "--email", invitation.email, "--by", user.username)
    assert str(error).endswith("may not do this: it takes the role HR or Administrator, as in ServiceFit itself.")
    assert Invitation.objects.filter(id=invitation.id).exists()
    assert not AccessLog.objects.exists()


def test_it_refuses_a_recruiter_in_the_old_candidate_data_command_too(invitation, recruiter):
    refused("candidate_data", invitation.email, "--erase", "--by", recruiter.username)
    assert Invitation.objects.filter(id=invitation.id).exists()


@pytest.mark.parametrize("role", ["manager", "outsider"])
def test_it_refuses_a_candidate_import_by_a_user_whose_role_may_not(tmp_path, request, role):
    user = request.getfixturevalue(role)
    path = written(tmp_path, "c.csv", CANDIDATES)
    error, err = refused("candidates_import", path, "--team", team_default().name, "--by", user.username)
    assert "may not" in str(error)
    assert not Candidate.objects.exists()


# No names in the output ----------------------------------------------------------------------------


def test_it_names_possible_duplicates_by_line_and_id_only(tmp_path, recruiter):
    known = pipeline.candidate_create(user=recruiter, name="Mette Hansen", email="mette@example.dk", language="da")
    path = written(tmp_path, "c.csv", "Name,Email,Language\nMette Hansen,m.hansen@example.dk,da\n")
    out, err = run("candidates_import", path, "--team", team_default().name, "--by", recruiter.username)
    assert "Mette" not in out + err
    new = Candidate.objects.exclude(id=known.candidate.id).get()
    assert f"line 2: candidate {new.id} may be candidate {known.candidate.id}: name" in out


# Hostile files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Name,Email,Language\nMette\x00 Hansen,mette@example.dk,da\n",
        f"Name,Email,Language\n{HUGE},mette@example.dk,da\n",
        'Name,Email,Language\n"Mette Hansen,mette@example.dk,da\n' + "x" * 200_000,
    ],
    ids=["nul", "huge-cell", "unclosed-quote"],
)
def test_it_refuses_a_hostile_candidate_file_and_imports_nothing(tmp_path, recruiter, text):
    path = written(tmp_path, "c.csv", text)
    error, err = refused("candidates_import", path, "--team", team_default().name, "--by", recruiter.username)
    assert error.returncode == 2
    assert err.startswith("c.csv:2: ")
    assert not Candidate.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\xfa" * 10, "Name,Email,Language\nMette \ud800,mette@example.dk,da\n".encode("utf-8", "surrogatepass")],
    ids=["undecodable", "lone-surrogate"],
)
def test_it_refuses_a_candidate_file_that_is_not_utf8(tmp_path, recruiter, data):
    path = written(tmp_path, "c.csv", data)
    refused("candidates_import", path, "--team", team_default().name, "--by", recruiter.username)
    assert not Candidate.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Nr;Navn;Ansettelsesdato\nN-1;Ola\x00;2022-05-02\n",
        "Nr;Navn;Ansettelsesdato\nN-1;Ola \ud800;2022-05-02\n",
        f"Nr;Navn;Ansettelsesdato\nN-1;{HUGE};2022-05-02\n",
        'Nr;Navn;Ansettelsesdato\n"N-1;Ola;2022-05-02\n' + "x" * 200_000,
    ],
    ids=["nul", "lone-surrogate", "huge-cell", "unclosed-quote"],
)
def test_it_refuses_a_hostile_agent_file_and_imports_nothing(tmp_path, text):
    team_default()
    path = written(tmp_path, "hr.csv", text)
    refused("agents_import", path, "--mapping", '{"employee_number": "Nr", "first_name": "Navn"}')
    assert not Agent.objects.exists()


def lexicon(phrase: str) -> str:
    return json.dumps({"markers": [{"language": "da", "type": "controller", "phrase": phrase}]})


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("l.json", lexicon("løsning\x00")),
        ("l.json", lexicon("løsning\ud800")),
        ("l.json", '{"markers": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("l.yaml", "markers: " + "[" * 10_000 + "]" * 10_000),
        ("l.yaml", "markers: &a [*a]"),
        ("l.json", "\x00"),
    ],
    ids=["nul", "lone-surrogate", "deep-json", "deep-yaml", "recursive-yaml", "nul-file"],
)
def test_it_refuses_a_hostile_lexicon_file_and_imports_nothing(tmp_path, name, text):
    before = LexiconVersion.objects.count()
    path = written(tmp_path, name, text.encode("utf-8", "surrogatepass"))
    refused("lexicon_import", path)
    assert LexiconVersion.objects.count() == before


@pytest.mark.parametrize(
    "data",
    [b"Age,Left\n30,Yes\n\x00\n", "Age,Left\n30,\ud800\n".encode("utf-8", "surrogatepass"), f"Age,Left\n{HUGE},Yes\n"],
    ids=["nul", "lone-surrogate", "huge-cell"],
)
def test_it_refuses_a_hostile_training_table(tmp_path, data):
    path = written(tmp_path, "hr.csv", data)
    refused("train_attrition", "--csv", path, "--target", "Left", "--positive", "Yes")


@pytest.mark.parametrize(
    "data", [b"Kundeservice\x00 i Aarhus " * 20, b"\xff\xfe\xfa" * 10, "Kunde \ud800".encode("utf-8", "surrogatepass")]
)
def test_it_refuses_a_hostile_job_ad_file(tmp_path, data):
    path = written(tmp_path, "ad.txt", data)
    refused("analyze_ad", path)


# Numbers out of range ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["personal_data", "export", "--reference", OVER_64_BITS, "--by", "henrik"],
        ["personal_data", "export", "--reference", "-5", "--by", "henrik"],
        ["lexicon_export", "--lexicon-version", OVER_64_BITS],
        ["score_attrition", "--csv", "{csv}", "--model", OVER_64_BITS],
        ["staffing_plan", "--months", OVER_64_BITS],
        ["staffing_plan", "--months", "-3"],
    ],
)
def test_it_refuses_a_number_out_of_range(tmp_path, hr_user, args):
    csv = written(tmp_path, "s.csv", "Age,Left\n30,Yes\n")
    refused(*[arg.format(csv=csv) for arg in args])


def test_it_refuses_a_requisition_number_out_of_range(tmp_path, recruiter):
    path = written(tmp_path, "c.csv", CANDIDATES)
    args = ["--team", team_default().name, "--by", recruiter.username, "--requisition", OVER_64_BITS]
    refused("candidates_import", path, *args)
    assert not Candidate.objects.exists()


# Text on the command line --------------------------------------------------------------------------

# A shell passes bytes that are not UTF-8 ($'\xff') to Python as lone surrogates, which no database
# driver can encode.
NOT_UTF8 = "\udcff"


@pytest.mark.parametrize(
    "args",
    [
        ["personal_data", "export", "--email", f"{NOT_UTF8}@example.dk", "--by", "henrik"],
        ["personal_data", "export", "--employee-number", NOT_UTF8, "--by", "henrik"],
        ["personal_data", "export", "--email", "a@example.dk", "--by", f"h{NOT_UTF8}"],
        ["candidate_data", f"{NOT_UTF8}@example.dk", "--export", "--by", "henrik"],
        ["candidates_import", "{csv}", "--team", NOT_UTF8, "--by", "henrik"],
        ["agents_import", "{csv}", "--team-default", NOT_UTF8],
        ["norms_rebuild", NOT_UTF8],
        ["analyze_ad", "{csv}", "--role-profile", NOT_UTF8],
    ],
    ids=lambda args: "-".join(a for a in args[:2] if not a.startswith(("{", NOT_UTF8))),
)
def test_it_refuses_text_on_the_command_line_that_is_not_utf8(tmp_path, hr_user, args):
    csv = written(tmp_path, "c.csv", CANDIDATES)
    error, err = refused(*[arg.format(csv=csv) for arg in args])
    assert "not valid UTF-8 text" in str(error)
    assert not Candidate.objects.exists()


# flush and seed_demo -------------------------------------------------------------------------------


def test_it_refuses_to_flush_without_a_terminal_and_flushes_nothing(hr_user, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    error, err = refused("flush")
    assert "--no-input" in str(error)
    assert get_user_model().objects.filter(id=hr_user.id).exists()


def test_it_refuses_seed_demo_after_a_flush_and_creates_nobody(settings, db):
    settings.DEBUG = True
    # Inside the test's transaction, as in tests/core/test_access_log.py: rolled back afterwards.
    run("flush", interactive=False, reset_sequences=False)
    error, err = refused("seed_demo")
    assert "run migrate" in str(error)
    assert not get_user_model().objects.exists()


# From the shell ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("app", "command"), [("servicefit.core", "flush"), ("profiles", "lexicon_import")])
def test_it_refuses_from_the_shell_in_one_line_on_stderr_with_a_non_zero_exit(tmp_path, db, monkeypatch, app, command):
    # run_from_argv closes the database connections when it is done; the test's transaction needs its own.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    deep = written(tmp_path, "l.json", '{"markers": ' + "[" * 100_000 + "]" * 100_000 + "}")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        load_command_class(app, command).__class__(stdout=out, stderr=err).run_from_argv(
            ["manage.py", command, *([deep] if command == "lexicon_import" else [])]
        )
    assert exit_.value.code != 0
    assert len(err.getvalue().strip().splitlines()) == (1 if command == "flush" else 2)
    assert err.getvalue().strip().splitlines()[-1].startswith("CommandError: ")
