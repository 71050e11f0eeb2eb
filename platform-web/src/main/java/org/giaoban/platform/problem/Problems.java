package org.giaoban.platform.problem;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one problem+json body (RFC 9457) of the services and the gateway: {@code type} under {@link #TYPE_BASE},
 * {@code title}, {@code status}, {@code detail} and the stable {@code code} — for exception handlers, and for refusals
 * written outside Spring MVC (servlet filters, Spring Security's handlers).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://giaoban.org/problems/";

    private Problems() {
    }

    public static ProblemDetail body(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** Writes the refusal; headers already set on the response (WWW-Authenticate, Retry-After) stay. */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(body(status, code, detail)));
    }

    /**
     * Writes the refusal with its {@code detail} in the caller's language ({@link ProblemLanguage}: Vietnamese for
     * {@code Accept-Language: vi} when a sentence is known for the code).
     */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String code, String detail) throws IOException {
        String acceptLanguage = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String localised = ProblemLanguage.detail(acceptLanguage, code, detail);
        if (!localised.equals(detail)) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, ProblemLanguage.VIETNAMESE);
        }
        write(json, response, status, code, localised);
    }
}
