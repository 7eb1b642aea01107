from django.core.management import call_command


def test_the_openapi_schema_is_valid_and_complete(tmp_path, db):
    # --fail-on-warn: an endpoint whose schema drf-spectacular has to guess fails here.
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert "/api/role-profiles/{slug}/" in text and "ServiceTypeTranslationOutput" in text
