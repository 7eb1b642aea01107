import yaml
from django.core.management import call_command

METHODS = {"get", "post", "put", "patch", "delete"}


def generate(tmp_path) -> dict:
    # --fail-on-warn: an endpoint whose schema drf-spectacular has to guess fails here.
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    return yaml.safe_load(out.read_text())


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def test_the_openapi_schema_is_valid_and_complete(tmp_path, db):
    schema = generate(tmp_path)
    assert (
        "/api/role-profiles/{slug}/" in schema["paths"]
        and "ServiceTypeTranslationOutput" in schema["components"]["schemas"]
    )


def test_every_operation_documents_its_errors_in_the_one_error_shape(tmp_path, db):
    schema = generate(tmp_path)
    error_ref = {"$ref": "#/components/schemas/ErrorOutput"}
    error_output = schema["components"]["schemas"]["ErrorOutput"]
    assert error_output["required"] == ["code", "extra", "message"]
    # The code is an enum integrations can rely on; the message follows the request's language.
    [code] = error_output["properties"]["code"]["allOf"]
    enum = schema["components"]["schemas"][code["$ref"].rsplit("/", 1)[1]]["enum"]
    assert {"validation_error", "not_found", "unsafe_text", "server_error"} <= set(enum)
    for name, operation in operations(schema):
        errors = {code: r for code, r in operation["responses"].items() if code.startswith("4")}
        assert {"400", "404"} <= set(errors), name
        for code, response in errors.items():
            assert response["content"]["application/json"]["schema"] == error_ref, (name, code)
        if operation.get("security") and {} not in operation["security"]:
            assert {"401", "403"} <= set(errors), name
        if "requestBody" in operation:
            assert {"413", "415"} <= set(errors), name


def test_every_list_is_paginated_and_no_response_is_a_free_form_dict_where_the_shape_is_fixed(tmp_path, db):
    schema = generate(tmp_path)
    for name, operation in operations(schema):
        for code, response in operation["responses"].items():
            body = response.get("content", {}).get("application/json", {}).get("schema", {})
            assert body.get("type") != "array", f"{name} {code} is an unpaginated list"
    paginated = schema["components"]["schemas"]["PaginatedJobAdOutputList"]
    assert set(paginated["properties"]) == {"count", "next", "previous", "results"}
    limit = next(p for p in schema["paths"]["/api/job-ads/"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 500)
    # These had `dict` responses; their shape is fixed, so it is documented.
    for path, method in [
        ("/api/job-ads/analyze/", "post"),
        ("/api/job-ads/{job_ad_id}/compare/", "get"),
        ("/api/bulk-analyses/{bulk_id}/", "get"),
        ("/api/assessments/{slug}/", "get"),
        ("/api/invitations/", "post"),
    ]:
        response = schema["paths"][path][method]["responses"]
        body = next(r for code, r in response.items() if code.startswith("2"))["content"]["application/json"]["schema"]
        assert "$ref" in body, (method, path)


def test_enums_are_enums_and_nullable_fields_are_nullable(tmp_path, db):
    components = generate(tmp_path)["components"]["schemas"]
    assert components["LanguageEnum"]["enum"] == ["en", "da", "nb", "sv"]
    assert "controller" in components["ServiceTypeEnum"]["enum"]
    assert components["InvitationStatusEnum"]["enum"] == ["pending", "started", "submitted", "revoked"]
    assert components["JobStatusEnum"]["enum"] == ["pending", "running", "done", "failed"]
    marker = components["MarkerOutput"]["properties"]
    assert marker["language"] == {"$ref": "#/components/schemas/LanguageEnum"}
    assert marker["type"] == {"$ref": "#/components/schemas/ServiceTypeEnum"}
    assert components["JobAdOutput"]["properties"]["role_profile"]["nullable"] is True
    assert components["BulkAnalysisOutput"]["properties"]["finished_at"]["nullable"] is True
    assert components["RevisionOutput"]["properties"]["created_by"]["nullable"] is True
