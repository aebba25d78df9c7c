package io.etareport.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Turns an expression tree from Olingo's URI parser into an evaluator over {@code Object[]} rows, in one pass
 * (a visitor that returns closures), so a filter is compiled once per request and not re-visited per row.
 *
 * <p>Semantics follow OData: {@code eq}/{@code ne} treat {@code null} as a value ({@code X eq null} is true when
 * X is null); ordering comparisons with a null operand are false; {@code and}/{@code or}/{@code not} use
 * three-valued logic; a row passes only when the whole filter is {@code true}. Strings compare ordinally and
 * case-sensitively, as SQL Server with a binary collation would (the real API may be case-insensitive; tests
 * should not rely on either). Unsupported functions answer 501.
 */
final class FilterCompiler implements ExpressionVisitor<FilterCompiler.Eval> {

    /** A compiled expression. */
    @FunctionalInterface
    interface Eval {
        Object apply(Object[] row);
    }

    private final BuzSchema.EntitySchema schema;

    private FilterCompiler(BuzSchema.EntitySchema schema) {
        this.schema = schema;
    }

    static Eval compile(Expression expression, BuzSchema.EntitySchema schema)
            throws ExpressionVisitException, ODataApplicationException {
        return expression.accept(new FilterCompiler(schema));
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static ODataApplicationException notImplemented(String what) {
        return new ODataApplicationException(what + " is not supported by this service.", 501, Locale.ENGLISH,
                "NotImplemented");
    }

    @Override
    public Eval visitBinaryOperator(BinaryOperatorKind op, Eval left, Eval right) throws ODataApplicationException {
        return switch (op) {
            case AND -> row -> {
                Object l = left.apply(row);
                if (Boolean.FALSE.equals(l)) {
                    return false;
                }
                Object r = right.apply(row);
                if (Boolean.FALSE.equals(r)) {
                    return false;
                }
                return l == null || r == null ? null : Boolean.TRUE;
            };
            case OR -> row -> {
                Object l = left.apply(row);
                if (Boolean.TRUE.equals(l)) {
                    return true;
                }
                Object r = right.apply(row);
                if (Boolean.TRUE.equals(r)) {
                    return true;
                }
                return l == null || r == null ? null : Boolean.FALSE;
            };
            case EQ -> row -> valueEquals(left.apply(row), right.apply(row));
            case NE -> row -> !valueEquals(left.apply(row), right.apply(row));
            case GT -> row -> order(left.apply(row), right.apply(row), c -> c > 0);
            case GE -> row -> order(left.apply(row), right.apply(row), c -> c >= 0);
            case LT -> row -> order(left.apply(row), right.apply(row), c -> c < 0);
            case LE -> row -> order(left.apply(row), right.apply(row), c -> c <= 0);
            case ADD -> row -> arithmetic(left.apply(row), right.apply(row), BigDecimal::add);
            case SUB -> row -> arithmetic(left.apply(row), right.apply(row), BigDecimal::subtract);
            case MUL -> row -> arithmetic(left.apply(row), right.apply(row), BigDecimal::multiply);
            case DIV -> row -> arithmetic(left.apply(row), right.apply(row),
                    (a, b) -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64));
            case MOD -> row -> arithmetic(left.apply(row), right.apply(row),
                    (a, b) -> b.signum() == 0 ? null : a.remainder(b));
            default -> throw notImplemented("The operator '" + op + "'");
        };
    }

    @Override
    public Eval visitBinaryOperator(BinaryOperatorKind op, Eval left, List<Eval> right)
            throws ODataApplicationException {
        if (op != BinaryOperatorKind.IN) {
            throw notImplemented("The operator '" + op + "'");
        }
        if (right.isEmpty()) { // listExpr needs at least one item; Olingo lets "in ()" through
            throw new ODataApplicationException("The query specified in the URI is not valid. "
                    + "The list after 'in' must not be empty.", 400, Locale.ENGLISH, "BadRequest");
        }
        Eval[] candidates = right.toArray(new Eval[0]);
        return row -> {
            Object value = left.apply(row);
            for (Eval candidate : candidates) {
                if (valueEquals(value, candidate.apply(row))) {
                    return true;
                }
            }
            return false;
        };
    }

    @Override
    public Eval visitUnaryOperator(UnaryOperatorKind op, Eval operand) throws ODataApplicationException {
        return switch (op) {
            case NOT -> row -> {
                Object v = operand.apply(row);
                return v == null ? null : !isTrue(v);
            };
            case MINUS -> row -> {
                Object v = operand.apply(row);
                return v == null ? null : toDecimal(v).negate();
            };
        };
    }

    @Override
    public Eval visitMethodCall(MethodKind method, List<Eval> args) throws ODataApplicationException {
        Eval a = args.isEmpty() ? null : args.get(0);
        Eval b = args.size() > 1 ? args.get(1) : null;
        Eval c = args.size() > 2 ? args.get(2) : null;
        return switch (method) {
            case CONTAINS -> row -> strings(a, b, row, (x, y) -> x.contains(y));
            case STARTSWITH -> row -> strings(a, b, row, (x, y) -> x.startsWith(y));
            case ENDSWITH -> row -> strings(a, b, row, (x, y) -> x.endsWith(y));
            case INDEXOF -> row -> strings(a, b, row, (x, y) -> x.indexOf(y));
            case CONCAT -> row -> strings(a, b, row, (x, y) -> x + y);
            case TOLOWER -> row -> string(a, row, x -> x.toLowerCase(Locale.ROOT));
            case TOUPPER -> row -> string(a, row, x -> x.toUpperCase(Locale.ROOT));
            case TRIM -> row -> string(a, row, String::strip);
            case LENGTH -> row -> string(a, row, String::length);
            case SUBSTRING -> row -> {
                Object s = a.apply(row);
                Object from = b.apply(row);
                Object len = c == null ? null : c.apply(row);
                if (s == null || from == null || (c != null && len == null)) {
                    return null;
                }
                String str = s.toString();
                int start = Math.min(Math.max(toDecimal(from).intValue(), 0), str.length());
                int end = c == null ? str.length()
                        : Math.min(str.length(), start + Math.max(toDecimal(len).intValue(), 0));
                return str.substring(start, end);
            };
            default -> throw notImplemented("The function '" + method + "'");
        };
    }

    @Override
    public Eval visitLiteral(Literal literal) throws ODataApplicationException {
        Object value = literalValue(literal);
        return row -> value;
    }

    private static Object literalValue(Literal literal) throws ODataApplicationException {
        EdmType type = literal.getType();
        String text = literal.getText();
        if (type == null) {
            return null; // the null literal
        }
        if (type instanceof EdmPrimitiveType primitive && EdmPrimitiveType.EDM_NAMESPACE.equals(type.getNamespace())) {
            EdmPrimitiveTypeKind kind = EdmPrimitiveTypeKind.valueOf(type.getName());
            try {
                switch (kind) {
                    case String:
                        return primitive.fromUriLiteral(text);
                    case Boolean:
                        return Boolean.valueOf(text);
                    case Byte, SByte, Int16, Int32, Int64, Decimal, Double, Single:
                        return new BigDecimal(text);
                    default:
                        // Dates, GUIDs, durations: compared by their text, all a string column can offer.
                        return text;
                }
            } catch (EdmPrimitiveTypeException | NumberFormatException e) {
                throw new ODataApplicationException("The literal '" + text + "' is not supported.", 400,
                        Locale.ENGLISH, "BadRequest");
            }
        }
        throw notImplemented("The literal '" + text + "'");
    }

    @Override
    public Eval visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty property) {
            int index = schema.indexOf(property.getProperty().getName());
            return row -> row[index];
        }
        throw notImplemented("The member expression '" + member + "'");
    }

    @Override
    public Eval visitLambdaExpression(String functionName, String variable, Expression expression)
            throws ODataApplicationException {
        throw notImplemented("Lambda '" + functionName + "'");
    }

    @Override
    public Eval visitAlias(String alias) throws ODataApplicationException {
        throw notImplemented("Parameter alias '" + alias + "'");
    }

    @Override
    public Eval visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw notImplemented("A type literal");
    }

    @Override
    public Eval visitLambdaReference(String variable) throws ODataApplicationException {
        throw notImplemented("Lambda variable '" + variable + "'");
    }

    @Override
    public Eval visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw notImplemented("An enumeration literal");
    }

    // ---- value helpers ----

    static boolean valueEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            return toDecimal(a).compareTo(toDecimal(b)) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Compares two non-null values of compatible types; null when they cannot be compared. */
    static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (isNumber(a) && isNumber(b)) {
            return toDecimal(a).compareTo(toDecimal(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }

    private interface IntTest {
        boolean test(int comparison);
    }

    private static Object order(Object a, Object b, IntTest test) {
        Integer c = compare(a, b);
        return c != null && test.test(c);
    }

    private interface DecimalOp {
        BigDecimal apply(BigDecimal a, BigDecimal b);
    }

    private static Object arithmetic(Object a, Object b, DecimalOp op) {
        if (a == null || b == null) {
            return null;
        }
        return op.apply(toDecimal(a), toDecimal(b));
    }

    private static boolean isNumber(Object o) {
        return o instanceof Number;
    }

    static BigDecimal toDecimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Integer || o instanceof Long) {
            return BigDecimal.valueOf(((Number) o).longValue());
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(o.toString());
    }

    private interface StringBinary {
        Object apply(String a, String b);
    }

    private interface StringUnary {
        Object apply(String a);
    }

    private static Object strings(Eval a, Eval b, Object[] row, StringBinary f) {
        Object x = a.apply(row);
        Object y = b.apply(row);
        return x == null || y == null ? null : f.apply(x.toString(), y.toString());
    }

    private static Object string(Eval a, Object[] row, StringUnary f) {
        Object x = a.apply(row);
        return x == null ? null : f.apply(x.toString());
    }
}
