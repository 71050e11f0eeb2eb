package org.giaoban.gateway.web;

import org.springframework.http.HttpStatus;

/** A refusal the caller can act on, answered as problem+json with its stable {@code code}. */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public Problem(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
