#!/usr/bin/env python3
"""External checks of spec/, independent of the Swift code (run by .ci/run):

1. openapi-spec-validator accepts spec/openapi.yaml;
2. every `example` in the spec validates against its own schema (jsonschema, draft 2020-12);
3. every positive fixture under spec/fixtures/ matches an operation (or webhook) and its request
   and response bodies and parameters validate; webhook signatures verify with the test secret;
4. every negative fixture fails with exactly the violations it states (pointer and keyword).

Prints one line per check and closes with `N passed, M failed`; exits non-zero on any failure.
"""
import glob, hashlib, hmac, json, os, re, sys

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SPEC = os.path.join(ROOT, "spec", "openapi.yaml")
FIXTURES = os.path.join(ROOT, "spec", "fixtures")
WEBHOOK_SECRET = b"whsec_test_kallglot_fixture_secret"
BASE = "urn:spec"

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
    return token.replace("~", "~0").replace("/", "~1")

with open(SPEC) as handle:
    document = yaml.safe_load(handle)

try:
    validate(document)
    report(True, "openapi-spec-validator accepts spec/openapi.yaml")
except Exception as error:  # noqa: BLE001 - the validator raises several kinds
    report(False, "openapi-spec-validator accepts spec/openapi.yaml", str(error).splitlines()[0])

registry = Registry().with_resource(BASE, Resource.from_contents(document, default_specification=DRAFT202012))

def validator(pointer):
    return Draft202012Validator({"$ref": BASE + "#" + pointer}, registry=registry, format_checker=FormatChecker())

def violations(pointer, value):
    found = set()
    for error in validator(pointer).iter_errors(value):
        for leaf in (error.context or [error]) if error.validator in ("oneOf", "anyOf") else [error]:
            place = "".join("/" + escape(str(part)) for part in leaf.absolute_path)
            found.add((place, leaf.validator))
    return found

# 2. Examples against their own schemas.
def walk(node, pointer):
    if isinstance(node, dict):
        if "schema" in node and "example" in node:
            problems = violations(pointer + "/schema", node["example"])
            report(not problems, f"example at {pointer}", sorted(problems))
        if "example" in node and ("type" in node or "$ref" in node or "enum" in node) and "schema" not in node:
            problems = violations(pointer, node["example"])
            report(not problems, f"example at {pointer}", sorted(problems))
        for key, value in node.items():
            if key not in ("example", "examples"):
                walk(value, pointer + "/" + escape(str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            walk(value, f"{pointer}/{index}")

walk(document, "")

# 3 and 4. Fixtures.
def operations():
    for path, item in document.get("paths", {}).items():
        pattern = "^" + re.sub(r"\\{[^/]+?\\}", "([^/]+)", re.escape(path)) + "$"
        names = re.findall(r"\{([^}]+)\}", path)
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "patch"):
                yield method.upper(), path, re.compile(pattern), names, operation

def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = document
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node

def json_pointer_of(path, method, *rest):
    return "/paths/" + escape(path) + "/" + method.lower() + "".join("/" + escape(str(part)) for part in rest)

def check_entry(name, entry):
    """Returns the set of (in, pointer, keyword) violations of one HAR entry."""
    found = set()
    request, response = entry["request"], entry["response"]
    headers = {h["name"].lower(): h["value"] for h in request.get("headers", [])}
    body_text = (request.get("postData") or {}).get("text")
    if "_webhook" in entry:
        hook = document["webhooks"][entry["_webhook"]]["post"]
        pointer = "/webhooks/" + escape(entry["_webhook"]) + "/post/requestBody/content/application~1json/schema"
        for place, keyword in violations(pointer, json.loads(body_text)):
            found.add(("request.body", place, keyword))
        signature = headers.get("kallglot-signature", "")
        parts = [p.split("=", 1) for p in signature.split(",") if "=" in p]
        timestamp = next((v for k, v in parts if k == "t"), None)
        expected = hmac.new(WEBHOOK_SECRET, f"{timestamp}.{body_text}".encode(), hashlib.sha256).hexdigest()
        if not any(k == "v1" and hmac.compare_digest(v, expected) for k, v in parts):
            found.add(("signature", "", "noMatchingSignature"))
        return found
    url = request["url"]
    path = re.sub(r"^https?://[^/]+", "", url).split("?")[0]
    match = next(((m, p, names, op) for m_, p, rx, names, op in operations() if m_ == request["method"] and (m := rx.match(path))), None)
    if match is None:
        raise ValueError(f"no operation matches {request['method']} {path}")
    regex_match, template, names, operation = match
    for index, parameter in enumerate(operation.get("parameters", [])):
        parameter = resolve(parameter)
        value = None
        if parameter["in"] == "path":
            value = regex_match.group(names.index(parameter["name"]) + 1)
        elif parameter["in"] == "header":
            value = headers.get(parameter["name"].lower())
        if value is None:
            continue
        schema_pointer = json_pointer_of(template, request["method"], "parameters", index, "schema")
        if "$ref" in operation["parameters"][index]:
            schema_pointer = operation["parameters"][index]["$ref"][1:] + "/schema"
        for place, keyword in violations(schema_pointer, value):
            found.add(("request." + parameter["in"], "/" + parameter["name"], keyword))
    # `_invalidRequest`: the exchange records the server rejecting a request that is invalid on purpose.
    if body_text is not None and not entry.get("_invalidRequest"):
        pointer = json_pointer_of(template, request["method"], "requestBody", "content", "application/json", "schema")
        for place, keyword in violations(pointer, json.loads(body_text)):
            found.add(("request.body", place, keyword))
    status = str(response["status"])
    declared = operation["responses"].get(status) or operation["responses"].get("default")
    if declared is None:
        raise ValueError(f"status {status} is not declared for {operation['operationId']}")
    if "$ref" in declared:
        pointer = declared["$ref"][1:] + "/content/application~1json/schema"
    else:
        pointer = json_pointer_of(template, request["method"], "responses", status, "content", "application/json", "schema")
    text = response.get("content", {}).get("text")
    if text:
        for place, keyword in violations(pointer, json.loads(text)):
            found.add(("response.body", place, keyword))
    return found

for path in sorted(glob.glob(os.path.join(FIXTURES, "**", "*.har"), recursive=True)):
    name = os.path.relpath(path, FIXTURES)
    try:
        with open(path) as handle:
            entries = json.load(handle)["log"]["entries"]
    except Exception as error:  # noqa: BLE001
        report(False, name, f"not a HAR file: {error}")
        continue
    for index, entry in enumerate(entries):
        label = f"{name} entry {index}"
        try:
            found = check_entry(name, entry)
        except Exception as error:  # noqa: BLE001
            report(False, label, str(error))
            continue
        expected = {(v["in"], v.get("pointer", ""), v["keyword"]) for v in entry.get("_expectedViolations", [])}
        if expected:
            report(found == expected, f"{label} fails as stated {sorted(expected)}", f"found {sorted(found)}")
        else:
            report(not found, f"{label} conforms", sorted(found))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
