#!/usr/bin/env python3
"""Writes the HAR fixtures under spec/fixtures/ from the exchanges listed below.

The fixtures are data, committed; this script is how they were made (and how to remake them after
changing an exchange), so that webhook signatures stay correct for the test secret. A recording
from a live server needs no script: drop the HAR file into the right folder.
"""
import base64, copy, hashlib, hmac, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "spec", "fixtures")
BASE = "https://api.kallglot.com"
API_KEY = "sk_test_fixture_key_do_not_use"
WEBHOOK_SECRET = "whsec_test_kallglot_fixture_secret"
WEBHOOK_URL = "https://your-app.com/webhooks/analysis"

PAGE_REQUEST = {"analyses": ["sentiment", "summary", "action_items", "quality"], "language": "en",
                "webhook_url": "https://your-app.com/webhooks/analysis"}
PAGE_RESPONSE = {"id": "ana_01HDEF456789012", "object": "analysis", "session_id": "sess_01HXYZ123456789",
                 "status": "queued", "analyses": ["sentiment", "summary", "action_items", "quality"],
                 "language": "en", "created_at": "2026-03-26T11:10:00Z", "estimated_completion": "2026-03-26T11:10:30Z"}

ALL_SIX = ["sentiment", "topics", "summary", "action_items", "quality", "compliance"]
RESULTS = {
    "sentiment": {
        "overall_score": 0.42, "overall_label": "positive",
        "segments": [
            {"start_seconds": 0, "end_seconds": 12.5, "speaker": "agent", "score": 0.6, "label": "positive"},
            {"start_seconds": 12.5, "end_seconds": 40.0, "speaker": "customer", "score": -0.35, "label": "negative"},
            {"start_seconds": 40.0, "end_seconds": 95.2, "speaker": "customer", "score": 0.7, "label": "positive"}],
        "trend": [{"offset_seconds": 0, "score": 0.6}, {"offset_seconds": 30, "score": -0.35}, {"offset_seconds": 90, "score": 0.7}],
        "key_moments": [
            {"offset_seconds": 31.0, "kind": "negative_peak", "score": -0.8, "excerpt": "I have been charged twice this month."},
            {"offset_seconds": 88.5, "kind": "positive_peak", "score": 0.9, "excerpt": "Thank you, that solves it."}]},
    "topics": {"topics": [{"name": "billing", "relevance": 0.92, "mentions": 7}, {"name": "refund", "relevance": 0.64, "mentions": 3}],
               "keywords": ["double charge", "refund", "invoice"]},
    "summary": {"overview": "The customer reported a duplicate charge; the agent issued a refund.",
                "key_points": ["Duplicate charge on the March invoice", "Refund issued for the second charge"],
                "outcome": "Resolved: refund of the duplicate charge within 5 business days."},
    "action_items": {"items": [
        {"description": "Send the refund confirmation email", "assigned_to": "agent", "due_date": "2026-03-27", "priority": "high"},
        {"description": "Check the bank statement next week", "assigned_to": "customer", "due_date": None, "priority": "low"},
        {"description": "Review the billing setup", "assigned_to": "agent", "priority": "medium"}]},
    "quality": {"talk_time_ratio": {"agent": 0.45, "customer": 0.5}, "interruption_count": 2, "hold_time_seconds": 35.0,
                "average_response_latency_ms": 820, "overall_score": 87.5},
    "compliance": {"required_phrases": [{"phrase": "This call may be recorded", "used": True, "offset_seconds": 2.1},
                                        {"phrase": "Is there anything else I can help with", "used": False}],
                   "prohibited_phrases": [{"phrase": "guaranteed", "occurrences": 1}],
                   "disclosures": [{"name": "recording notice", "completed": True}, {"name": "refund terms", "completed": True}],
                   "disclosure_completion": 1.0, "overall_score": 92}}

def analysis(status, analyses=ALL_SIX, **extra):
    body = {"id": "ana_01HDEF456789012", "object": "analysis", "session_id": "sess_01HXYZ123456789", "status": status,
            "analyses": analyses, "language": "en", "created_at": "2026-03-26T11:10:00Z",
            "estimated_completion": "2026-03-26T11:10:30Z"}
    body.update(extra)
    return body

COMPLETE = analysis("complete", completed_at="2026-03-26T11:10:27.512Z", results=RESULTS)
FAILED = analysis("failed", analyses=["sentiment", "summary"], failed_at="2026-03-26T11:10:41Z",
                  failure={"code": "transcript_unavailable", "message": "The session's transcript could not be loaded."})

def error(code, message, type_, param=None):
    return {"error": {"code": code, "message": message, "type": type_, "param": param,
                      "doc_url": "https://developer.kallglot.com/errors#" + code}}

RATE_HEADERS = [("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "97"), ("X-RateLimit-Reset", "1774523460")]

def dump(body):
    return json.dumps(body, separators=(", ", ": "), ensure_ascii=False)

def entry(method, path, status, response_body, request_body=None, request_headers=(), response_headers=(),
          started="2026-03-26T11:10:00.000Z", url=None, status_text=None, request_id="req_01HREQ000000001", auth=True,
          request_type="application/json", response_type="application/json"):
    """One exchange; `request_type` and `response_type` are the bodies' Content-Type headers (and
    HAR mimeTypes), `None` for no header."""
    headers = [("Accept", "application/json"), ("User-Agent", "kallglot-fixture-recorder/1")]
    if auth:
        headers.insert(0, ("Authorization", "Bearer " + API_KEY))
    if request_body is not None and request_type is not None:
        headers.append(("Content-Type", request_type))
    headers += list(request_headers)
    request = {"method": method, "url": url or BASE + path, "httpVersion": "HTTP/1.1",
               "headers": [{"name": n, "value": v} for n, v in headers], "queryString": [], "cookies": [],
               "headersSize": -1, "bodySize": 0}
    if request_body is not None:
        text = request_body if isinstance(request_body, str) else dump(request_body)
        request["postData"] = {"mimeType": request_type or "", "text": text}
        request["bodySize"] = len(text.encode())
    text = response_body if isinstance(response_body, str) else dump(response_body)
    rheaders = [("Content-Type", response_type)] if response_type is not None else []
    if request_id:
        rheaders.append(("X-Request-ID", request_id))
    rheaders += list(response_headers)
    response = {"status": status, "statusText": status_text or STATUS_TEXT.get(status, ""), "httpVersion": "HTTP/1.1",
                "headers": [{"name": n, "value": v} for n, v in rheaders], "cookies": [],
                "content": {"size": len(text.encode()), "mimeType": response_type or "", "text": text},
                "redirectURL": "", "headersSize": -1, "bodySize": len(text.encode())}
    return {"startedDateTime": started, "time": 84, "request": request, "response": response, "cache": {},
            "timings": {"send": 1, "wait": 80, "receive": 3}}

STATUS_TEXT = {200: "OK", 202: "Accepted", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
               409: "Conflict", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
               502: "Bad Gateway", 503: "Service Unavailable"}

def webhook(name, event, started, tamper=None, signature_header=None, content_type="application/json"):
    body = dump(event)
    timestamp = int(__import__("datetime").datetime.strptime(started, "%Y-%m-%dT%H:%M:%S.%fZ")
                    .replace(tzinfo=__import__("datetime").timezone.utc).timestamp())
    signature = hmac.new(WEBHOOK_SECRET.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    if tamper:
        body = tamper(body)
    header = signature_header or f"t={timestamp},v1={signature}"
    item = entry("POST", None, 200, "", request_body=body, url=WEBHOOK_URL, auth=False, request_id=None, started=started,
                 request_headers=[("Kallglot-Signature", header)], request_type=content_type)
    item["request"]["headers"] = [h for h in item["request"]["headers"] if h["name"] != "Accept"]
    item["response"]["content"] = {"size": 0, "mimeType": "text/plain", "text": ""}
    item["response"]["headers"] = []
    item["_webhook"] = name
    return item

def har(*entries, comment=""):
    return {"log": {"version": "1.2", "creator": {"name": "kallglot-fixture-recorder", "version": "1"},
                    "comment": comment, "entries": list(entries)}}

CREATE = "/v1/sessions/sess_01HXYZ123456789/analysis"
POLL = "/v1/analyses/ana_01HDEF456789012"
ok_headers = [("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "99"), ("X-RateLimit-Reset", "1774523460")]

FIXTURES = {
    "create/page-example.har": har(entry("POST", CREATE, 202, PAGE_RESPONSE, PAGE_REQUEST, response_headers=ok_headers),
                                   comment="The exchange on the endpoint's page, exactly."),
    "create/all-six-with-custom-prompts.har": har(entry("POST", CREATE, 202, analysis("queued"),
        {"analyses": ALL_SIX, "language": "de", "custom_prompts": {"summary": "Focus on billing.", "compliance": "Use the EU script."}},
        request_headers=[("Idempotency-Key", "5b8c3f0e-1f2a-4c8e-9d7a-2f6b1e0c9a11")], response_headers=ok_headers),
        comment="Every analysis type, custom prompts, and an Idempotency-Key."),
    "create/idempotent-retry.har": har(
        entry("POST", CREATE, 202, PAGE_RESPONSE, PAGE_REQUEST, request_headers=[("Idempotency-Key", "0f0e5d2c-8a4b-4b1e-a3f9-6c2d7e8f9a10")],
              response_headers=ok_headers),
        entry("POST", CREATE, 202, PAGE_RESPONSE, PAGE_REQUEST, request_headers=[("Idempotency-Key", "0f0e5d2c-8a4b-4b1e-a3f9-6c2d7e8f9a10")],
              response_headers=ok_headers, started="2026-03-26T11:10:01.500Z"),
        comment="A retry with the same Idempotency-Key returns the first response."),
    "poll/queued.har": har(entry("GET", POLL, 200, analysis("queued", analyses=PAGE_REQUEST["analyses"]), response_headers=ok_headers,
                                 started="2026-03-26T11:10:05.000Z")),
    "poll/processing.har": har(entry("GET", POLL, 200, analysis("processing", analyses=PAGE_REQUEST["analyses"]), response_headers=ok_headers,
                                     started="2026-03-26T11:10:15.000Z", response_type="application/json; charset=utf-8"),
                               comment="Labelled with a charset parameter, as many servers send JSON: still application/json."),
    "poll/complete-all-six-results.har": har(entry("GET", POLL, 200, COMPLETE, response_headers=ok_headers, started="2026-03-26T11:10:31.000Z"),
                                             comment="A complete analysis with all six result types."),
    "poll/failed.har": har(entry("GET", POLL, 200, FAILED, response_headers=ok_headers, started="2026-03-26T11:10:45.000Z")),
    "errors/400-missing-analyses.har": har(dict(entry("POST", CREATE, 400, error("missing_required_field", "The 'analyses' field is required.", "validation_error", "analyses"),
                                                 {"language": "en"}), _invalidRequest=True),
                                           comment="The server's answer to a request without 'analyses'; the request is invalid on purpose."),
    "errors/400-idempotency-mismatch.har": har(entry("POST", CREATE, 400, error("idempotency_mismatch", "This Idempotency-Key was used with a different request body.", "validation_error"),
                                                     PAGE_REQUEST, request_headers=[("Idempotency-Key", "0f0e5d2c-8a4b-4b1e-a3f9-6c2d7e8f9a10")])),
    "errors/401-invalid-api-key.har": har(entry("POST", CREATE, 401, error("invalid_api_key", "The API key provided is invalid.", "authentication_error"), PAGE_REQUEST)),
    "errors/403-insufficient-permissions.har": har(entry("POST", CREATE, 403, error("insufficient_permissions", "This API key cannot request analysis.", "authorization_error"), PAGE_REQUEST)),
    "errors/404-session-not-found.har": har(entry("POST", CREATE, 404, error("session_not_found", "No session with id 'sess_01HXYZ123456789'.", "not_found_error", "id"), PAGE_REQUEST)),
    "errors/404-analysis-not-found.har": har(entry("GET", POLL, 404, error("analysis_not_found", "No analysis with id 'ana_01HDEF456789012'.", "not_found_error", "id"))),
    "errors/409-session-not-analyzable.har": har(entry("POST", CREATE, 409, error("session_not_analyzable", "Analysis requires a completed session with transcription enabled.", "conflict_error", "id"), PAGE_REQUEST),
                                                 comment="The case the page names: a session without a completed transcript."),
    "errors/409-idempotency-conflict.har": har(entry("POST", CREATE, 409, error("idempotency_conflict", "A request with this Idempotency-Key is still being processed.", "conflict_error"),
                                                     PAGE_REQUEST, request_headers=[("Idempotency-Key", "0f0e5d2c-8a4b-4b1e-a3f9-6c2d7e8f9a10")])),
    "errors/422-unsupported-language.har": har(entry("POST", CREATE, 422, error("unsupported_language", "The language 'xx' is not supported.", "validation_error", "language"),
                                                     {"analyses": ["summary"], "language": "xx"})),
    "errors/429-retry-after.har": har(entry("POST", CREATE, 429, error("rate_limit_exceeded", "Too many requests. Retry after 2 seconds.", "rate_limit_error"), PAGE_REQUEST,
                                            response_headers=[("Retry-After", "2"), ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1774523402")])),
    "errors/500-internal-error.har": har(entry("POST", CREATE, 500, error("internal_error", "An unexpected error occurred.", "api_error"), PAGE_REQUEST)),
    "errors/502-upstream-error.har": har(entry("POST", CREATE, 502, error("upstream_error", "An upstream service failed. Retry the request.", "api_error"), PAGE_REQUEST)),
    "errors/503-service-unavailable.har": har(entry("POST", CREATE, 503, error("service_unavailable", "The service is temporarily unavailable.", "api_error"), PAGE_REQUEST,
                                                    response_headers=[("Retry-After", "5")])),
    "webhooks/analysis-complete.har": har(webhook("analysis.complete", {"id": "evt_01HEVT000000001", "type": "analysis.complete", "api_version": "v1",
                                                                          "created_at": "2026-03-26T11:10:28Z", "data": COMPLETE}, "2026-03-26T11:10:28.000Z")),
    "webhooks/analysis-failed.har": har(webhook("analysis.failed", {"id": "evt_01HEVT000000002", "type": "analysis.failed", "api_version": "v1",
                                                                      "created_at": "2026-03-26T11:10:42Z", "data": FAILED}, "2026-03-26T11:10:42.000Z")),
}

def negative(item, violations, comment):
    item["_expectedViolations"] = violations
    return har(item, comment=comment)

bad_score = copy.deepcopy(COMPLETE); bad_score["results"]["sentiment"]["overall_score"] = 1.7
bad_type = copy.deepcopy(COMPLETE); bad_type["results"]["quality"]["interruption_count"] = "three"
missing = analysis("processing", analyses=["summary"]); del missing["status"]
bad_prefix = analysis("queued", analyses=["summary"]); bad_prefix["id"] = "an_01HDEF456789012"
NEGATIVES = {
    "negative/response-score-out-of-range.har": negative(entry("GET", POLL, 200, bad_score),
        [{"in": "response.body", "pointer": "/results/sentiment/overall_score", "keyword": "maximum"}], "An overall sentiment score above 1."),
    "negative/response-wrong-field-type.har": negative(entry("GET", POLL, 200, bad_type),
        [{"in": "response.body", "pointer": "/results/quality/interruption_count", "keyword": "type"}], "A count sent as a string."),
    "negative/response-missing-required-field.har": negative(entry("GET", POLL, 200, missing),
        [{"in": "response.body", "pointer": "", "keyword": "required", "property": "status"}], "An analysis without its status."),
    "negative/response-bad-id-prefix.har": negative(entry("GET", POLL, 200, bad_prefix),
        [{"in": "response.body", "pointer": "/id", "keyword": "pattern"}], "An analysis id without the ana_ prefix."),
    "negative/request-duplicate-analyses.har": negative(entry("POST", CREATE, 202, PAGE_RESPONSE, {"analyses": ["summary", "sentiment", "summary"]}),
        [{"in": "request.body", "pointer": "/analyses", "keyword": "uniqueItems"}], "The same analysis type requested twice."),
    "negative/request-unknown-analysis-type.har": negative(entry("POST", CREATE, 202, PAGE_RESPONSE, {"analyses": ["sentiment", "mood"]}),
        [{"in": "request.body", "pointer": "/analyses/1", "keyword": "enum"}], "An analysis type the API does not have."),
    "negative/response-html-content-type.har": negative(entry("GET", POLL, 200, analysis("queued", analyses=PAGE_REQUEST["analyses"]),
                                                              response_type="text/html"),
        [{"in": "response.header", "pointer": "/Content-Type", "keyword": "contentType"}],
        "A valid analysis labelled text/html: the spec declares only application/json."),
    "negative/request-text-plain-content-type.har": negative(entry("POST", CREATE, 202, PAGE_RESPONSE, PAGE_REQUEST, request_type="text/plain"),
        [{"in": "request.header", "pointer": "/Content-Type", "keyword": "contentType"}],
        "The page's request labelled text/plain: the spec declares only application/json."),
    "negative/webhook-text-plain-content-type.har": negative(
        webhook("analysis.failed", {"id": "evt_01HEVT000000004", "type": "analysis.failed", "api_version": "v1",
                                    "created_at": "2026-03-26T11:10:42Z", "data": FAILED}, "2026-03-26T11:10:42.000Z",
                content_type="text/plain"),
        [{"in": "request.header", "pointer": "/Content-Type", "keyword": "contentType"}],
        "A correctly signed delivery labelled text/plain: the webhook declares only application/json."),
    "negative/webhook-tampered-signature.har": negative(
        webhook("analysis.complete", {"id": "evt_01HEVT000000003", "type": "analysis.complete", "api_version": "v1",
                                      "created_at": "2026-03-26T11:10:28Z", "data": COMPLETE}, "2026-03-26T11:10:28.000Z",
                tamper=lambda body: body.replace('"overall_score": 87.5', '"overall_score": 97.5')),
        [{"in": "signature", "keyword": "noMatchingSignature"}], "The body was changed after signing."),
}

def main():
    for name, content in {**FIXTURES, **NEGATIVES}.items():
        path = os.path.join(ROOT, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            json.dump(content, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    print(f"{len(FIXTURES) + len(NEGATIVES)} fixtures written under spec/fixtures/")

if __name__ == "__main__":
    main()
