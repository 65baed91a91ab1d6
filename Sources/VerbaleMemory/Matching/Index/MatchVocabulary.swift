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

    /// Form texts; `forms.order` sorts form ids by (class, text) for lookups in a loaded index.
    public internal(set) var forms = StringTable()
    public internal(set) var formLanguage: IndexArray<UInt8> = []
    public internal(set) var formKey: IndexArray<UInt32> = []
    public internal(set) var formClass: IndexArray<UInt32> = []
    public internal(set) var formValue: IndexArray<UInt32> = []
    public internal(set) var formKind: IndexArray<UInt8> = []
    /// Class keys (`w:…`, `#date`…) prefixed by the language index.
    public internal(set) var classes = StringTable()
    /// Case-folded keys, prefixed by the language index.
    public internal(set) var keys = StringTable()
    public internal(set) var values = StringTable()

    /// Hash tables for interning, built on first use (an index being built or extended); a
    /// loaded index answers lookups from the tables' sorted orders instead, so opening it
    /// hashes nothing.
    var formIDs: [String: UInt32]?
    var classIDs: [String: UInt32] = [:]
    var keyIDs: [String: UInt32] = [:]
    var valueIDs: [String: UInt32] = [:]

    public init() {}

    public var classCount: Int { classes.count }
    public var formCount: Int { forms.count }

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
        if formIDs == nil { rebuildLookups() }
        let cls = Self.intern(Self.scoped(language, token.classKey), into: &classIDs, list: &classes)
        let formKeyText = Self.formKey(cls, token.text)
        if let id = formIDs?[formKeyText] { return id }
        let id = UInt32(forms.count)
        formIDs?[formKeyText] = id
        forms.append(token.text)
        formLanguage.append(language)
        formKey.append(Self.intern(Self.scoped(language, token.key), into: &keyIDs, list: &keys))
        formClass.append(cls)
        formValue.append(token.value.map { Self.intern($0, into: &valueIDs, list: &values) } ?? UInt32.max)
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

    private static func intern(_ text: String, into ids: inout [String: UInt32], list: inout StringTable) -> UInt32 {
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
        let cls = classID(Self.scoped(language, token.classKey))
        return TokenIDs(
            form: cls.flatMap { formID(class: $0, text: token.token.text) } ?? unknown,
            key: (formIDs != nil ? keyIDs[Self.scoped(language, token.token.key)] : keys.find(Self.scoped(language, token.token.key))) ?? unknown,
            cls: cls ?? unknown,
            value: token.value.map { (formIDs != nil ? valueIDs[$0] : values.find($0)) ?? unknown } ?? UInt32.max,
            kind: Self.kind(of: token).rawValue,
            spaced: token.spaced)
    }

    /// The class id of a scoped class key, or nil when the memory has none. O(1) hashed while
    /// building, O(log classes) on a loaded index.
    func classID(_ scoped: String) -> UInt32? {
        formIDs != nil ? classIDs[scoped] : classes.find(scoped)
    }

    /// The form id of `text` in class `cls`, or nil. O(1) hashed, or O(log forms) loaded.
    func formID(class cls: UInt32, text: String) -> UInt32? {
        if let formIDs { return formIDs[Self.formKey(cls, text)] }
        return formClass.withUnsafeBufferPointer { classOf in
            forms.find(text, rank: { classOf[$0] }, target: cls)
        }
    }

    /// Computes the sorted orders a loaded index looks up in (before writing). O(F log F).
    mutating func sortForLookup() {
        let classOf = formClass
        forms.order = IndexArray(forms.sortedOrder(rank: { classOf[$0] }))
        classes.order = IndexArray(classes.sortedOrder())
        keys.order = IndexArray(keys.sortedOrder())
        values.order = IndexArray(values.sortedOrder())
    }

    /// The comparable ids of a stored token (`form | spaced << 31`).
    @inline(__always)
    func ids(ofStored packed: UInt32) -> TokenIDs {
        let form = Int(packed & 0x7FFF_FFFF)
        // A damaged file's token past the vocabulary compares as an unknown word.
        guard form < formKind.count else {
            return TokenIDs(form: UInt32.max - 1, key: UInt32.max - 1, cls: UInt32.max - 1, value: UInt32.max, kind: Kind.word.rawValue,
                            spaced: packed & 0x8000_0000 != 0)
        }
        return TokenIDs(form: UInt32(form), key: formKey[form], cls: formClass[form], value: formValue[form],
                        kind: formKind[form], spaced: packed & 0x8000_0000 != 0)
    }

    /// Builds the hash tables from the lists (before interning into a loaded index). O(forms).
    mutating func rebuildLookups() {
        var ids = [String: UInt32](minimumCapacity: forms.count)
        for id in 0..<forms.count { ids[Self.formKey(formClass[id], forms.string(at: id))] = UInt32(id) }
        formIDs = ids
        func table(_ list: StringTable) -> [String: UInt32] {
            var table = [String: UInt32](minimumCapacity: list.count)
            for id in 0..<list.count { table[list.string(at: id)] = UInt32(id) }
            return table
        }
        classIDs = table(classes)
        keyIDs = table(keys)
        valueIDs = table(values)
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
