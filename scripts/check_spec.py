#!/usr/bin/env python3
"""Checks spec/ with tools independent of the Swift code (CI runs it from .ci/run).

  1. spec/openapi.yaml reads the same under YAML 1.1 and 1.2 (no duplicate keys, no unquoted
     dates or yes/no/on/off) and openapi-spec-validator accepts it;
  2. it stays within the generator's subset (schema keywords, formats, patterns, local refs,
     oneOf/anyOf only with a discriminator, JSON bodies, `schema`-style parameters);
  3. every operation, parameter, header, schema and property has a description, and every
     request and response body has an example;
  4. every `x-` extension is one the generator knows, is consistent with the document and is
     documented in spec/README.md;
  5. every `example`, `examples` and `default` validates against its own schema (jsonschema,
     draft 2020-12, local $refs resolved against the document, formats asserted);
  6. the createAnalysis examples and create/page-example.har are the page's exchange exactly;
  7. every fixture under spec/fixtures/ is HAR 1.2 and uses only the test key; every positive
     entry matches its operation (method + path template; webhooks by `_webhook`) and its
     parameters, security, bodies, status and response headers conform; webhook signatures
     verify with the test secret; every negative entry fails with exactly the violations it
     states; idempotent retries got the first response;
  8. the fixtures cover what the contract promises (every createAnalysis status, every poll
     status, all six results, both webhooks, the negative cases).

Prints one line per check and closes with `N passed, M failed`; exits non-zero on any failure.
Needs openapi-spec-validator, jsonschema and PyYAML.
"""
import datetime
import glob
import hashlib
import hmac
import json
import os
import re
import sys
import urllib.parse
import uuid

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SPEC = os.path.join(ROOT, "spec", "openapi.yaml")
SPEC_README = os.path.join(ROOT, "spec", "README.md")
FIXTURES = os.path.join(ROOT, "spec", "fixtures")
API_KEY = "sk_test_fixture_key_do_not_use"
WEBHOOK_SECRET = b"whsec_test_kallglot_fixture_secret"
BASE = "urn:kallglot-spec"

# The exchange on the endpoint's page (the source of truth), exactly.
PAGE_METHOD = "POST"
PAGE_URL = "https://api.kallglot.com/v1/sessions/sess_01HXYZ123456789/analysis"
PAGE_REQUEST = {
    "analyses": ["sentiment", "summary", "action_items", "quality"],
    "language": "en",
    "webhook_url": "https://your-app.com/webhooks/analysis",
}
PAGE_RESPONSE = {
    "id": "ana_01HDEF456789012",
    "object": "analysis",
    "session_id": "sess_01HXYZ123456789",
    "status": "queued",
    "analyses": ["sentiment", "summary", "action_items", "quality"],
    "language": "en",
    "created_at": "2026-03-26T11:10:00Z",
    "estimated_completion": "2026-03-26T11:10:30Z",
}

# The generator's subset.
SCHEMA_KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "const", "default",
    "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
    "maxProperties", "allOf", "oneOf", "anyOf", "discriminator", "description", "deprecated",
    "example", "examples", "$ref",
}
TYPES = {"string", "number", "integer", "boolean", "array", "object", "null"}
FORMATS = {"date-time", "date", "uri", "email", "uuid", "int32", "int64", "float", "double"}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
OPERATION_KEYS = {"operationId", "summary", "description", "tags", "parameters", "requestBody",
                  "responses", "security", "deprecated", "externalDocs", "servers"}
PARAMETER_KEYS = {"name", "in", "required", "description", "deprecated", "schema", "example", "examples"}
EXTENSIONS = {"x-polling", "x-webhook-signature", "x-idempotency-key"}

passed, failed = 0, 0


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok      {what}")
    else:
        failed += 1
        print(f"FAILED  {what}: {detail}")


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token):
    return token.replace("~1", "/").replace("~0", "~")


# ---------------------------------------------------------------------------------------------
# 1. Reading the YAML strictly: what PyYAML (YAML 1.1) and the generator's reader (YAML 1.2 core)
#    would read differently is an error, and so is a duplicate key.

class StrictLoader(yaml.SafeLoader):
    problems = []


def _bool(loader, node):
    if node.value.lower() not in ("true", "false"):
        StrictLoader.problems.append(f"line {node.start_mark.line + 1}: '{node.value}' is a boolean only in YAML 1.1; quote it")
    return yaml.SafeLoader.construct_yaml_bool(loader, node)


def _timestamp(loader, node):
    StrictLoader.problems.append(f"line {node.start_mark.line + 1}: '{node.value}' is a timestamp only in YAML 1.1; quote it")
    return node.value


def _mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            StrictLoader.problems.append(f"line {key_node.start_mark.line + 1}: duplicate key '{key}' (first at line {seen[key]})")
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor("tag:yaml.org,2002:bool", _bool)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)

with open(SPEC, encoding="utf-8") as handle:
    document = yaml.load(handle, Loader=StrictLoader)
report(not StrictLoader.problems, "spec/openapi.yaml reads the same in YAML 1.1 and 1.2", "; ".join(StrictLoader.problems))

try:
    validate(document)
    report(True, "openapi-spec-validator accepts spec/openapi.yaml")
except Exception as error:  # noqa: BLE001 - the validator raises several kinds
    report(False, "openapi-spec-validator accepts spec/openapi.yaml", str(error).splitlines()[0])


def at(pointer):
    """The node at a JSON Pointer (`#/a/b` or `/a/b`) in the document."""
    node = document
    for token in pointer.lstrip("#").split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[unescape(token)]
    return node


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        node = at(node["$ref"])
    return node


def schema_properties(schema):
    """Properties of an object schema, following $ref and allOf."""
    schema = resolve(schema)
    found = dict(schema.get("properties", {}))
    for member in schema.get("allOf", []):
        found.update(schema_properties(member))
    return found


def operations():
    """(kind, name, method, pointer, operation) for every path operation and webhook."""
    for kind in ("paths", "webhooks"):
        for name, item in (document.get(kind) or {}).items():
            for method in METHODS:
                if method in item:
                    yield kind, name, method, f"/{kind}/{escape(name)}/{method}", item[method]


def parameters_of(kind, name, method):
    """Path-level and operation-level parameters, resolved, with the pointer of each."""
    item = document[kind][name]
    merged = {}
    for base, source in ((f"/{kind}/{escape(name)}", item), (f"/{kind}/{escape(name)}/{method}", item[method])):
        for index, parameter in enumerate(source.get("parameters", [])):
            pointer = parameter["$ref"][1:] if "$ref" in parameter else f"{base}/parameters/{index}"
            parameter = resolve(parameter)
            merged[(parameter["in"], parameter["name"].lower())] = (pointer, parameter)
    return list(merged.values())


# ---------------------------------------------------------------------------------------------
# 2-3. The generator's subset, descriptions and examples.

def schema_roots():
    """(pointer, schema, role) of every schema that is not inside another schema."""
    for name, schema in (document.get("components", {}).get("schemas") or {}).items():
        yield f"/components/schemas/{escape(name)}", schema, "component"

    def walk(node, pointer):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "schema" and isinstance(value, dict):
                    yield f"{pointer}/schema", value, "owned"
                elif key not in ("example", "examples", "default") and not (pointer == "/components" and key == "schemas"):
                    yield from walk(value, f"{pointer}/{escape(key)}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{pointer}/{index}")

    yield from walk(document, "")


def all_schemas():
    """(pointer, schema, role) of every schema, nested ones included.

    Roles: `component`, `owned` (the schema of a parameter, header or body, described by its
    owner), `property`, `item`, `member` (of allOf/oneOf/anyOf)."""
    def nested(pointer, schema, role):
        yield pointer, schema, role
        if not isinstance(schema, dict):
            return
        for name, value in (schema.get("properties") or {}).items():
            yield from nested(f"{pointer}/properties/{escape(name)}", value, "property")
        if isinstance(schema.get("items"), dict):
            yield from nested(f"{pointer}/items", schema["items"], "item")
        if isinstance(schema.get("additionalProperties"), dict):
            yield from nested(f"{pointer}/additionalProperties", schema["additionalProperties"], "item")
        for keyword in ("allOf", "oneOf", "anyOf"):
            for index, value in enumerate(schema.get(keyword) or []):
                yield from nested(f"{pointer}/{keyword}/{index}", value, "member")
    for pointer, schema, role in schema_roots():
        yield from nested(pointer, schema, role)


def subset_problems():
    problems = []
    for pointer, schema, role in all_schemas():
        if not isinstance(schema, dict):
            problems.append(f"{pointer}: a schema must be an object")
            continue
        for key in schema:
            if key not in SCHEMA_KEYWORDS and not key.startswith("x-"):
                problems.append(f"{pointer}: '{key}' is outside the generator's subset")
        if "$ref" in schema:
            ref = schema["$ref"]
            if not ref.startswith("#/components/"):
                problems.append(f"{pointer}: only local #/components/ refs are supported ({ref})")
            else:
                try:
                    at(ref)
                except (KeyError, IndexError, ValueError):
                    problems.append(f"{pointer}: $ref {ref} does not resolve")
        kind = schema.get("type")
        if isinstance(kind, list):
            if not (1 <= len(kind) <= 2 and all(t in TYPES for t in kind) and (len(kind) == 1 or "null" in kind)):
                problems.append(f"{pointer}: a type array must be [T] or [T, \"null\"], not {kind}")
        elif kind is not None and kind not in TYPES:
            problems.append(f"{pointer}: unknown type {kind}")
        if "format" in schema and schema["format"] not in FORMATS:
            problems.append(f"{pointer}: format '{schema['format']}' is outside the subset")
        if "pattern" in schema:
            pattern = schema["pattern"]
            if re.search(r"\(\?<[=!]", pattern):
                problems.append(f"{pointer}: lookbehind in '{pattern}' does not work in every target")
            if re.search(r"\(\?P|\\[AZz]|\(\?[aiLmsux-]+[):]", pattern):
                problems.append(f"{pointer}: '{pattern}' uses syntax ECMA-262 lacks")
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(f"{pointer}: pattern '{pattern}' does not compile: {error}")
        if "items" in schema and not isinstance(schema["items"], dict):
            problems.append(f"{pointer}: items must be one schema")
        for name in schema.get("required", []):
            if "properties" in schema and name not in schema_properties(schema):
                problems.append(f"{pointer}: required '{name}' is not among the properties")
        for keyword in ("oneOf", "anyOf"):
            if keyword not in schema:
                continue
            discriminator = schema.get("discriminator")
            if not discriminator:
                problems.append(f"{pointer}: {keyword} needs a discriminator")
                continue
            branches = [member.get("$ref") for member in schema[keyword]]
            mapping = discriminator.get("mapping", {})
            for value, ref in mapping.items():
                if ref not in branches:
                    problems.append(f"{pointer}: discriminator maps '{value}' to {ref}, not a branch")
                    continue
                field = schema_properties(at(ref)).get(discriminator["propertyName"], {})
                field = resolve(field)
                allowed = [field["const"]] if "const" in field else field.get("enum", [])
                if value not in allowed:
                    problems.append(f"{pointer}: branch {ref} does not fix {discriminator['propertyName']} to '{value}'")
            if None in branches:
                problems.append(f"{pointer}: every {keyword} branch must be a $ref")
    for kind, name, method, pointer, operation in operations():
        for key in operation:
            if key not in OPERATION_KEYS and not key.startswith("x-"):
                problems.append(f"{pointer}: '{key}' is outside the generator's subset")
        for parameter_pointer, parameter in parameters_of(kind, name, method):
            if parameter["in"] not in ("path", "query", "header"):
                problems.append(f"{parameter_pointer}: parameters in '{parameter['in']}' are not supported")
            for key in parameter:
                if key not in PARAMETER_KEYS and not key.startswith("x-"):
                    problems.append(f"{parameter_pointer}: '{key}' is outside the generator's subset")
            if "schema" not in parameter:
                problems.append(f"{parameter_pointer}: a parameter needs a schema")
        if kind == "paths":
            declared = {p["name"] for _, p in parameters_of(kind, name, method) if p["in"] == "path"}
            if declared != set(re.findall(r"\{([^}]+)\}", name)):
                problems.append(f"{pointer}: path parameters {sorted(declared)} do not match the template {name}")
    for pointer, media in media_types():
        if pointer.rsplit("/", 1)[-1] != "application~1json":
            problems.append(f"{pointer}: only application/json bodies are supported")
    keys = set(all_keys(document))
    for word in ("callbacks", "links"):
        if word in keys:
            problems.append(f"'{word}' is outside the generator's subset")
    return problems


def all_keys(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key not in ("example", "examples", "properties"):
                yield from all_keys(value)
            elif key == "properties":
                for inner in value.values():
                    yield from all_keys(inner)
    elif isinstance(node, list):
        for value in node:
            yield from all_keys(value)


def media_types():
    """(pointer, media type object) of every request and response body."""
    def bodies():
        for _, _, _, pointer, operation in operations():
            if "requestBody" in operation:
                body = operation["requestBody"]
                yield (body["$ref"][1:] if "$ref" in body else pointer + "/requestBody"), resolve(body)
            for status, response in operation.get("responses", {}).items():
                yield (response["$ref"][1:] if "$ref" in response else f"{pointer}/responses/{status}"), resolve(response)
    seen = set()
    for pointer, owner in bodies():
        if pointer in seen:
            continue
        seen.add(pointer)
        for media_type, media in (owner.get("content") or {}).items():
            yield f"{pointer}/content/{escape(media_type)}", media


def documentation_problems():
    problems = []
    for kind, name, method, pointer, operation in operations():
        if not operation.get("description"):
            problems.append(f"{pointer}: operation without a description")
        for parameter_pointer, parameter in parameters_of(kind, name, method):
            if not parameter.get("description"):
                problems.append(f"{parameter_pointer}: parameter without a description")
    for name, header in (document.get("components", {}).get("headers") or {}).items():
        if not header.get("description"):
            problems.append(f"/components/headers/{name}: header without a description")
    for pointer, schema, role in all_schemas():
        if not isinstance(schema, dict) or schema.get("description"):
            continue
        if role in ("component", "property"):
            problems.append(f"{pointer}: {role} schema without a description")
        elif role in ("item", "member") and "$ref" not in schema:
            problems.append(f"{pointer}: inline {role} schema without a description")
    for pointer, media in media_types():
        if "example" not in media and not media.get("examples"):
            problems.append(f"{pointer}: body without an example")
    return problems


problems = subset_problems()
report(not problems, "spec/openapi.yaml stays within the generator's subset", "; ".join(problems))
problems = documentation_problems()
report(not problems, "every operation, parameter, header, schema and property has a description; every body an example", "; ".join(problems))


# ---------------------------------------------------------------------------------------------
# Validation with jsonschema (draft 2020-12), formats asserted by checkers that do not depend
# on optional packages.

RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
format_checker = FormatChecker(formats=())


@format_checker.checks("date-time")
def is_date_time(value):
    if not isinstance(value, str):
        return True
    match = RFC3339.match(value)
    if not match:
        return False
    try:
        datetime.datetime(*(int(match.group(i)) for i in range(1, 6)), min(int(match.group(6)), 59))
    except ValueError:
        return False
    return int(match.group(6)) <= 60


@format_checker.checks("date")
def is_date(value):
    if not isinstance(value, str):
        return True
    try:
        return bool(FULL_DATE.match(value)) and datetime.date.fromisoformat(value) is not None
    except ValueError:
        return False


@format_checker.checks("uri")
def is_uri(value):
    if not isinstance(value, str):
        return True
    if not URI.match(value):
        return False
    parts = urllib.parse.urlsplit(value)
    return bool(parts.scheme) and (parts.scheme not in ("http", "https") or bool(parts.netloc))


@format_checker.checks("email")
def is_email(value):
    return not isinstance(value, str) or bool(EMAIL.match(value))


@format_checker.checks("uuid")
def is_uuid(value):
    if not isinstance(value, str):
        return True
    try:
        return len(value) == 36 and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


@format_checker.checks("int32")
def is_int32(value):
    return not isinstance(value, int) or -2**31 <= value < 2**31


@format_checker.checks("int64")
def is_int64(value):
    return not isinstance(value, int) or -2**63 <= value < 2**63


registry = Registry().with_resource(BASE, Resource.from_contents(document, default_specification=DRAFT202012))
validators = {}


def validator(pointer):
    if pointer not in validators:
        validators[pointer] = Draft202012Validator({"$ref": BASE + "#" + pointer}, registry=registry,
                                                   format_checker=format_checker)
    return validators[pointer]


def leaves(error):
    """The errors that say what is wrong; a oneOf/anyOf with a discriminator is judged by the
    branch the discriminator picks, as a generated decoder would."""
    if error.validator not in ("oneOf", "anyOf"):
        yield error
        return
    discriminator = error.schema.get("discriminator") if isinstance(error.schema, dict) else None
    if not discriminator or not isinstance(error.instance, dict):
        yield error
        return
    value = error.instance.get(discriminator["propertyName"])
    ref = discriminator.get("mapping", {}).get(value)
    branches = [member.get("$ref") for member in error.validator_value]
    if ref not in branches:
        yield error  # reported at the object: no branch for this discriminator value
        return
    index = branches.index(ref)
    for inner in error.context:
        if inner.relative_schema_path and inner.relative_schema_path[0] == index:
            yield from leaves(inner)


def violations(pointer, value):
    """{(pointer in the value, keyword, missing property or None)} of a value against the schema at pointer."""
    found = set()
    for error in validator(pointer).iter_errors(value):
        for leaf in leaves(error):
            place = "".join("/" + escape(part) for part in leaf.absolute_path)
            if leaf.validator == "required":
                for name in leaf.validator_value:
                    if isinstance(leaf.instance, dict) and name not in leaf.instance:
                        found.add((place, "required", name))
            else:
                found.add((place, leaf.validator, None))
    return found


def show(found):
    return sorted(found, key=lambda v: tuple(str(part) for part in v))


# ---------------------------------------------------------------------------------------------
# 5. Examples and defaults against their own schemas.

def example_sites():
    """(what, schema pointer, value) of every example and default in the document."""
    def walk(node, pointer, in_schema):
        if isinstance(node, dict):
            if "schema" in node and isinstance(node["schema"], dict):
                schema_pointer = pointer + "/schema"
                if "example" in node:
                    yield f"example at {pointer}", schema_pointer, node["example"]
                for name, item in (node.get("examples") or {}).items():
                    item = resolve(item)
                    if "value" in item:
                        yield f"example '{name}' at {pointer}", schema_pointer, item["value"]
            if in_schema:
                if "example" in node:
                    yield f"example at {pointer}", pointer, node["example"]
                for index, value in enumerate(node.get("examples") or []):
                    yield f"example {index} at {pointer}", pointer, value
                if "default" in node:
                    yield f"default at {pointer}", pointer, node["default"]
            for key, value in node.items():
                if key in ("example", "examples", "default", "enum", "const"):
                    continue
                child_in_schema = key == "schema" or (pointer == "/components" and key == "schemas") \
                    or (in_schema and key in ("items", "additionalProperties"))
                if in_schema and key in ("properties", "allOf", "oneOf", "anyOf"):
                    for inner_key, inner in (value.items() if isinstance(value, dict) else enumerate(value)):
                        yield from walk(inner, f"{pointer}/{key}/{escape(inner_key)}", True)
                    continue
                if pointer == "/components/schemas":
                    child_in_schema = True
                yield from walk(value, f"{pointer}/{escape(key)}", child_in_schema)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{pointer}/{index}", in_schema)
    yield from walk(document, "", False)


for what, schema_pointer, value in example_sites():
    found = violations(schema_pointer, value)
    report(not found, what, show(found))


# ---------------------------------------------------------------------------------------------
# 4. Extensions.

def extension_sites(node, pointer=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("x-"):
                yield key, f"{pointer}/{escape(key)}", value
            if key not in ("example", "examples", "properties"):
                yield from extension_sites(value, f"{pointer}/{escape(key)}")
            elif key == "properties":
                for name, inner in value.items():
                    yield from extension_sites(inner, f"{pointer}/properties/{escape(name)}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from extension_sites(value, f"{pointer}/{index}")


with open(SPEC_README, encoding="utf-8") as handle:
    readme = handle.read()
operation_by_id = {op.get("operationId"): (kind, name, method, pointer, op) for kind, name, method, pointer, op in operations()}


def success_schema(operation):
    for status in sorted(operation.get("responses", {})):
        if status.startswith("2"):
            content = resolve(operation["responses"][status]).get("content", {})
            if "application/json" in content:
                return content["application/json"]["schema"]
    return None


def check_polling(pointer, value, operation):
    problems = []
    for field, kind in (("operationId", str), ("parameters", dict), ("statusField", str),
                        ("successValues", list), ("failureValues", list)):
        if not isinstance(value.get(field), kind):
            problems.append(f"'{field}' must be a {kind.__name__}")
    if problems:
        return problems
    target = operation_by_id.get(value["operationId"])
    if target is None:
        return [f"no operation '{value['operationId']}'"]
    created = schema_properties(success_schema(operation) or {})
    path_parameters = {p["name"] for _, p in parameters_of(*target[:3]) if p["in"] == "path"}
    for parameter, field in value["parameters"].items():
        if parameter not in path_parameters:
            problems.append(f"'{value['operationId']}' has no path parameter '{parameter}'")
        if field not in created:
            problems.append(f"the create response has no field '{field}'")
    polled = schema_properties(success_schema(target[4]) or {})
    status = resolve(polled.get(value["statusField"], {}))
    if not status:
        problems.append(f"the poll response has no field '{value['statusField']}'")
    for result in value["successValues"] + value["failureValues"]:
        if status and result not in status.get("enum", []):
            problems.append(f"'{result}' is not a value of '{value['statusField']}'")
    if set(value["successValues"]) & set(value["failureValues"]):
        problems.append("a value is both success and failure")
    estimated = value.get("estimatedCompletionField")
    if estimated is not None and resolve(created.get(estimated, {})).get("format") != "date-time":
        problems.append(f"'{estimated}' is not a date-time field of the create response")
    return problems


def check_signature_scheme(value):
    problems = []
    expected = {"header": str, "algorithm": str, "encoding": str, "timestampKey": str, "signatureKey": str,
                "signedPayload": str, "toleranceSeconds": int}
    for field, kind in expected.items():
        if not isinstance(value.get(field), kind):
            problems.append(f"'{field}' must be a {kind.__name__}")
    if problems:
        return problems
    if value["algorithm"] != "hmac-sha256":
        problems.append(f"algorithm '{value['algorithm']}' is not hmac-sha256")
    if value["encoding"] not in ("hex", "base64"):
        problems.append(f"encoding '{value['encoding']}' is neither hex nor base64")
    if "{timestamp}" not in value["signedPayload"] or "{body}" not in value["signedPayload"]:
        problems.append("signedPayload must contain {timestamp} and {body}")
    if value["toleranceSeconds"] <= 0:
        problems.append("toleranceSeconds must be positive")
    for kind, name, method, pointer, operation in operations():
        if kind != "webhooks":
            continue
        headers = {p["name"].lower(): p for _, p in parameters_of(kind, name, method) if p["in"] == "header"}
        if not headers.get(value["header"].lower(), {}).get("required"):
            problems.append(f"webhook '{name}' lacks the required header parameter {value['header']}")
    return problems


for key, pointer, value in extension_sites(document):
    if key not in EXTENSIONS:
        report(False, f"{key} at {pointer}", "not an extension the generator knows")
        continue
    problems = [] if f"`{key}" in readme else ["not documented in spec/README.md"]
    if key == "x-polling":
        owner = at(pointer.rsplit("/", 1)[0])
        if "operationId" not in owner or "responses" not in owner:
            problems.append("x-polling belongs on an operation")
        else:
            problems += check_polling(pointer, value, owner)
    elif key == "x-webhook-signature":
        if pointer != "/x-webhook-signature":
            problems.append("x-webhook-signature belongs at the document root")
        problems += check_signature_scheme(value)
    elif key == "x-idempotency-key":
        owner = at(pointer.rsplit("/", 1)[0])
        if value is not True or owner.get("in") != "header" or owner.get("required"):
            problems.append("x-idempotency-key: true belongs on an optional header parameter")
    report(not problems, f"{key} at {pointer} is consistent and documented", "; ".join(problems))

SIGNATURE = document.get("x-webhook-signature", {})


# ---------------------------------------------------------------------------------------------
# 6. The page's exchange.

create = operation_by_id.get("createAnalysis")
if create:
    _, create_path, _, create_pointer, create_op = create
    request_example = create_op["requestBody"]["content"]["application/json"].get("example")
    report(request_example == PAGE_REQUEST, "createAnalysis request example is the page's", request_example)
    success = [s for s in create_op["responses"] if s.startswith("2")]
    response_example = resolve(create_op["responses"][success[0]])["content"]["application/json"].get("example") if success else None
    report(len(success) == 1 and response_example == PAGE_RESPONSE, f"createAnalysis {success} example is the page's", response_example)
else:
    report(False, "createAnalysis exists", "no operation createAnalysis")


# ---------------------------------------------------------------------------------------------
# 7. Fixtures.

def har_shape_problems(har):
    problems = []
    log = har.get("log") if isinstance(har, dict) else None
    if not isinstance(log, dict):
        return ["no 'log' object"]
    if log.get("version") != "1.2":
        problems.append("log.version is not '1.2'")
    creator = log.get("creator")
    if not (isinstance(creator, dict) and isinstance(creator.get("name"), str) and isinstance(creator.get("version"), str)):
        problems.append("log.creator needs name and version")
    entries = log.get("entries")
    if not isinstance(entries, list) or not entries:
        return problems + ["log.entries is empty"]
    standard = {"pageref", "startedDateTime", "time", "request", "response", "cache", "timings",
                "serverIPAddress", "connection", "comment"}
    for index, entry in enumerate(entries):
        where = f"entry {index}"
        for key in entry:
            if key not in standard and not key.startswith("_"):
                problems.append(f"{where}: '{key}' is neither a HAR field nor a custom '_' field")
        if not is_date_time(entry.get("startedDateTime")) or not isinstance(entry.get("startedDateTime"), str):
            problems.append(f"{where}: startedDateTime is not ISO 8601")
        if not isinstance(entry.get("time"), (int, float)):
            problems.append(f"{where}: time is not a number")
        if not isinstance(entry.get("cache"), dict):
            problems.append(f"{where}: cache is not an object")
        timings = entry.get("timings")
        if not (isinstance(timings, dict) and all(isinstance(timings.get(k), (int, float)) for k in ("send", "wait", "receive"))):
            problems.append(f"{where}: timings needs send, wait and receive")
        for side, fields in (("request", ("method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize")),
                             ("response", ("status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"))):
            part = entry.get(side)
            if not isinstance(part, dict):
                problems.append(f"{where}: no {side}")
                continue
            for field in fields:
                if field not in part:
                    problems.append(f"{where}: {side}.{field} is missing")
            for header in part.get("headers", []):
                if not (isinstance(header, dict) and isinstance(header.get("name"), str) and isinstance(header.get("value"), str)):
                    problems.append(f"{where}: {side} header {header} is not {{name, value}}")
        request, response = entry.get("request", {}), entry.get("response", {})
        query = urllib.parse.parse_qsl(urllib.parse.urlsplit(request.get("url", "")).query, keep_blank_values=True)
        recorded = [(q.get("name"), q.get("value")) for q in request.get("queryString", [])]
        if sorted(query) != sorted(recorded):
            problems.append(f"{where}: queryString {recorded} does not match the URL's {query}")
        post = request.get("postData")
        if post is not None:
            if not (isinstance(post.get("mimeType"), str) and isinstance(post.get("text"), str)):
                problems.append(f"{where}: postData needs mimeType and text")
            elif request.get("bodySize") not in (-1, len(post["text"].encode())):
                problems.append(f"{where}: request.bodySize is not the body's length")
        content = response.get("content", {})
        if not (isinstance(content.get("size"), int) and isinstance(content.get("mimeType"), str)):
            problems.append(f"{where}: response.content needs size and mimeType")
        elif "text" in content and content.get("encoding") is None and content["size"] != len(content["text"].encode()):
            problems.append(f"{where}: response.content.size is not the text's length")
        if not isinstance(response.get("status"), int):
            problems.append(f"{where}: response.status is not an integer")
        # HAR's mimeType is the recorder's copy of the Content-Type header: they must agree (the
        # checks read the header).
        for side, body in (("request", post or {}), ("response", content)):
            header = (header_map(entry.get(side) or {}).get("content-type") or [None])[0]
            mime = body.get("mimeType") if isinstance(body, dict) else None
            if body.get("text") and header is not None and isinstance(mime, str) and \
                    (media_type(mime) or mime)[:2] != (media_type(header) or header)[:2]:
                problems.append(f"{where}: {side} mimeType '{mime}' is not the Content-Type header's '{header}'")
    return problems


def header_map(part):
    headers = {}
    for header in part.get("headers", []):
        headers.setdefault(header["name"].lower(), []).append(header["value"])
    return headers


def coerce(value, schema_pointer):
    """A header or query value (text) as the JSON value its schema expects."""
    schema = resolve(at(schema_pointer))
    kinds = schema.get("type", "string")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    try:
        if "integer" in kinds and re.fullmatch(r"-?\d+", value):
            return int(value)
        if "number" in kinds:
            return float(value) if re.fullmatch(r"-?\d+(\.\d+)?([eE][+-]?\d+)?", value) else value
        if "boolean" in kinds and value in ("true", "false"):
            return value == "true"
    except ValueError:
        pass
    return value


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_parameters(kind, name, method, request, path_values, found):
    headers = header_map(request)
    query = dict((q["name"], q["value"]) for q in request.get("queryString", []))
    for parameter_pointer, parameter in parameters_of(kind, name, method):
        place = parameter["in"]
        if place == "path":
            value = path_values.get(parameter["name"])
        elif place == "header":
            value = (headers.get(parameter["name"].lower()) or [None])[0]
        else:
            value = query.get(parameter["name"])
        if value is None:
            if parameter.get("required"):
                found.add((f"request.{place}", "/" + parameter["name"], "required", None))
            continue
        schema_pointer = parameter_pointer + "/schema"
        for _, keyword, _ in violations(schema_pointer, coerce(value, schema_pointer)):
            found.add((f"request.{place}", "/" + parameter["name"], keyword, None))


# Media types (RFC 9110 8.3.1), matched as the Swift checker matches them (Sources/Conformance/
# MediaType.swift): type, subtype and parameter names case-insensitively, parameter values exactly
# (charset case-insensitively); a `content` key may be a range, and the most specific key that
# covers the Content-Type wins. A structured-syntax suffix is not its base type:
# application/problem+json is covered by itself, application/*+json, application/* or */*, not
# by application/json.
TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
QUOTED = r'"(?:[^"\\]|\\.)*"'
MEDIA_TYPE = re.compile(rf"[ \t]*({TOKEN})/({TOKEN})[ \t]*((?:;[ \t]*{TOKEN}=(?:{TOKEN}|{QUOTED})[ \t]*)*)(?:;[ \t]*)?", re.S)
PARAMETER = re.compile(rf";[ \t]*({TOKEN})=({TOKEN}|{QUOTED})[ \t]*", re.S)


def media_type(text):
    """(type, subtype, {parameter: value}) of a media type or range, or None."""
    match = MEDIA_TYPE.fullmatch(text)
    if not match or (match.group(1) == "*" and match.group(2) != "*"):
        return None
    parameters = {}
    for name, value in PARAMETER.findall(match.group(3)):
        parameters[name.lower()] = re.sub(r"\\(.)", r"\1", value[1:-1], flags=re.S) if value.startswith('"') else value
    return match.group(1).lower(), match.group(2).lower(), parameters


def is_range(media):
    return media[0] == "*" or media[1] == "*" or media[1].startswith("*+")


def specificity(declared, actual):
    """How specifically a declared media type covers a concrete one; None when it does not."""
    if declared[0] == "*":
        level = 0
    elif declared[0] != actual[0]:
        return None
    elif declared[1] == "*":
        level = 1
    elif declared[1].startswith("*+"):
        suffix = declared[1][1:]
        if not (actual[1].endswith(suffix) and len(actual[1]) > len(suffix)):
            return None
        level = 2
    elif declared[1] == actual[1]:
        level = 3
    else:
        return None
    for name, value in declared[2].items():
        other = actual[2].get(name)
        if other is None or (other.lower() != value.lower() if name == "charset" else other != value):
            return None
    return level * 1000 + len(declared[2])


def best_media_type(content_type, keys):
    """The `content` key that covers a Content-Type value most specifically (first of equals), or None."""
    actual = media_type(content_type)
    if actual is None or is_range(actual):
        return None
    best = None
    for key in keys:
        declared = media_type(key)
        score = specificity(declared, actual) if declared else None
        if score is not None and (best is None or score > best[1]):
            best = (key, score)
    return best[0] if best else None


def check_body(side, text, headers, content, owner_pointer, found):
    """A body present where `content` (the declared map at owner_pointer) documents one: its
    Content-Type must be covered by a key, and it must validate against that key's schema."""
    values = headers.get("content-type")
    key = best_media_type(values[0], list(content)) if values else None
    if key is None:
        found.add((side.split(".")[0] + ".header", "/Content-Type", "contentType", None))
        return
    try:
        value = json.loads(text)
    except ValueError:
        found.add((side, "", "json", None))
        return
    for place, keyword, missing in violations(f"{owner_pointer}/content/{escape(key)}/schema", value):
        found.add((side, place, keyword, missing))


def check_response(operation_pointer, operation, response, found):
    status = str(response["status"])
    responses = operation.get("responses", {})
    key = status if status in responses else ("default" if "default" in responses else None)
    if key is None:
        found.add(("response.status", "", "undocumented", None))
        return
    declared = responses[key]
    pointer = declared["$ref"][1:] if "$ref" in declared else f"{operation_pointer}/responses/{key}"
    declared = resolve(declared)
    headers = header_map(response)
    for header_name, header in (declared.get("headers") or {}).items():
        header_pointer = header["$ref"][1:] if "$ref" in header else f"{pointer}/headers/{escape(header_name)}"
        header = resolve(header)
        values = headers.get(header_name.lower())
        if not values:
            if header.get("required"):
                found.add(("response.header", "/" + header_name, "required", None))
            continue
        for _, keyword, _ in violations(header_pointer + "/schema", coerce(values[0], header_pointer + "/schema")):
            found.add(("response.header", "/" + header_name, keyword, None))
    content = response.get("content", {})
    text = content.get("text") or ""
    declared_content = declared.get("content") or {}
    if not declared_content:
        if text:
            found.add(("response.body", "", "undocumentedBody", None))
        return
    if not text:
        found.add(("response.body", "", "missingBody", None))
        return
    check_body("response.body", text, headers, declared_content, pointer, found)


def check_signature(entry, found):
    headers = header_map(entry["request"])
    raw = (entry["request"].get("postData") or {}).get("text", "").encode()
    values = headers.get(SIGNATURE.get("header", "").lower())
    if not values:
        return  # reported as a missing required header parameter
    pairs = [part.strip().split("=", 1) for part in values[0].split(",") if "=" in part]
    timestamps = [v for k, v in pairs if k == SIGNATURE["timestampKey"]]
    signatures = [v for k, v in pairs if k == SIGNATURE["signatureKey"]]
    if len(timestamps) != 1 or not timestamps[0].isdigit() or not signatures:
        found.add(("signature", "", "malformedSignatureHeader", None))
        return
    timestamp = timestamps[0]
    prefix, suffix = SIGNATURE["signedPayload"].split("{body}")
    payload = prefix.replace("{timestamp}", timestamp).encode() + raw + suffix.replace("{timestamp}", timestamp).encode()
    digest = hmac.new(WEBHOOK_SECRET, payload, hashlib.sha256).digest()
    expected = digest.hex() if SIGNATURE["encoding"] == "hex" else __import__("base64").b64encode(digest).decode()
    if not any(hmac.compare_digest(candidate, expected) for candidate in signatures):
        found.add(("signature", "", "noMatchingSignature", None))
        return
    now = parse_time(entry["startedDateTime"]).timestamp()
    if abs(now - int(timestamp)) > SIGNATURE["toleranceSeconds"]:
        found.add(("signature", "", "timestampOutsideTolerance", None))


PATH_MATCHERS = []
for kind, name, method, pointer, operation in operations():
    if kind == "paths":
        names = re.findall(r"\{([^}]+)\}", name)
        regex = "^" + re.sub(r"\\\{[^/]+?\\\}", "([^/]+)", re.escape(name)) + "$"
        PATH_MATCHERS.append((method.upper(), re.compile(regex), names, kind, name, method, pointer, operation))
SERVERS = [urllib.parse.urlsplit(server["url"]) for server in document.get("servers", [])]


def check_entry(entry):
    """The set of (in, pointer, keyword, property) violations of one HAR entry, and the operation."""
    found = set()
    request, response = entry["request"], entry["response"]
    if "_webhook" in entry:
        name = entry["_webhook"]
        if name not in document.get("webhooks", {}):
            raise ValueError(f"_webhook '{name}' is not a webhook of the spec")
        method = request["method"].lower()
        if method not in document["webhooks"][name]:
            raise ValueError(f"webhook '{name}' is not delivered with {request['method']}")
        pointer = f"/webhooks/{escape(name)}/{method}"
        operation = document["webhooks"][name][method]
        check_parameters("webhooks", name, method, request, {}, found)
        check_signature(entry, found)
    else:
        url = urllib.parse.urlsplit(request["url"])
        server = next((s for s in SERVERS if (s.scheme, s.netloc) == (url.scheme, url.netloc) and url.path.startswith(s.path)), None)
        if server is None:
            raise ValueError(f"{request['url']} is not on a server of the spec")
        path = url.path[len(server.path.rstrip("/")):]
        match = next(((m, rest) for m_, rx, *rest in PATH_MATCHERS if m_ == request["method"] and (m := rx.match(path))), None)
        if match is None:
            raise ValueError(f"no operation matches {request['method']} {path}")
        regex_match, (names, kind, name, method, pointer, operation) = match
        path_values = {n: urllib.parse.unquote(regex_match.group(i + 1)) for i, n in enumerate(names)}
        check_parameters(kind, name, method, request, path_values, found)
        security = operation.get("security", document.get("security", []))
        if security:
            authorization = (header_map(request).get("authorization") or [""])[0]
            if not authorization.startswith("Bearer ") or len(authorization) <= len("Bearer "):
                found.add(("request.header", "/Authorization", "required", None))
    body = request.get("postData")
    declared_body = resolve(operation.get("requestBody", {}))
    if body is None:
        if declared_body.get("required"):
            found.add(("request.body", "", "missingBody", None))
    elif not declared_body:
        if body["text"]:
            found.add(("request.body", "", "undocumentedBody", None))
    elif not entry.get("_invalidRequest"):
        body_pointer = operation["requestBody"]["$ref"][1:] if "$ref" in operation["requestBody"] else pointer + "/requestBody"
        check_body("request.body", body["text"], header_map(request), declared_body.get("content") or {}, body_pointer, found)
    check_response(pointer, operation, response, found)
    return found, operation


fixture_files = sorted(glob.glob(os.path.join(FIXTURES, "**", "*.har"), recursive=True))
recorded = []  # (file, entry, operation, found)
for path in fixture_files:
    name = os.path.relpath(path, FIXTURES)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        har = json.loads(text)
    except Exception as error:  # noqa: BLE001
        report(False, name, f"not JSON: {error}")
        continue
    problems = har_shape_problems(har)
    if not re.fullmatch(r"(create|poll|errors|webhooks|negative)/[a-z0-9]+(-[a-z0-9]+)*\.har", name):
        problems.append("not a kebab-case name in create/, poll/, errors/, webhooks/ or negative/")
    report(not problems, f"{name} is HAR 1.2, named and placed by the conventions", "; ".join(problems))
    if problems:
        continue
    keys = set(re.findall(r"sk_(?:live|test)_[A-Za-z0-9_]+", text))
    report(keys <= {API_KEY}, f"{name} uses only the test API key", sorted(keys - {API_KEY}))
    negative = os.path.dirname(name) == "negative"
    for index, entry in enumerate(har["log"]["entries"]):
        label = f"{name} entry {index}"
        if "_webhook" not in entry:
            authorization = (header_map(entry["request"]).get("authorization") or [None])[0]
            if authorization is not None and authorization != "Bearer " + API_KEY:
                report(False, f"{label} authorizes with the test key", authorization)
        try:
            found, operation = check_entry(entry)
        except Exception as error:  # noqa: BLE001
            report(False, label, str(error))
            continue
        recorded.append((name, entry, operation, found))
        stated = entry.get("_expectedViolations")
        if negative or stated is not None:
            expected = {(v["in"], v.get("pointer", ""), v["keyword"], v.get("property")) for v in stated or []}
            report(negative and bool(expected) and found == expected,
                   f"{label} fails with exactly {show(expected)}",
                   f"found {show(found)}" + ("" if negative else " (only negative/ may state violations)"))
        else:
            invalid_ok = not entry.get("_invalidRequest") or entry["response"]["status"] >= 400
            report(not found and invalid_ok, f"{label} conforms",
                   show(found) if found else "_invalidRequest needs a 4xx answer")
    # A retry with the same Idempotency-Key and body gets the first response.
    groups = {}
    for entry in har["log"]["entries"]:
        key = (header_map(entry["request"]).get("idempotency-key") or [None])[0]
        if key is not None:
            groups.setdefault((entry["request"]["url"], key, (entry["request"].get("postData") or {}).get("text")), []).append(entry)
    for (url, key, _), entries in groups.items():
        if len(entries) > 1:
            first = entries[0]["response"]
            same = all(e["response"]["status"] == first["status"] and
                       json.loads(e["response"]["content"].get("text") or "null") == json.loads(first["content"].get("text") or "null")
                       for e in entries[1:])
            report(same, f"{name}: {len(entries)} requests with Idempotency-Key {key} got the first response")


# ---------------------------------------------------------------------------------------------
# 8. Coverage: what the contract promises has a recording.

positives = [(n, e, op) for n, e, op, f in recorded if not n.startswith("negative/") and not f]


def body_of(entry):
    text = entry["response"]["content"].get("text")
    return json.loads(text) if text else None


page = [(n, e) for n, e, op in positives if n == "create/page-example.har"]
report(len(page) == 1 and page[0][1]["request"]["method"] == PAGE_METHOD and page[0][1]["request"]["url"] == PAGE_URL
       and json.loads(page[0][1]["request"]["postData"]["text"]) == PAGE_REQUEST and body_of(page[0][1]) == PAGE_RESPONSE,
       "create/page-example.har is the page's exchange", "missing or different from the page")

if create:
    statuses = sorted(create_op["responses"])
    covered = {str(e["response"]["status"]) for n, e, op in positives if op is create_op}
    report(set(statuses) <= covered, f"createAnalysis has a recording for each status {statuses}",
           f"missing {sorted(set(statuses) - covered)}")
    retry_after = [e for n, e, op in positives if op is create_op and e["response"]["status"] == 429
                   and header_map(e["response"]).get("retry-after")]
    report(bool(retry_after), "a 429 recording carries Retry-After")
    polling = create_op.get("x-polling", {})
    poll_op = operation_by_id.get(polling.get("operationId"), (None,) * 5)[4]
    status_field = polling.get("statusField", "status")
    enum = resolve(schema_properties(success_schema(poll_op) or {}).get(status_field, {})).get("enum", []) if poll_op else []
    seen = {(body_of(e) or {}).get(status_field) for n, e, op in positives if op is poll_op and e["response"]["status"] < 300}
    report(bool(enum) and set(enum) <= seen, f"{polling.get('operationId')} has a recording in each status {enum}",
           f"missing {sorted(set(enum) - seen)}")
    kinds = set(schema_properties(document["components"]["schemas"].get("AnalysisResults", {})))
    full = [n for n, e, op in positives if op is poll_op and set(((body_of(e) or {}).get("results") or {})) >= kinds]
    report(bool(kinds) and bool(full), f"a complete analysis with all {len(kinds)} result types is recorded", "none")
    retries = [n for n, e, op in positives if op is create_op and (header_map(e["request"]).get("idempotency-key"))]
    report(any(retries.count(n) > 1 for n in retries), "an idempotent retry is recorded", "no file with two keyed requests")
for hook in document.get("webhooks", {}):
    hooks = [n for n, e, op in positives if e.get("_webhook") == hook]
    report(bool(hooks), f"webhook {hook} has a signed delivery recorded", "none")
stated_keywords = {v["keyword"] for n, e, op, f in recorded if n.startswith("negative/") for v in e.get("_expectedViolations", [])}
wanted = {"maximum", "type", "required", "pattern", "uniqueItems", "noMatchingSignature", "contentType"}
report(wanted <= stated_keywords, f"negative recordings cover {sorted(wanted)}", f"missing {sorted(wanted - stated_keywords)}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
