"""The tricky mappings, asserted one by one on the fixture documents (both versions)."""
from __future__ import annotations

import pytest

from gateway.openapi import openapi31, swagger2
from gateway.protojson import JsonOptions
from tests.openapi import fixture


@pytest.fixture(scope="module")
def v2() -> dict:
    return fixture.documents()["greenhouse.swagger.json"]


@pytest.fixture(scope="module")
def v3() -> dict:
    return fixture.documents()["greenhouse.openapi.json"]


def schemas(doc):
    return doc["definitions"] if "definitions" in doc else doc["components"]["schemas"]


def op(doc, path, method="get"):
    return doc["paths"][path][method]


def params(operation):
    return {p["name"]: p for p in operation.get("parameters", [])}


# ---- names, ids, tags, errors (both) -------------------------------------------------------

@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_protoc_gen_openapiv2_names(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    names = set(schemas(doc))
    # legacy naming strategy: last package component + message; nested: Parent + Child
    assert {"v1Plant", "PlantCare", "PlantEventKind", "v1Species", "rpcStatus", "protobufAny"} <= names
    # well-known types are inlined, never definitions
    assert not any("Timestamp" in n or "Value" in n or "Empty" in n for n in names)


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_operation_ids_tags_and_default_error(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    ref_prefix = "#/definitions/" if doc_name == "v2" else "#/components/schemas/"
    get_plant = op(doc, "/v1/beds/{bed}/plants/{plant}")
    assert get_plant["operationId"] == "Greenhouse_GetPlant"
    assert get_plant["tags"] == ["Greenhouse"]
    default = get_plant["responses"]["default"]
    schema = default["schema"] if doc_name == "v2" else default["content"]["application/json"]["schema"]
    assert schema == {"$ref": ref_prefix + "rpcStatus"}
    assert op(doc, "/v1/seeds:count")["tags"] == ["SeedVault"]
    tags = {t["name"]: t for t in doc["tags"]}
    assert tags["Greenhouse"]["description"] == "Plants and beds"  # openapiv2_tag wins over the comment
    assert tags["Greenhouse"]["externalDocs"]["url"] == "https://example.com/greenhouse/tag"


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_additional_binding_is_an_extra_operation(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    assert op(doc, "/v1/beds/{bed}/plants")["operationId"] == "Greenhouse_ListPlants"
    assert op(doc, "/v1/plants")["operationId"] == "Greenhouse_ListPlants2"
    assert "bed" not in params(op(doc, "/v1/plants"))
    assert "parent" in params(op(doc, "/v1/plants"))  # unbound there, so a query parameter


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_slashed_templates_are_expanded(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    paths = set(doc["paths"])
    assert {"/v1/beds/{bed}/plants/{plant}", "/v1/beds/{bed}/plants/{plant}:photo",
            "/v1/beds/{bed}/plants:watch", "/v1/beds/{bedId}", "/v1/files/{file}"} <= paths
    assert not any("=" in p for p in paths)
    update = op(doc, "/v1/beds/{bed}/plants/{plant}", "patch")  # {plant.name=beds/*/plants/*}
    assert [p["name"] for p in update["parameters"] if p["in"] == "path"] == ["bed", "plant"]
    assert "plant.name" in params(update)["bed"]["description"]


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_comments_become_descriptions(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    listing = op(doc, "/v1/beds/{bed}/plants")
    assert listing["summary"] == "Lists plants."
    assert listing["description"] == "Pages through every plant of a bed, or of all beds."
    plant = schemas(doc)["v1Plant"]
    assert plant["description"] == "A plant growing in a bed.\n\nPlants are the main resource of the greenhouse."
    assert plant["properties"]["displayName"]["description"] == "Shown to people."
    assert "TOMATO: A tomato plant." in schemas(doc)["v1Species"]["description"]
    assert params(listing)["pageSize"]["description"] == "At most this many plants (the server caps it)."


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_openapiv2_annotations(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    assert doc["info"]["title"] == "Greenhouse API" and doc["info"]["version"] == "1.2.0"
    assert doc["info"]["license"]["name"] == "Apache-2.0"
    assert doc["security"] == [{"ApiKey": []}]
    search = op(doc, "/v1/plants:search", "post")
    assert search["operationId"] == "SearchPlants"
    assert search["summary"] == "Search plants by text"
    assert search["deprecated"] is True
    assert search["tags"] == ["Search"]
    assert search["security"] == [{"OAuth2": ["plants.read"]}]
    assert search["responses"]["429"]["description"] == "Too many searches"
    assert params(search)["X-Request-Id"]["in"] == "header"
    assert op(doc, "/v1/seeds:count")["security"] == [{}]  # explicitly open
    rating = schemas(doc)["v1Plant"]["properties"]["rating"]
    assert rating["description"] == "Stars from 0 to 5." and rating["maximum"] == 5
    assert schemas(doc)["v1Plant"]["externalDocs"]["url"] == "https://example.com/plants"


def test_security_definitions(v2, v3):
    assert v2["securityDefinitions"]["ApiKey"] == {
        "type": "apiKey", "name": "X-Api-Key", "in": "header", "description": "A key per gardener"}
    assert v2["securityDefinitions"]["OAuth2"]["flow"] == "accessCode"
    assert v3["components"]["securitySchemes"]["OAuth2"]["flows"]["authorizationCode"] == {
        "authorizationUrl": "https://example.com/oauth/authorize",
        "tokenUrl": "https://example.com/oauth/token", "scopes": {"plants.read": "Read plants"}}


# ---- scalar and well-known type forms --------------------------------------------------------

@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_json_forms(request, doc_name):
    props = schemas(request.getfixturevalue(doc_name))["v1Plant"]["properties"]
    assert props["heightMm"]["type"] == "string" and props["heightMm"]["format"] == "int64"
    assert props["seedCount"]["format"] == "uint64"
    assert props["createTime"]["format"] == "date-time" and props["createTime"]["readOnly"] is True
    assert props["photoThumbnail"] == {"type": "string", "format": "byte"}
    assert props["labels"] == {"type": "object", "additionalProperties": {"type": "string"}}
    assert props["waterings"]["items"] == {"type": "string", "format": "date-time"}
    assert "plantCode" in props and "code" not in props  # json_name, as the runtime writes it
    assert schemas(request.getfixturevalue(doc_name))["v1Species"]["enum"] == ["SPECIES_UNSPECIFIED", "TOMATO", "BASIL"]


def test_proto_names_and_enum_numbers_follow_json_options():
    table, source = fixture.route_table(), fixture.descriptor_set()
    options = JsonOptions(use_proto_names=True, enums_as_ints=True)
    for doc in (swagger2(table, options, source=source), openapi31(table, options, source=source)):
        props = schemas(doc)["v1Plant"]["properties"]
        assert "display_name" in props and "displayName" not in props and "code" in props
        assert schemas(doc)["v1Species"]["type"] == "integer"
        assert schemas(doc)["v1Species"]["enum"] == [0, 1, 2]
        listing = doc["paths"]["/v1/beds/{bed}/plants"]["get"]
        assert "page_size" in params(listing) and "filter.min_height_mm" in params(listing)


# ---- what only 3.1 can say ----------------------------------------------------------------

def test_oneof_is_at_most_one(v3):
    plant = schemas(v3)["v1Plant"]
    [constraint] = plant["allOf"]
    members = [{"required": ["bedSlot"]}, {"required": ["coordinates"]}]
    assert constraint == {"oneOf": [{"not": {"anyOf": members}}, *members]}
    assert len(schemas(v3)["v1SearchPlantsRequest"]["allOf"]) == 2  # two oneof groups


def test_wrappers_and_optional_are_nullable(v3, v2):
    props = schemas(v3)["v1Plant"]["properties"]
    assert props["maxHeightCm"]["type"] == ["integer", "null"]
    assert props["nickname"]["type"] == ["string", "null"]
    assert props["ph"]["type"] == ["number", "null"]
    assert schemas(v2)["v1Plant"]["properties"]["maxHeightCm"]["type"] == "integer"


def test_field_behavior(v3, v2):
    plant = schemas(v3)["v1Plant"]
    assert plant["required"] == ["displayName"]
    assert plant["properties"]["createTime"]["readOnly"] is True
    assert plant["properties"]["secretNote"]["writeOnly"] is True
    assert "writeOnly" not in schemas(v2)["v1Plant"]["properties"]["secretNote"]  # no writeOnly in 2.0
    create = op(v3, "/v1/beds/{bed}/plants", "post")
    assert create["requestBody"]["required"] is True


def test_streaming_responses(v3, v2):
    watch = op(v3, "/v1/beds/{bed}/plants:watch")
    assert watch["x-server-streaming"] is True
    content = watch["responses"]["200"]["content"]
    assert set(content) == {"application/json", "application/x-ndjson", "text/event-stream"}
    item = content["application/x-ndjson"]["schema"]
    assert item["properties"]["result"] == {"$ref": "#/components/schemas/v1PlantEvent"}
    assert item["properties"]["error"] == {"$ref": "#/components/schemas/rpcStatus"}
    assert content["text/event-stream"]["schema"] == {"$ref": "#/components/schemas/v1PlantEvent"}
    v2_watch = op(v2, "/v1/beds/{bed}/plants:watch")["responses"]["200"]
    assert v2_watch["schema"]["title"] == "Stream result of gwtest.v1.PlantEvent"
    assert v2_watch["description"].endswith("(streaming responses)")
    many = op(v3, "/v1/plants:plantMany", "post")
    assert many["x-client-streaming"] is True
    assert "application/x-ndjson" in many["requestBody"]["content"]


def test_http_body_is_binary(v3, v2):
    photo = op(v3, "/v1/beds/{bed}/plants/{plant}:photo")
    assert photo["responses"]["200"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    upload = op(v3, "/v1/beds/{bed}/plants/{plant}:photo", "post")
    assert upload["requestBody"]["content"]["application/octet-stream"]["schema"]["format"] == "binary"
    assert op(v2, "/v1/beds/{bed}/plants/{plant}:photo")["responses"]["200"]["schema"]["format"] == "binary"


def test_success_statuses_follow_the_runtime(v3, v2):
    create = op(v3, "/v1/beds/{bed}/plants", "post")["responses"]
    assert "201" in create and "200" not in create
    assert "Location" in create["201"]["headers"]
    delete = op(v3, "/v1/beds/{bed}/plants/{plant}", "delete")["responses"]
    assert delete["204"] == {"description": "No content."}
    assert "204" in op(v2, "/v1/beds/{bed}/plants/{plant}", "delete")["responses"]


def test_query_parameters(v3, v2):
    listing = params(op(v3, "/v1/beds/{bed}/plants"))
    assert listing["species"]["schema"] == {"type": "array", "items": {"$ref": "#/components/schemas/v1Species"}}
    assert listing["filter.minHeightMm"]["schema"] == {"type": "string", "format": "int64"}
    assert listing["organic"]["schema"] == {"type": "boolean"}  # a wrapper, never null in a query
    assert "labels" not in listing and "near" not in listing  # maps / repeated messages cannot be queried
    assert not any(name.startswith("filter.inner.inner") for name in listing)  # recursion stops
    v2_species = params(op(v2, "/v1/beds/{bed}/plants"))["species"]
    assert v2_species["collectionFormat"] == "multi" and v2_species["items"]["enum"][1] == "TOMATO"


def test_body_field_and_response_body(v3):
    create = op(v3, "/v1/beds/{bed}/plants", "post")
    assert create["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/v1Plant"}
    assert set(params(create)) == {"bed", "plantId"}
    label = op(v3, "/v1/beds/{bedId}/label")["responses"]["200"]["content"]["application/json"]["schema"]
    assert label == {"$ref": "#/components/schemas/v1BedLabel"}


@pytest.mark.parametrize("doc_name", ["v2", "v3"])
def test_body_star_leaves_out_the_path_fields(request, doc_name):
    doc = request.getfixturevalue(doc_name)
    rename = op(doc, "/v1/beds/{bedId}:rename", "post")
    if doc_name == "v2":
        [body] = [p for p in rename["parameters"] if p["in"] == "body"]
        schema = body["schema"]
    else:
        schema = rename["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"newName"}  # bedId travels in the path
    assert schema["required"] == ["newName"]
    assert [p["name"] for p in rename["parameters"] if p["in"] != "body"] == ["bedId"]


def test_deprecation(v3, v2):
    assert op(v3, "/v1/beds/{bedId}/label")["deprecated"] is True
    assert op(v2, "/v1/beds/{bedId}/label")["deprecated"] is True
    assert "deprecated" not in op(v3, "/v1/beds/{bedId}")
    assert schemas(v3)["v1Plant"]["properties"]["oldCode"]["deprecated"] is True
