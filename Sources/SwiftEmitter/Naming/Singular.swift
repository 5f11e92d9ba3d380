/// The singular of an English plural noun, for naming the element type of a list property
/// (`key_moments` → `KeyMoment`). Irregular and ambiguous plurals come from a table; the rules
/// cover only the endings whose singular is certain. A word neither knows is kept whole: a name
/// that reads oddly (`DataItem`) is better than a truncated one (`Phras`).
enum Singular {
    /// Plurals the rules would get wrong, by their lowercase spelling.
    static let irregular: [String: String] = [
        "analyses": "analysis", "statuses": "status", "indices": "index", "indexes": "index", "aliases": "alias",
        "buses": "bus", "viruses": "virus", "bonuses": "bonus", "campuses": "campus", "censuses": "census",
        "matrices": "matrix", "vertices": "vertex", "appendices": "appendix", "children": "child", "people": "person",
        "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
        "criteria": "criterion", "phenomena": "phenomenon", "theses": "thesis", "crises": "crisis", "bases": "base",
        "diagnoses": "diagnosis", "hypotheses": "hypothesis", "parentheses": "parenthesis", "syntheses": "synthesis",
        "movies": "movie", "cookies": "cookie", "zombies": "zombie", "calories": "calorie", "pies": "pie",
        "ties": "tie", "lies": "lie", "species": "species", "series": "series", "heroes": "hero", "echoes": "echo",
        "potatoes": "potato", "tomatoes": "tomato", "vetoes": "veto", "leaves": "leaf", "lives": "life",
        "knives": "knife", "wives": "wife", "halves": "half", "shelves": "shelf", "wolves": "wolf", "quizzes": "quiz",
    ]

    /// The singular of `word` (lowercase), or `nil` when it is not a plural this knows.
    static func of(_ word: String) -> String? {
        if let known = irregular[word] { return known }
        let count = word.count
        if word.hasSuffix("ies"), count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("yses") { return String(word.dropLast(2)) + "is" }
        for ending in ["sses", "ches", "shes", "xes", "zzes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s"), count > 2, !["ss", "us", "is"].contains(where: { word.hasSuffix($0) }) {
            return String(word.dropLast())
        }
        return nil
    }
}
