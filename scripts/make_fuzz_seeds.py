#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets under Tests/Fuzz/corpus/<target>/ from spec/, the
recorded fixtures and the test inputs. Seeds are named by content hash, so running it again adds
nothing new; inputs the fuzzer found and `scripts/fuzz.sh --merge` kept sit beside them."""
import hashlib
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "Tests" / "Fuzz" / "corpus"


def add(target: str, data: bytes) -> None:
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


specs = [root / "spec/openapi.yaml", *sorted((root / "Tests/Golden").glob("*.yaml")),
         *sorted((root / "Tests/OpenAPIModelTests/Diagnostics").glob("*.yaml"))]
for path in specs:
    add("yaml-reader", path.read_bytes())
    add("spec-model", path.read_bytes())
for path in sorted((root / "Tests/YAMLReaderTests/Inputs").iterdir()):
    add("yaml-reader", path.read_bytes())

for path in sorted((root / "spec/fixtures").rglob("*.har")):
    add("har-archive", path.read_bytes())
    for entry in json.loads(path.read_text())["log"]["entries"]:
        request, response = entry["request"], entry["response"]
        request_body = (request.get("postData") or {}).get("text")
        response_body = (response.get("content") or {}).get("text")
        signature = next((h["value"] for h in request["headers"] if h["name"].lower() == "kallglot-signature"), None)
        if signature is not None and request_body is not None:
            add("webhook-verifier", signature.encode() + b"\n" + request_body.encode())
        for body in (request_body, response_body):
            if body:
                add("model-decoding", body.encode())

for case in json.loads((root / "Tests/LinearRegexTests/Inputs/cases.json").read_text()):
    add("pattern", (case["pattern"] + "\n" + case["input"]).encode())
for case in json.loads((root / "Tests/LinearRegexTests/Inputs/refusals.json").read_text()):
    add("pattern", (case["pattern"] + "\n").encode())
