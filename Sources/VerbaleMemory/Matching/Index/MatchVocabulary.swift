import VerbaleCore

/// Interned token forms of a memory, so that scoring compares integers, not strings.
///
/// Each distinct (language, token text) is a *form*; a form points to its case-folded *key*,
/// its *class* (see `MatchToken`) and, for numbers and placeables, its *value*. All four are
/// per language, so English `six` and French `six` never meet. Cost: one hash lookup per token
/// to intern or to look up; memory O(distinct forms).
public struct MatchVocabulary: Sendable {
    /// What the cost model needs to know about a form.
    public enum Kind: UInt8, Sendable { case word = 0, valued = 1, punctuation = 2 }

    public internal(set) var formText: [String] = []
    public internal(set) var formLanguage: [UInt8] = []
    public internal(set) var formKey: [UInt32] = []
    public internal(set) var formClass: [UInt32] = []
    public internal(set) var formValue: [UInt32] = []
    public internal(set) var formKind: [UInt8] = []
    /// Class keys (`w:…`, `#date`…) prefixed by the language index.
    public internal(set) var classText: [String] = []
    public internal(set) var keyText: [String] = []
    public internal(set) var valueText: [String] = []

    var formIDs: [String: UInt32] = [:]
    var classIDs: [String: UInt32] = [:]
    var keyIDs: [String: UInt32] = [:]
    var valueIDs: [String: UInt32] = [:]

    public init() {}

    public var classCount: Int { classText.count }

    /// The index of a language in `Language.allCases` (what entries store).
    public static func languageIndex(_ language: Language) -> UInt8 {
        UInt8(Language.allCases.firstIndex(of: language) ?? 0)
    }

    static func scoped(_ language: UInt8, _ text: String) -> String { "\(language)\u{1}\(text)" }

    /// The form id of `token`, adding it (and its key, class, value) when new. A form is a
    /// text *within its class*: the tokenizer may call the same text a word in one context and
    /// something else in another, and the index's bound needs one class per form.
    mutating func intern(_ token: MatchToken, language: UInt8) -> UInt32 {
        intern(StoredToken(token), language: language)
    }

    /// Interns a token read back from the store (no tokenizer needed).
    mutating func intern(_ token: StoredToken, language: UInt8) -> UInt32 {
        let cls = Self.intern(Self.scoped(language, token.classKey), into: &classIDs, list: &classText)
        let formKeyText = Self.formKey(cls, token.text)
        if let id = formIDs[formKeyText] { return id }
        let id = UInt32(formText.count)
        formIDs[formKeyText] = id
        formText.append(token.text)
        formLanguage.append(language)
        formKey.append(Self.intern(Self.scoped(language, token.key), into: &keyIDs, list: &keyText))
        formClass.append(cls)
        formValue.append(token.value.map { Self.intern($0, into: &valueIDs, list: &valueText) } ?? UInt32.max)
        formKind.append(token.kind.rawValue)
        return id
    }

    static func formKey(_ cls: UInt32, _ text: String) -> String { "\(cls)\u{1}\(text)" }

    static func kind(of token: MatchToken) -> Kind {
        switch token.token.kind {
        case .word: .word
        case .number, .placeable: .valued
        case .punctuation: .punctuation
        }
    }

    private static func intern(_ text: String, into ids: inout [String: UInt32], list: inout [String]) -> UInt32 {
        if let id = ids[text] { return id }
        let id = UInt32(list.count)
        ids[text] = id
        list.append(text)
        return id
    }

    /// The comparable ids of a query token, looked up without interning: parts the memory
    /// has never seen get ids that equal nothing stored.
    public func ids(of token: MatchToken, language: UInt8) -> TokenIDs {
        let unknown = UInt32.max - 1
        let cls = classIDs[Self.scoped(language, token.classKey)]
        return TokenIDs(
            form: cls.flatMap { formIDs[Self.formKey($0, token.token.text)] } ?? unknown,
            key: keyIDs[Self.scoped(language, token.token.key)] ?? unknown,
            cls: cls ?? unknown,
            value: token.value.map { valueIDs[$0] ?? unknown } ?? UInt32.max,
            kind: Self.kind(of: token).rawValue,
            spaced: token.spaced)
    }

    /// The comparable ids of a stored token (`form | spaced << 31`).
    @inline(__always)
    func ids(ofStored packed: UInt32) -> TokenIDs {
        let form = Int(packed & 0x7FFF_FFFF)
        return TokenIDs(form: UInt32(form), key: formKey[form], cls: formClass[form], value: formValue[form],
                        kind: formKind[form], spaced: packed & 0x8000_0000 != 0)
    }

    /// Rebuilds the lookup tables after loading the lists from disk. O(distinct forms).
    mutating func rebuildLookups() {
        formIDs = Dictionary(minimumCapacity: formText.count)
        for (id, text) in formText.enumerated() { formIDs[Self.formKey(formClass[id], text)] = UInt32(id) }
        classIDs = Dictionary(uniqueKeysWithValues: classText.enumerated().map { ($1, UInt32($0)) })
        keyIDs = Dictionary(uniqueKeysWithValues: keyText.enumerated().map { ($1, UInt32($0)) })
        valueIDs = Dictionary(uniqueKeysWithValues: valueText.enumerated().map { ($1, UInt32($0)) })
    }
}

/// A token reduced to the integers the cost model compares.
public struct TokenIDs: Hashable, Sendable {
    public var form: UInt32
    public var key: UInt32
    public var cls: UInt32
    public var value: UInt32
    public var kind: UInt8
    public var spaced: Bool

    @inline(__always) public var isPunctuation: Bool { kind == MatchVocabulary.Kind.punctuation.rawValue }
}
