"""Export and erasure of an applicant reach every table that holds their data.

The walk below finds every hiring model with a foreign-key path to a Candidate or an Application. A
new model (fit records, decisions, hires, duplicate flags, e-mails sent…) that the applicant
handler (hiring/pipeline_personal_data.py, `EXPORTED`) does not know fails the first test, which
names it and its path: add it to `EXPORTED`, export its rows and make the erasure reach them.
"""

from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from assessments.models import AttemptResult, Invitation
from hiring import pipeline
from hiring.models import Application, ApplicationInvitation, ApplicationMove, Candidate, TalentPoolEntry
from hiring.pipeline_personal_data import EXPORTED, HANDLER
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export

from .privacy_factories import apply, assessed, candidate_make, pooled, requisition_make

ROOTS = (Candidate, Application)


def paths_to_people(model, depth: int = 3) -> list[tuple[str, type]]:
    """(lookup path, Candidate or Application) from `model` to the person (`""` for the roots themselves)."""
    if model in ROOTS:
        return [("", model)]
    if depth == 0:
        return []
    found = []
    for field in model._meta.get_fields():
        if field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete:
            if field.related_model is model:
                continue
            for rest, root in paths_to_people(field.related_model, depth - 1):
                found.append((f"{field.name}__{rest}" if rest else field.name, root))
    return found


def hiring_models_holding_people() -> dict:
    return {model: paths for model in apps.get_app_config("hiring").get_models() if (paths := paths_to_people(model))}


def rows_of(model, paths, candidate_id: int):
    """The model's rows that belong to the candidate, along any of its paths."""
    condition = Q(pk__in=[])
    for path, root in paths:
        prefix = f"{path}__" if path else ""
        condition |= Q(**{f"{prefix}{'id' if root is Candidate else 'candidate_id'}": candidate_id})
    return model.objects.filter(condition)


def test_every_hiring_table_that_holds_an_applicants_data_is_exported_and_erased():
    found = hiring_models_holding_people()
    report = "\n".join(
        f"  {m._meta.label}: {', '.join(path or '(itself)' for path, _root in paths)}" for m, paths in found.items()
    )
    missing = [m._meta.label for m in found if m not in EXPORTED or m not in HANDLER.models]
    assert not missing, (
        f"Hiring tables with a path to a candidate or an application:\n{report}\n"
        f"Not reached by the applicant handler (hiring/pipeline_personal_data.py EXPORTED): {missing}"
    )
    assert set(found) >= {Candidate, Application, ApplicationMove, ApplicationInvitation, TalentPoolEntry}


def keys_of(document) -> set[str]:
    if isinstance(document, dict):
        return set(document) | {k for value in document.values() for k in keys_of(value)}
    if isinstance(document, list):
        return {k for value in document for k in keys_of(value)}
    return set()


def everything(recruiter, admin_user):
    """A candidate with text, two applications, moves with reasons, a linked and submitted assessment,
    a talent-pool entry and admin history."""
    candidate = candidate_make(
        recruiter,
        7,
        cv_text="Kundeservice hos Zebrafinke A/S",
        cover_letter_text="Kære Zebrafinke",
        education="Zebrafinke-akademiet",
        experience="Tre år hos Zebrafinke",
    )
    first = apply(recruiter, candidate, requisition_make(recruiter, title="Første"))
    pipeline.application_move(application=first, stage="rejected", user=recruiter, reason="Zebrafinke passer bedre")
    second = apply(recruiter, candidate, requisition_make(recruiter, title="Anden"))
    invitation = assessed(second, recruiter)
    entry = pooled(recruiter, candidate)
    for obj in (candidate, first, entry, first.moves.first()):
        LogEntry.objects.create(
            user_id=admin_user.id,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=candidate.name,
            action_flag=CHANGE,
            change_message=f"Changed {candidate.name}",
        )
    return candidate, invitation


def test_the_export_holds_every_table_and_the_texts(recruiter, hr_user, admin_user):
    candidate, invitation = everything(recruiter, admin_user)
    document = personal_data_export(subject=Subject(reference=candidate.id), user=hr_user)
    exported = document["data"]["applicant"]
    assert set(EXPORTED.values()) <= keys_of(exported), set(EXPORTED.values()) - keys_of(exported)
    [person] = exported["candidates"]
    assert (person["cv_text"], person["education"]) == ("Kundeservice hos Zebrafinke A/S", "Zebrafinke-akademiet")
    assert person["talent_pool"]["consent_text_version"] == "pool-v1"
    reasons = [move["reason"] for a in person["applications"] for move in a["moves"]]
    assert "Zebrafinke passer bedre" in reasons
    [linked] = [i for a in person["applications"] for i in a["invitations"]]
    assert (linked["id"], linked["email"], linked["result"]["text_analysis"]) == (
        invitation.id,
        candidate.email,
        {"note": "analysed"},
    )


def test_the_admin_erasure_of_an_applicant_reaches_every_table_and_the_linked_invitation(client, recruiter, admin_user):
    candidate, invitation = everything(recruiter, admin_user)
    found = hiring_models_holding_people()
    linked = {model: rows_of(model, paths, candidate.id).count() for model, paths in found.items()}
    totals = {model: model.objects.count() for model in found}
    assert all(linked[model] for model in (Candidate, Application, ApplicationMove, TalentPoolEntry))
    client.force_login(admin_user)
    selected = {"action": "erase_personal_data", "_selected_action": [candidate.id], "post": "yes"}
    assert client.post("/admin/hiring/candidate/", selected).status_code == 302
    for model, paths in found.items():
        assert not rows_of(model, paths, candidate.id).exists(), model._meta.label
        # Gone, not orphaned: a SET_NULL foreign key would leave the row, and the data in it, behind.
        assert model.objects.count() == totals[model] - linked[model], model._meta.label
    assert not Application.objects.exists() and not ApplicationMove.objects.exists()
    assert not ApplicationInvitation.objects.exists() and not TalentPoolEntry.objects.exists()
    # The linked invitation loses the copied name and e-mail (submitted: kept anonymous for the norms).
    erased = Invitation.objects.get(id=invitation.id)
    assert (erased.name, erased.email) == ("—", "")
    assert AttemptResult.objects.get(attempt__invitation=invitation).text_analysis == {}
    # The admin history keeps who did what, without the name.
    assert LogEntry.objects.count() >= 4
    assert not LogEntry.objects.filter(object_repr__icontains="Nummer7").exists()
    assert not LogEntry.objects.filter(change_message__icontains="Nummer7").exists()
    categories = set(AccessLog.objects.filter(action="erase").values_list("category", "target_id"))
    assert {("applicant", str(candidate.id)), ("candidate", str(invitation.id))} <= categories


def test_an_erasure_on_request_by_e_mail_reaches_both_apps_once(recruiter, hr_user, admin_user):
    candidate, invitation = everything(recruiter, admin_user)
    erased = personal_data_erase(subject=Subject(email=candidate.email), user=hr_user)
    assert erased == {"applicant": 1, "candidate": 1}
    assert not Candidate.objects.exists()
    assert Invitation.objects.get(id=invitation.id).email == ""
