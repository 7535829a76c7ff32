import Foundation

/// What every encoder of one ``CompactJSONEncoder`` call shares.
final class CompactJSONContext {
    let userInfo: [CodingUserInfoKey: Any]
    /// The same, for the JSONEncoder of the types it encodes its own way.
    let referenceUserInfo: [CodingUserInfoKey: any Sendable]
    /// A misuse `JSONEncoder` traps on (a second container of another kind at one path…), found where nothing
    /// can throw; thrown once the value is encoded, so that a faulty `encode(to:)` fails instead of crashing.
    var deferredError: EncodingError?

    init(userInfo: [CodingUserInfoKey: Any], referenceUserInfo: [CodingUserInfoKey: any Sendable]) {
        self.userInfo = userInfo
        self.referenceUserInfo = referenceUserInfo
    }

    func record(_ message: String, at path: [any CodingKey]) {
        if deferredError == nil {
            deferredError = .invalidValue(message, .init(codingPath: path, debugDescription: message))
        }
    }
}

/// A key of ``CompactJSONEncoder``'s coding paths: array indexes and `super`, named as JSONEncoder names them.
struct CompactJSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
    init(intValue: Int) { (stringValue, self.intValue) = ("Index \(intValue)", intValue) }
    static let superKey = CompactJSONKey(stringValue: "super")
}

/// The `Encoder` of one value: collects what the value encodes as a ``CompactJSONNode``.
///
/// Coding paths are not stored but walked up from the parent on demand, as only errors and a few `encode(to:)`
/// implementations ever read them.
final class CompactJSONValueEncoder: Encoder {
    enum Storage {
        case empty
        case single(CompactJSONNode)
        case object(CompactJSONObject)
        case array(CompactJSONArray)
    }

    let context: CompactJSONContext
    let parent: CompactJSONValueEncoder?
    /// The last component of the coding path (`nil` for the top level).
    let key: (any CodingKey)?
    var storage = Storage.empty

    init(context: CompactJSONContext, parent: CompactJSONValueEncoder?, key: (any CodingKey)?) {
        self.context = context
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: CompactJSONValueEncoder? = self
        while let current = encoder {
            if let key = current.key { path.append(key) }
            encoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    /// What was encoded; a value that encoded nothing is `{}`, as with JSONEncoder (except at the top level,
    /// which ``CompactJSONEncoder`` checks).
    func takeNode() -> CompactJSONNode {
        switch storage {
        case .empty: .object(CompactJSONObject())
        case .single(let node): node
        case .object(let object): .object(object)
        case .array(let array): .array(array)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch storage {
        case .object(let object):
            // A second keyed container at one path adds to the first, as in JSONEncoder.
            return KeyedEncodingContainer(CompactJSONKeyedContainer(encoder: self, object: object))
        case .empty:
            let object = CompactJSONObject()
            storage = .object(object)
            return KeyedEncodingContainer(CompactJSONKeyedContainer(encoder: self, object: object))
        case .single, .array:
            context.record("a keyed container was asked for where another value was encoded", at: codingPath)
            return KeyedEncodingContainer(CompactJSONKeyedContainer(encoder: self, object: CompactJSONObject()))
        }
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch storage {
        case .array(let array): return CompactJSONUnkeyedContainer(encoder: self, array: array)
        case .empty:
            let array = CompactJSONArray()
            storage = .array(array)
            return CompactJSONUnkeyedContainer(encoder: self, array: array)
        case .single, .object:
            context.record("an unkeyed container was asked for where another value was encoded", at: codingPath)
            return CompactJSONUnkeyedContainer(encoder: self, array: CompactJSONArray())
        }
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// Encodes `value` as a child of this encoder under `key`.
    ///
    /// The common scalars are collected directly: a child encoder per `Int` would cost more than the rest. The
    /// types that JSONEncoder encodes its own way rather than through their `encode(to:)` (`Data` as base64,
    /// `URL` as its absolute string, `Decimal` as a number, `Date` by its strategy, the 128-bit integers) are
    /// encoded by JSONEncoder itself, so that they come out the same.
    func node<Value: Encodable>(for value: Value, key: (any CodingKey)?) throws -> CompactJSONNode {
        if let node = try scalarNode(for: value) { return node }
        let child = CompactJSONValueEncoder(context: context, parent: self, key: key)
        try value.encode(to: child)
        return child.takeNode()
    }

    /// `value` when it is one of the scalars of ``node(for:key:)``, else `nil`.
    func scalarNode<Value: Encodable>(for value: Value) throws -> CompactJSONNode? {
        // The types are equal, so the casts are plain copies (a checked `as!` costs a runtime cast each).
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .int(Int64(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self || Value.self == Date.self {
            return try referenceNode(for: value)
        }
        if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) {
            if Value.self == Int128.self || Value.self == UInt128.self { return try referenceNode(for: value) }
        }
        return nil
    }

    /// `value` as JSONEncoder writes it (these types are not containers, so their JSON stands alone).
    func referenceNode<Value: Encodable>(for value: Value) throws -> CompactJSONNode {
        .raw(Array(try CompactJSONEncoder.referenceEncoder(userInfo: context.referenceUserInfo).encode(value)))
    }
}

// The single value container is the encoder itself, as in JSONEncoder.
extension CompactJSONValueEncoder: SingleValueEncodingContainer {
    private func set(_ node: CompactJSONNode) throws {
        try checkNothingEncoded()
        storage = .single(node)
    }

    private func checkNothingEncoded() throws {
        guard case .empty = storage else {
            let message = "a single value container was encoded into where a value was already encoded"
            throw EncodingError.invalidValue(message, .init(codingPath: codingPath, debugDescription: message))
        }
    }

    func encodeNil() throws { try set(.null) }
    func encode(_ value: Bool) throws { try set(.bool(value)) }
    func encode(_ value: String) throws { try set(.string(value)) }
    func encode(_ value: Double) throws { try set(.double(value)) }
    func encode(_ value: Float) throws { try set(.float(value)) }
    func encode(_ value: Int) throws { try set(.int(Int64(value))) }
    func encode(_ value: Int8) throws { try set(.int(Int64(value))) }
    func encode(_ value: Int16) throws { try set(.int(Int64(value))) }
    func encode(_ value: Int32) throws { try set(.int(Int64(value))) }
    func encode(_ value: Int64) throws { try set(.int(value)) }
    func encode(_ value: UInt) throws { try set(.uint(UInt64(value))) }
    func encode(_ value: UInt8) throws { try set(.uint(UInt64(value))) }
    func encode(_ value: UInt16) throws { try set(.uint(UInt64(value))) }
    func encode(_ value: UInt32) throws { try set(.uint(UInt64(value))) }
    func encode(_ value: UInt64) throws { try set(.uint(value)) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    func encode(_ value: Int128) throws { try set(referenceNode(for: value)) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    func encode(_ value: UInt128) throws { try set(referenceNode(for: value)) }

    func encode<Value: Encodable>(_ value: Value) throws {
        try checkNothingEncoded()
        // No key: the value is encoded at this encoder's own path, as JSONEncoder does.
        try set(try node(for: value, key: nil))
    }
}

struct CompactJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The encoder whose coding path is this container's.
    let encoder: CompactJSONValueEncoder
    let object: CompactJSONObject

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ node: CompactJSONNode, for key: Key) {
        object.entries.append((key.stringValue, node))
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, for: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), for: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), for: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), for: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.float(value), for: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), for: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), for: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), for: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), for: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), for: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.uint(UInt64(value)), for: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.uint(UInt64(value)), for: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.uint(UInt64(value)), for: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.uint(UInt64(value)), for: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.uint(value), for: key) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { set(try encoder.referenceNode(for: value), for: key) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws {
        set(try encoder.referenceNode(for: value), for: key)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        set(try encoder.node(for: value, key: key), for: key)
    }

    /// The object already under `key`, as JSONEncoder reuses it; a non-object there is a misuse it traps on.
    private func existingObject(forKey key: Key) -> CompactJSONObject? {
        guard let index = object.lastIndex(of: key.stringValue) else { return nil }
        if case .object(let existing) = object.entries[index].value { return existing }
        encoder.context.record("a nested keyed container was asked for where another value was encoded",
                              at: codingPath + [key])
        return CompactJSONObject()
    }

    private func existingArray(forKey key: Key) -> CompactJSONArray? {
        guard let index = object.lastIndex(of: key.stringValue) else { return nil }
        if case .array(let existing) = object.entries[index].value { return existing }
        encoder.context.record("a nested unkeyed container was asked for where another value was encoded",
                              at: codingPath + [key])
        return CompactJSONArray()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested: CompactJSONObject
        if let existing = existingObject(forKey: key) {
            nested = existing
        } else {
            nested = CompactJSONObject()
            set(.object(nested), for: key)
        }
        let pathEncoder = CompactJSONValueEncoder(context: encoder.context, parent: encoder, key: key)
        return KeyedEncodingContainer(CompactJSONKeyedContainer<NestedKey>(encoder: pathEncoder, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: CompactJSONArray
        if let existing = existingArray(forKey: key) {
            nested = existing
        } else {
            nested = CompactJSONArray()
            set(.array(nested), for: key)
        }
        let pathEncoder = CompactJSONValueEncoder(context: encoder.context, parent: encoder, key: key)
        return CompactJSONUnkeyedContainer(encoder: pathEncoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: CompactJSONKey.superKey) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let child = CompactJSONValueEncoder(context: encoder.context, parent: encoder, key: key)
        object.entries.append((key.stringValue, .encoder(child)))
        return child
    }
}

struct CompactJSONUnkeyedContainer: UnkeyedEncodingContainer {
    /// The encoder whose coding path is this container's.
    let encoder: CompactJSONValueEncoder
    let array: CompactJSONArray

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.elements.count }

    private func append(_ node: CompactJSONNode) { array.elements.append(node) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(.float(value)) }
    mutating func encode(_ value: Int) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.int(value)) }
    mutating func encode(_ value: UInt) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { append(.uint(value)) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    mutating func encode(_ value: Int128) throws { append(try encoder.referenceNode(for: value)) }
    @available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
    mutating func encode(_ value: UInt128) throws { append(try encoder.referenceNode(for: value)) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        append(try encoder.node(for: value, key: CompactJSONKey(intValue: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = CompactJSONObject()
        let pathEncoder = CompactJSONValueEncoder(
            context: encoder.context, parent: encoder, key: CompactJSONKey(intValue: count))
        append(.object(nested))
        return KeyedEncodingContainer(CompactJSONKeyedContainer<NestedKey>(encoder: pathEncoder, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = CompactJSONArray()
        let pathEncoder = CompactJSONValueEncoder(
            context: encoder.context, parent: encoder, key: CompactJSONKey(intValue: count))
        append(.array(nested))
        return CompactJSONUnkeyedContainer(encoder: pathEncoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        // Takes its place now; what it encodes is read when the array is written.
        let child = CompactJSONValueEncoder(
            context: encoder.context, parent: encoder, key: CompactJSONKey(intValue: count))
        append(.encoder(child))
        return child
    }
}
