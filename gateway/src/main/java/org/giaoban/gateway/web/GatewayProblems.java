package org.giaoban.gateway.web;

import org.giaoban.platform.problem.Problems;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The gateway's own errors as {@code application/problem+json} with a stable {@code code}, the same shape the services
 * answer (their handler lives in the platform module, which the gateway does not depend on).
 */
@RestControllerAdvice
class GatewayProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = Problems.TYPE_BASE;

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem e) {
        ProblemDetail body = body(e.status(), e.code(), e.getMessage());
        if (e.field() != null) {
            body.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    /** A routed service that does not answer: the gateway says so instead of a bare 500. */
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> unreachable(ResourceAccessException e) {
        logger.warn("A service does not answer: " + e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(body(HttpStatus.BAD_GATEWAY, "service-unavailable", "The service behind this route does not answer."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields are not valid.");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage()))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "malformed-json",
                "The body is missing, not well-formed JSON, or a field has the wrong type."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = "http-" + status.value();
            problem.setProperty("code", code);
            problem.setType(URI.create(TYPE_BASE + code));
        }
        return response;
    }

    static ProblemDetail body(HttpStatus status, String code, String detail) {
        return Problems.body(status, code, detail);
    }
}
