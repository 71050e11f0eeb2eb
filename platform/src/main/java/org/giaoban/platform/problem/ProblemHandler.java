package org.giaoban.platform.problem;

import static org.giaoban.platform.problem.Problems.body;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.access.AccessDeniedException;
import org.giaoban.platform.security.Caller;
import org.giaoban.platform.security.Refusals;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with a stable {@code code}. Framework errors get codes
 * here; domain refusals bring their own ({@link DomainException}). Nothing internal leaks into {@code detail}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.valueOf(e.kind().status()), e.code(), e.getMessage());
        if (e.field() != null) {
            response.getBody().setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return response;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        // Stream ids read "<kind>:<id>", e.g. "urban-area:yen-bai": the code names the kind.
        String stream = String.valueOf(e.getAggregateIdentifier());
        int colon = stream.indexOf(':');
        String kind = colon > 0 ? stream.substring(0, colon) : "record";
        String id = stream.substring(colon + 1);
        return problem(HttpStatus.NOT_FOUND, "unknown-" + kind, "No " + kind.replace('-', ' ') + " " + id + " is registered.");
    }

    /** Another writer (another instance, too) changed or created the same record at the same moment, retries spent. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed the same record at the same moment; read it again and retry.");
    }

    /** A multipart body that cannot be parsed: no boundary, a truncated part, a broken header. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "The multipart/form-data body cannot be read.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request is not valid.");
        response.getBody().setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList());
        return response;
    }

    /**
     * A connection failure (SQLState class 08), a server shutting down or starting (57P01-57P03), a pool timeout, or a
     * connection the pool closed as broken, anywhere in the causes.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            // HikariCP's stand-in for a connection it evicted as broken throws this, without an SQLState.
            if (cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> store(EventStoreException e) {
        log.error("Event store failure", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "The record could not be stored; nothing was changed.");
    }

    /** A scope check inside a handler: no token is 401, a token without the right role or scope 403. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        if (Caller.current().isEmpty()) {
            Refusals.logUnauthenticated(request, Refusals.UNAUTHENTICATED, e.getMessage());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(body(HttpStatus.UNAUTHORIZED, Refusals.UNAUTHENTICATED, Refusals.UNAUTHENTICATED_DETAIL));
        }
        Refusals.logForbidden(request, e.getMessage());
        return problem(HttpStatus.FORBIDDEN, Refusals.FORBIDDEN, e.getMessage() == null ? Refusals.FORBIDDEN_DETAIL : e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            // E.g. Axon's JdbcException or a transaction that could not begin while PostgreSQL restarts: the
            // transaction rolled back, so this is the store being unavailable (503, retry), not a fault of ours (500).
            log.error("Database unreachable", e);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "The record could not be stored; nothing was changed.");
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields are not valid.");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError).toList();
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields or parameters are not valid.");
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors beanErrors) {
                beanErrors.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(Map.of("field", name == null ? "?" : name,
                        "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage())));
            }
        }
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BadInputConfiguration.PayloadTooLargeException) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(body(HttpStatus.PAYLOAD_TOO_LARGE, BadInputConfiguration.TOO_LARGE, c.getMessage()));
            }
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonMappingException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidFormatException text && text.getTargetType() == String.class) {
            ProblemDetail body = body(HttpStatus.BAD_REQUEST, BadInputConfiguration.INVALID_TEXT,
                    "A text field holds control characters or invalid Unicode.");
            body.setProperty("errors", List.of(Map.of("field", path(text), "message", "control characters or invalid Unicode")));
            return ResponseEntity.badRequest().body(body);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-type", "A field has the wrong type.");
            body.setProperty("errors", List.of(Map.of("field", path(mismatch), "message", "wrong type or format")));
            return ResponseEntity.badRequest().body(body);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-input", "A field could not be read.");
            body.setProperty("errors", List.of(Map.of("field", path(mapping), "message", "not readable")));
            return ResponseEntity.badRequest().body(body);
        }
        String detail = cause instanceof JsonProcessingException ? "The body is not well-formed JSON." : "The body is missing or unreadable.";
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "malformed-json", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", codeFor(e, status));
            problem.setType(URI.create(Problems.TYPE_BASE + codeFor(e, status)));
        }
        return response;
    }

    private static String codeFor(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "not-acceptable";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        if (e instanceof NoResourceFoundException) {
            return "not-found";
        }
        if (e instanceof MissingServletRequestParameterException || e instanceof MethodArgumentTypeMismatchException) {
            return "invalid-parameter";
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "payload-too-large";
        }
        if (e instanceof MissingServletRequestPartException) {
            return "missing-part";
        }
        return "http-" + status.value();
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.body(status, code, detail));
    }
}
