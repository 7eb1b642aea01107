"""Data-subject requests in the browser, for those the policies allow: find what is held about a
person, download it as JSON, and erase it after a confirmation that lists what will go.

Every step is a POST, so no e-mail address ends up in an address bar, a server log or the browser's
history. The services are the API's (servicefit.core.services); each step is access-logged as there.
"""

import json

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject, personal_data_handler
from servicefit.core.policies import PERSONAL_DATA_ERASE, PERSONAL_DATA_EXPORT
from servicefit.core.services import (
    access_log_many,
    personal_data_erase,
    personal_data_erasure_counts,
    personal_data_export,
    personal_data_find,
)


class SubjectForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), required=False)
    # Record ids are 64-bit integers: a larger number names nobody and must not reach the database.
    reference = forms.IntegerField(
        label=gettext_lazy("Candidate number"),
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text=gettext_lazy("The number in the address of the candidate's page (/hiring/candidates/123/)."),
    )
    employee_number = forms.CharField(
        label=gettext_lazy("Employee number"),
        required=False,
        max_length=64,
        help_text=gettext_lazy("The employee number in your HR system, for an employee without an e-mail address."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("email")
            and cleaned.get("reference") is None
            and not cleaned.get("employee_number")
        ):
            raise forms.ValidationError(_("Give the person's e-mail address, candidate number or employee number."))
        return cleaned

    def subject(self) -> Subject:
        return Subject(
            email=self.cleaned_data["email"],
            reference=self.cleaned_data["reference"],
            employee_number=self.cleaned_data["employee_number"],
        )


def _found(subject: Subject, user) -> list[dict]:
    """Per category: its name, what erasure keeps, and the rows per table erasure would touch."""
    records = personal_data_find(subject=subject)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=[r for rows in records.values() for r in rows])
    found = []
    for category, tables in personal_data_erasure_counts(records=records).items():
        handler = personal_data_handler(category)
        found.append(
            {
                "label": handler.label or category,
                "kept": handler.kept,
                "people": len(records[category]),
                "tables": sorted(
                    ({"name": model._meta.verbose_name_plural, "count": count} for model, count in tables.items()),
                    key=lambda table: str(table["name"]),
                ),
            }
        )
    return found


def _page(request, template: str, form: SubjectForm, **context):
    return render(
        request,
        f"core/personal_data/{template}",
        {"form": form, "can_erase": PERSONAL_DATA_ERASE.allows(request.user), **context},
    )


@require_GET
@policy_required(PERSONAL_DATA_EXPORT)
def search(request):
    return _page(request, "search.html", SubjectForm())


@require_POST
@policy_required(PERSONAL_DATA_EXPORT)
def found(request):
    form = SubjectForm(request.POST)
    if not form.is_valid():
        return _page(request, "search.html", form)
    return _page(request, "found.html", form, found=_found(form.subject(), request.user))


@require_POST
@policy_required(PERSONAL_DATA_EXPORT)
def export(request):
    form = SubjectForm(request.POST)
    if not form.is_valid():
        return _page(request, "search.html", form)
    try:
        document = personal_data_export(subject=form.subject(), user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("personal-data:search")
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2, default=str), content_type="application/json"
    )
    filename = f"servicefit-personal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
@policy_required(PERSONAL_DATA_ERASE)
def erase(request):
    """Without `confirm`: what erasure will touch, and a button to confirm. With it: erase."""
    form = SubjectForm(request.POST)
    if not form.is_valid():
        return _page(request, "search.html", form)
    subject = form.subject()
    found = _found(subject, request.user)
    if request.POST.get("confirm") != "yes":
        total = sum(table["count"] for category in found for table in category["tables"])
        return _page(request, "erase_confirm.html", form, found=found, total=total)
    try:
        personal_data_erase(subject=subject, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("personal-data:search")
    return _page(request, "erased.html", SubjectForm(), found=found)


def home_panel(request) -> dict | None:
    """The home page's card for the people who handle these requests."""
    return {} if PERSONAL_DATA_EXPORT.allows(request.user) else None
