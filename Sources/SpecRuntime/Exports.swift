// Generated clients speak swift-http-types at their boundary; re-exporting it means a target
// with generated code depends on SpecRuntime alone.
@_exported import HTTPTypes
