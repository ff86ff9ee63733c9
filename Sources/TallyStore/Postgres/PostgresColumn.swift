import PostgresNIO

/// A column of values sent as one array parameter, for `INSERT … SELECT … FROM unnest($1, $2, …)`:
/// a batch is then one short statement with one parameter per column, whatever its size.
///
/// postgres-nio's own array encoding has no NULL elements; this one has (binary array format:
/// dimensions, has-nulls flag, element type, length, lower bound, then length-prefixed elements,
/// -1 for NULL).
struct PostgresColumn<Element: PostgresColumnElement>: PostgresNonThrowingEncodable, Sendable {
    var values: [Element?]

    init(_ values: [Element?]) { self.values = values }

    static var psqlType: PostgresDataType { Element.arrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        guard !values.isEmpty else {
            buffer.writeInteger(Int32(0))  // no dimensions: the empty array
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(Element.elementType.rawValue)
            return
        }
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(values.contains { $0 == nil } ? 1 : 0))
        buffer.writeInteger(Element.elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            if let value { value.write(into: &buffer) } else { buffer.writeInteger(Int32(-1)) }
        }
    }
}

/// A value that can be an element of a `PostgresColumn`: writes its length, then its binary form.
protocol PostgresColumnElement: Sendable, Equatable {
    static var elementType: PostgresDataType { get }
    static var arrayType: PostgresDataType { get }
    func write(into buffer: inout ByteBuffer)
}

extension Int: PostgresColumnElement {
    static var elementType: PostgresDataType { .int8 }
    static var arrayType: PostgresDataType { .int8Array }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(8))
        buffer.writeInteger(Int64(self))
    }
}

extension Double: PostgresColumnElement {
    static var elementType: PostgresDataType { .float8 }
    static var arrayType: PostgresDataType { .float8Array }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(8))
        buffer.writeInteger(bitPattern)
    }
}

extension Bool: PostgresColumnElement {
    static var elementType: PostgresDataType { .bool }
    static var arrayType: PostgresDataType { .boolArray }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(UInt8(self ? 1 : 0))
    }
}

extension String: PostgresColumnElement {
    static var elementType: PostgresDataType { .text }
    static var arrayType: PostgresDataType { .textArray }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(utf8.count))
        buffer.writeString(self)
    }
}
