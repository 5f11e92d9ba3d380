/// A set of Unicode general categories, for `\p{…}` and `\P{…}`.
struct GeneralCategoryMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The one category of a scalar.
    init(_ category: Unicode.GeneralCategory) {
        self.init(rawValue: 1 << Self.bit(category))
    }

    private static func bit(_ category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: 0
        case .lowercaseLetter: 1
        case .titlecaseLetter: 2
        case .modifierLetter: 3
        case .otherLetter: 4
        case .nonspacingMark: 5
        case .spacingMark: 6
        case .enclosingMark: 7
        case .decimalNumber: 8
        case .letterNumber: 9
        case .otherNumber: 10
        case .connectorPunctuation: 11
        case .dashPunctuation: 12
        case .openPunctuation: 13
        case .closePunctuation: 14
        case .initialPunctuation: 15
        case .finalPunctuation: 16
        case .otherPunctuation: 17
        case .mathSymbol: 18
        case .currencySymbol: 19
        case .modifierSymbol: 20
        case .otherSymbol: 21
        case .spaceSeparator: 22
        case .lineSeparator: 23
        case .paragraphSeparator: 24
        case .control: 25
        case .format: 26
        case .surrogate: 27
        case .privateUse: 28
        case .unassigned: 29
        @unknown default: 29
        }
    }

    private static func of(_ categories: Unicode.GeneralCategory...) -> GeneralCategoryMask {
        categories.reduce(into: []) { $0.formUnion(GeneralCategoryMask($1)) }
    }

    /// The ECMA-262 (Unicode `PropertyValueAliases.txt`) names of each general category value:
    /// the short name, the long name, and any other alias. Names are case-sensitive.
    private static let table: [([String], GeneralCategoryMask)] = [
        (["L", "Letter"], of(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter)),
        (["LC", "Cased_Letter"], of(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter)),
        (["Lu", "Uppercase_Letter"], of(.uppercaseLetter)),
        (["Ll", "Lowercase_Letter"], of(.lowercaseLetter)),
        (["Lt", "Titlecase_Letter"], of(.titlecaseLetter)),
        (["Lm", "Modifier_Letter"], of(.modifierLetter)),
        (["Lo", "Other_Letter"], of(.otherLetter)),
        (["M", "Mark", "Combining_Mark"], of(.nonspacingMark, .spacingMark, .enclosingMark)),
        (["Mn", "Nonspacing_Mark"], of(.nonspacingMark)),
        (["Mc", "Spacing_Mark"], of(.spacingMark)),
        (["Me", "Enclosing_Mark"], of(.enclosingMark)),
        (["N", "Number"], of(.decimalNumber, .letterNumber, .otherNumber)),
        (["Nd", "Decimal_Number", "digit"], of(.decimalNumber)),
        (["Nl", "Letter_Number"], of(.letterNumber)),
        (["No", "Other_Number"], of(.otherNumber)),
        (
            ["P", "Punctuation", "punct"],
            of(
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation)
        ),
        (["Pc", "Connector_Punctuation"], of(.connectorPunctuation)),
        (["Pd", "Dash_Punctuation"], of(.dashPunctuation)),
        (["Ps", "Open_Punctuation"], of(.openPunctuation)),
        (["Pe", "Close_Punctuation"], of(.closePunctuation)),
        (["Pi", "Initial_Punctuation"], of(.initialPunctuation)),
        (["Pf", "Final_Punctuation"], of(.finalPunctuation)),
        (["Po", "Other_Punctuation"], of(.otherPunctuation)),
        (["S", "Symbol"], of(.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol)),
        (["Sm", "Math_Symbol"], of(.mathSymbol)),
        (["Sc", "Currency_Symbol"], of(.currencySymbol)),
        (["Sk", "Modifier_Symbol"], of(.modifierSymbol)),
        (["So", "Other_Symbol"], of(.otherSymbol)),
        (["Z", "Separator"], of(.spaceSeparator, .lineSeparator, .paragraphSeparator)),
        (["Zs", "Space_Separator"], of(.spaceSeparator)),
        (["Zl", "Line_Separator"], of(.lineSeparator)),
        (["Zp", "Paragraph_Separator"], of(.paragraphSeparator)),
        (["C", "Other"], of(.control, .format, .surrogate, .privateUse, .unassigned)),
        (["Cc", "Control", "cntrl"], of(.control)),
        (["Cf", "Format"], of(.format)),
        (["Cs", "Surrogate"], of(.surrogate)),
        (["Co", "Private_Use"], of(.privateUse)),
        (["Cn", "Unassigned"], of(.unassigned)),
    ]

    /// The categories `\p{name}` names: `L`, `Letter`, `General_Category=L` or `gc=L`; `nil` for
    /// anything else (scripts, binary properties, misspellings).
    static func named(_ name: String) -> GeneralCategoryMask? {
        var value = Substring(name)
        for prefix in ["General_Category=", "gc="] where value.hasPrefix(prefix) {
            value = value.dropFirst(prefix.count)
        }
        return table.first { $0.0.contains(String(value)) }?.1
    }
}
