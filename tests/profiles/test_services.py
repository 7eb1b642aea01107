import pytest

from profiles import services
from profiles.models import LanguageMarker, LexiconUpload, LexiconVersion
from servicefit.core.exceptions import ApplicationError

GOOD = '{"markers": [{"language": "nb", "type": "controller", "phrase": "tar styringen", "weight": 2}]}'


def test_an_upload_is_imported_by_the_task(db, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload = services.lexicon_upload_create(filename="nb.json", raw=GOOD.encode(), user=admin_user)
    upload.refresh_from_db()
    assert upload.status == LexiconUpload.Status.DONE
    version = upload.lexicon_version
    assert version.number == 3 and version.created_by == admin_user  # after the shipped v1 and v2
    assert list(version.markers.values_list("phrase", "weight")) == [("tar styringen", 2.0)]


def test_processing_twice_imports_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload = services.lexicon_upload_create(filename="nb.json", raw=GOOD.encode())
    services.lexicon_upload_process(upload_id=upload.id)
    assert LexiconVersion.objects.count() == 3


@pytest.mark.parametrize(
    ("filename", "raw", "message", "status"),
    [
        ("x.csv", b"{}", "Upload a .json, .yaml or .yml file.", 400),
        ("x.json", b"   \n", "The file is empty.", 400),
        ("x.json", b"\xff\xfe\x00", "The file is not UTF-8 text (byte 0).", 400),
        ("x.json", b" " * (services.MAX_UPLOAD_BYTES + 1), "The file is larger than 2 MB.", 413),
    ],
)
def test_unusable_files_are_refused_before_anything_is_stored(db, filename, raw, message, status):
    with pytest.raises(ApplicationError) as excinfo:
        services.lexicon_upload_create(filename=filename, raw=raw)
    assert (excinfo.value.message, excinfo.value.status) == (message, status)
    assert not LexiconUpload.objects.exists()


def test_a_utf8_bom_is_accepted(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload = services.lexicon_upload_create(filename="bom.json", raw=b"\xef\xbb\xbf" + GOOD.encode())
    upload.refresh_from_db()
    assert upload.status == LexiconUpload.Status.DONE


def test_copying_a_version_makes_an_editable_newest_one(db):
    v2 = LexiconVersion.objects.get(number=2)
    shipped_count = v2.markers.count()
    v3 = services.lexicon_version_copy(base=v2)
    assert v3.number == 3 and v3.source == "v2"

    def rows(version):
        return sorted(
            version.markers.values_list("language", "service_type__code", "phrase", "weight", "pos", "suggestions"),
            key=repr,
        )

    assert rows(v3) == rows(v2)
    assert LanguageMarker.objects.filter(lexicon_version=v2).count() == shipped_count
    copied = v3.markers.get(language="da", phrase="servicemindet")
    assert copied.pos == "adj" and {"type": "controller", "text": "løsningsorienteret", "pos": "adj"} in (
        copied.suggestions
    )


def test_a_role_profile_in_use_cannot_be_deleted(db, monkeypatch):
    from django.db.models import ProtectedError

    from profiles.models import RoleProfile

    role_profile = RoleProfile.objects.get(slug="advisor-controller-led")

    def protected(*args, **kwargs):
        raise ProtectedError("in use", set())

    monkeypatch.setattr(RoleProfile, "delete", protected)
    with pytest.raises(ApplicationError) as excinfo:
        services.role_profile_delete(role_profile=role_profile)
    assert excinfo.value.status == 409
