// Generated clients speak swift-http-types at their boundary; re-exporting it means a target
// with generated code depends on SpecRuntime alone.
@_exported import HTTPTypes
import SpecCore

/// Where a request parameter travels (`path`, `query`, `header`), as violations report it.
public typealias ParameterLocation = SpecCore.ParameterLocation
