/// The part of PostgreSQL's expression trees (primnodes.h) that the check
/// constraints, index expressions and index predicates of a typical schema
/// use, as stored in pg_node_tree columns. `NodeTreeParser` reads them;
/// `ExpressionDeparser` writes them back as ruleutils.c does. Anything else
/// in a tree makes the parser give up, and the server deparses it.
indirect enum ExpressionNode: Equatable {
    /// A Var of the one table in scope: attribute `number`.
    case column(number: Int, type: UInt32, collation: UInt32)
    case constant(Constant)
    /// An OpExpr: one argument for a prefix operator, two for a binary one.
    case operation(operatorID: UInt32, resultType: UInt32, collation: UInt32, arguments: [ExpressionNode])
    case function(FunctionCall)
    /// A ScalarArrayOpExpr: `x op ANY (array)` or `ALL`.
    case anyOrAll(operatorID: UInt32, useOr: Bool, arguments: [ExpressionNode])
    case array(type: UInt32, elementType: UInt32, collation: UInt32, elements: [ExpressionNode])
    case boolean(BooleanOperator, [ExpressionNode])
    case nullTest(ExpressionNode, isNotNull: Bool)
    case coalesce(type: UInt32, collation: UInt32, arguments: [ExpressionNode])
    /// A RelabelType (binary-compatible cast), CoerceViaIO (cast through text)
    /// or ArrayCoerceExpr (an array cast element by element): ruleutils prints them alike.
    case coercion(ExpressionNode, type: UInt32, typmod: Int32, collation: UInt32, format: CoercionForm)

    struct Constant: Equatable {
        var type: UInt32
        var typmod: Int32
        var collation: UInt32
        /// The datum as outDatum wrote it: by-value types as the 8 bytes of a
        /// Datum, little-endian; others as their varlena, header included. nil for NULL.
        var bytes: [UInt8]?
    }

    struct FunctionCall: Equatable {
        var id: UInt32
        var resultType: UInt32
        var collation: UInt32
        var format: CoercionForm
        var variadic: Bool
        var arguments: [ExpressionNode]
    }

    enum BooleanOperator: Equatable { case and, or, not }

    /// primnodes.h's CoercionForm, in its order.
    enum CoercionForm: Int, Equatable {
        case explicitCall = 0, explicitCast, implicitCast, sqlSyntax
    }

    /// exprType (nodeFuncs.c).
    var type: UInt32 {
        switch self {
        case let .column(_, type, _): return type
        case let .constant(constant): return constant.type
        case let .operation(_, type, _, _): return type
        case let .function(call): return call.resultType
        case .anyOrAll, .boolean, .nullTest: return BuiltinType.boolean
        case let .array(type, _, _, _): return type
        case let .coalesce(type, _, _): return type
        case let .coercion(_, type, _, _, _): return type
        }
    }

    /// exprCollation (nodeFuncs.c).
    var collation: UInt32 {
        switch self {
        case let .column(_, _, collation): return collation
        case let .constant(constant): return constant.collation
        case let .operation(_, _, collation, _): return collation
        case let .function(call): return call.collation
        case .anyOrAll, .boolean, .nullTest: return 0
        case let .array(_, _, collation, _): return collation
        case let .coalesce(_, collation, _): return collation
        case let .coercion(_, _, _, collation, _): return collation
        }
    }
}
