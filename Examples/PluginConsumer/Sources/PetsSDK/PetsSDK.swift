// The SDK of a spec split over several files (openapi.yaml, schemas/pet.yaml, ../../Specs/tag.yaml):
// the build plugin generates it, and reruns when any of the three changes.
@_exported import SpecRuntime
