from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from profiles import lexicon_file, selectors, services
from profiles.analysis.lexicon import CLAUSE
from profiles.models import (
    ClassifierModel,
    Competency,
    CompetencyTranslation,
    LanguageMarker,
    LexiconUpload,
    LexiconVersion,
    PartOfSpeech,
    RoleProfile,
    RoleProfileCompetency,
    RoleProfileTypeWeight,
    SentenceLabel,
    ServiceType,
    ServiceTypeTranslation,
)
from profiles.role_mix import type_weight_errors


class ServiceTypeTranslationInline(admin.StackedInline):
    model = ServiceTypeTranslation
    extra = 0
    max_num = 4


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "order", "languages"]
    ordering = ["order"]
    inlines = [ServiceTypeTranslationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return ", ".join(t.language for t in obj.translations.all())


class CompetencyTranslationInline(admin.StackedInline):
    model = CompetencyTranslation
    extra = 0
    max_num = 4


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "order"]
    ordering = ["order"]
    inlines = [CompetencyTranslationInline]


class LatestVersionOnly:
    """Markers of a superseded lexicon version are history: analyses refer to them."""

    def _is_latest(self, version) -> bool:
        latest = selectors.lexicon_version_latest()
        return version is None or (latest is not None and version.pk == latest.pk)


@admin.register(LexiconVersion)
class LexiconVersionAdmin(LatestVersionOnly, admin.ModelAdmin):
    list_display = ["label", "note", "source", "marker_count", "download", "created_by", "created_at"]
    readonly_fields = ["number", "source", "created_by", "created_at"]
    actions = ["copy_version"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(marker_count=Count("markers"))

    @admin.display(description=_("markers"), ordering="marker_count")
    def marker_count(self, obj):
        return obj.marker_count

    @admin.display(description=_("Download"))
    def download(self, obj):
        # The same file the lexicon page offers and `lexicon_import` reads, parts of speech included.
        return format_html(
            '<a href="{}">JSON</a> · <a href="{}">YAML</a>',
            reverse("profiles:lexicon-export", args=[obj.number, "json"]),
            reverse("profiles:lexicon-export", args=[obj.number, "yaml"]),
        )

    def has_add_permission(self, request):
        # New versions come from an import or a copy, never from an empty form.
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or self._is_latest(obj))

    @admin.action(description=_("Copy as a new version (to edit)"))
    def copy_version(self, request, queryset):
        for version in queryset:
            new = services.lexicon_version_copy(base=version, user=request.user)
            self.message_user(request, _("Created %(label)s.") % {"label": new.label}, messages.SUCCESS)


class LanguageMarkerForm(forms.ModelForm):
    """Checks the rewrite suggestions as a lexicon file import would: a word-level rewrite replaces
    the marker's word in the ad, so it must be the same part of speech (or a whole sentence)."""

    class Meta:
        model = LanguageMarker
        fields = ["lexicon_version", "language", "service_type", "phrase", "pos", "weight", "suggestions"]

    def clean(self):
        cleaned = super().clean()
        suggestions, service_type = cleaned.get("suggestions"), cleaned.get("service_type")
        if suggestions is None or service_type is None or "pos" not in cleaned:
            return cleaned
        pos = cleaned["pos"]
        errors = []
        wrong_pos = set()
        if pos and isinstance(suggestions, list):
            for number, suggestion in enumerate(suggestions, start=1):
                if not isinstance(suggestion, dict) or not str(suggestion.get("text") or "").strip():
                    continue  # reported below, as an import reports it
                if (suggestion.get("pos") or "") not in (CLAUSE, pos):
                    wrong_pos.add(number)
                    errors.append(
                        _(
                            "Suggestion %(number)s: a word-level rewrite must have the marker's part of speech "
                            '(%(pos)s), or be a whole sentence ("clause").'
                        )
                        % {"number": number, "pos": PartOfSpeech(pos).label}
                    )
        row = {
            "language": cleaned.get("language"),
            "type": service_type.code,
            "phrase": cleaned.get("phrase") or "-",
            "pos": pos,
            "suggestions": suggestions,
        }
        try:
            marker = lexicon_file.validate({"markers": [row]}).markers[0]
        except lexicon_file.LexiconFileError as exc:
            errors += [
                f"{error.field}: {error.message}"
                for error in exc.errors
                if error.field.startswith("suggestions") and _suggestion_number(error.field) not in wrong_pos
            ]
        else:
            cleaned["suggestions"] = list(marker.suggestions)
        if errors:
            self.add_error("suggestions", errors)
        return cleaned


def _suggestion_number(field: str) -> int | None:
    """1 for "suggestions[1]"; None for "suggestions" (the list as a whole)."""
    inside = field.partition("[")[2].rstrip("]")
    return int(inside) if inside.isdigit() else None


@admin.register(LanguageMarker)
class LanguageMarkerAdmin(LatestVersionOnly, admin.ModelAdmin):
    form = LanguageMarkerForm
    list_display = ["phrase", "language", "service_type", "pos", "weight", "lexicon_version"]
    list_filter = ["lexicon_version", "language", "service_type", "pos"]
    search_fields = ["phrase"]
    list_select_related = ["service_type", "lexicon_version"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self._is_latest(obj.lexicon_version))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self._is_latest(obj.lexicon_version))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        latest = selectors.lexicon_version_latest()
        if "lexicon_version" in form.base_fields and latest is not None:
            form.base_fields["lexicon_version"].queryset = LexiconVersion.objects.filter(pk=latest.pk)
            form.base_fields["lexicon_version"].initial = latest.pk
        return form


@admin.register(LexiconUpload)
class LexiconUploadAdmin(admin.ModelAdmin):
    list_display = ["filename", "status", "lexicon_version", "created_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = [
        *["filename", "format", "status", "errors", "lexicon_version", "created_by", "created_at"],
        *["error", "error_detail", "claimed_at", "finished_at", "attempts"],
    ]
    exclude = ["content"]

    def has_add_permission(self, request):
        return False


class TypeWeightFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        weights = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("service_type") is None:
                continue
            weights[data["service_type"].code] = data.get("weight")
        errors = type_weight_errors(weights)
        if errors:
            raise forms.ValidationError(errors)


class TypeWeightInline(admin.TabularInline):
    model = RoleProfileTypeWeight
    formset = TypeWeightFormSet
    extra = 0
    max_num = 7


class CompetencyInline(admin.TabularInline):
    model = RoleProfileCompetency
    extra = 0


@admin.register(RoleProfile)
class RoleProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_template", "updated_at"]
    list_filter = ["is_template"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [TypeWeightInline, CompetencyInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ClassifierModel)
class ClassifierModelAdmin(admin.ModelAdmin):
    list_display = ["label", "sentences", "corrections", "macro_f1", "created_at"]
    exclude = ["blob"]
    readonly_fields = ["version", "sentences", "corrections", "macro_f1", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(SentenceLabel)
class SentenceLabelAdmin(admin.ModelAdmin):
    list_display = ["text", "language", "label", "created_by", "used_in", "updated_at"]
    list_filter = ["language", "label"]
    search_fields = ["text"]
    list_select_related = ["created_by", "used_in"]
