// Derived from Tests/Golden/*.yaml by GoldenModelIndexTests (UPDATE_GOLDEN=1). Do not edit.
// swift-format-ignore-file
import GoldenEnumsAndUnions
import GoldenObjectsAndOptionality
@_spi(Generated) import SpecRuntime

/// The generated type of each named schema of the golden specs without a client, by
/// `<golden>#/components/schemas/<name>`, as a codec that decodes and validates.
public let goldenModelCodecs: [String: BodyCodec] = [
    "objects-and-optionality#/components/schemas/Session": BodyCodec(GoldenObjectsAndOptionality.Session.self),
    "enums-and-unions#/components/schemas/Status": BodyCodec(GoldenEnumsAndUnions.Status.self),
    "enums-and-unions#/components/schemas/Job": BodyCodec(GoldenEnumsAndUnions.Job.self),
    "enums-and-unions#/components/schemas/JobEvent": BodyCodec(GoldenEnumsAndUnions.JobEvent.self),
    "enums-and-unions#/components/schemas/Started": BodyCodec(GoldenEnumsAndUnions.Started.self),
    "enums-and-unions#/components/schemas/Finished": BodyCodec(GoldenEnumsAndUnions.Finished.self),
    "enums-and-unions#/components/schemas/Event": BodyCodec(GoldenEnumsAndUnions.Event.self),
    "enums-and-unions#/components/schemas/Tree": BodyCodec(GoldenEnumsAndUnions.Tree.self),
    "enums-and-unions#/components/schemas/Cat": BodyCodec(GoldenEnumsAndUnions.Cat.self),
    "enums-and-unions#/components/schemas/Dog": BodyCodec(GoldenEnumsAndUnions.Dog.self),
    "enums-and-unions#/components/schemas/PetOrName": BodyCodec(GoldenEnumsAndUnions.PetOrName?.self, checkedBy: { body, context in body?.validate(in: &context) }),
    "enums-and-unions#/components/schemas/Expression": BodyCodec(GoldenEnumsAndUnions.Expression.self),
    "enums-and-unions#/components/schemas/Sum": BodyCodec(GoldenEnumsAndUnions.Sum.self),
    "enums-and-unions#/components/schemas/Moment": BodyCodec(GoldenEnumsAndUnions.Moment.self),
    "enums-and-unions#/components/schemas/Pets": BodyCodec(GoldenEnumsAndUnions.Pets.self),
    "enums-and-unions#/components/schemas/Identifier": BodyCodec(GoldenEnumsAndUnions.Identifier.self),
    "enums-and-unions#/components/schemas/Narrowed": BodyCodec(GoldenEnumsAndUnions.Narrowed.self),
]
