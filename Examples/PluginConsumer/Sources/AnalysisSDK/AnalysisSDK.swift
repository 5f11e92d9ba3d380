// The rest of this module is generated at build time from openapi.yaml by SpecCodegenPlugin.
@_exported import SpecRuntime
