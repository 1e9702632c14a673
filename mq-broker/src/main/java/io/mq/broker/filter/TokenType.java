package io.mq.broker.filter;

/** The kinds of token of the SQL92 filter language. */
enum TokenType {
    IDENTIFIER, STRING, INTEGER, DECIMAL,
    NOT, AND, OR, BETWEEN, IN, IS, NULL, TRUE, FALSE, CONTAINS, STARTSWITH, ENDSWITH,
    EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN, COMMA, MINUS, PLUS,
    END;

    /** Keywords are the token types spelled as their own name, matched ignoring case. */
    static TokenType keyword(String upperCaseWord) {
        return switch (upperCaseWord) {
            case "NOT" -> NOT;
            case "AND" -> AND;
            case "OR" -> OR;
            case "BETWEEN" -> BETWEEN;
            case "IN" -> IN;
            case "IS" -> IS;
            case "NULL" -> NULL;
            case "TRUE" -> TRUE;
            case "FALSE" -> FALSE;
            case "CONTAINS" -> CONTAINS;
            case "STARTSWITH" -> STARTSWITH;
            case "ENDSWITH" -> ENDSWITH;
            default -> null;
        };
    }
}
