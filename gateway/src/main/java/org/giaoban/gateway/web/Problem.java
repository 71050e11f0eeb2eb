package org.giaoban.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on, answered as problem+json with its stable {@code code}; one about a field of the
 * request names it ({@code errors: [{field, message}]}, as validation errors do).
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public Problem(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    public Problem(HttpStatus status, String code, String detail, String field) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
