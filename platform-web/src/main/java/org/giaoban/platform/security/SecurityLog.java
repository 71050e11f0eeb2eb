package org.giaoban.platform.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.giaoban.platform.web.RequestContext;

/**
 * The security log: one line per security event on the logger {@value #LOGGER}, as {@code key=value} pairs that a log
 * shipper can split without a grammar — {@code event} first, then what the caller gives, then where the request came
 * from: {@code method}, {@code path}, {@code address} (the client address as this process sees it), {@code forwardedFor}
 * (the {@code X-Forwarded-For} header, as claimed by the caller or a proxy), {@code correlationId}.
 *
 * <p>A value made only of {@code [A-Za-z0-9._~:/@+,-]} is written as it is; any other is quoted, with {@code "},
 * {@code \} and control characters escaped, so that nothing a caller sends (a client id, a path) can forge a line or
 * a field. Values are cut at {@value #MAX_VALUE} characters. Callers never pass a secret or a token: the events name
 * who and what, not with which credentials.
 */
public final class SecurityLog {

    public static final String LOGGER = "giaoban.security";

    /** A request without a valid token where one is needed (401). */
    public static final String AUTHENTICATION_FAILED = "authentication-failed";
    /** A valid token without the role or scope (403). */
    public static final String ACCESS_DENIED = "access-denied";

    static final int MAX_VALUE = 200;
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._~:/@+,-]+");

    private SecurityLog() {
    }

    /** Logs {@code event} at INFO with {@code details} ({@code key, value, key, value, ...}) and the request's origin. */
    public static void info(String event, HttpServletRequest request, String... details) {
        if (log.isInfoEnabled()) {
            log.info(line(event, request, details));
        }
    }

    /** As {@link #info}, at WARN: for what an operator should notice (a lockout). */
    public static void warn(String event, HttpServletRequest request, String... details) {
        if (log.isWarnEnabled()) {
            log.warn(line(event, request, details));
        }
    }

    static String line(String event, HttpServletRequest request, String... details) {
        if (details.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key, value pairs");
        }
        StringBuilder line = new StringBuilder(160);
        append(line, "event", event);
        for (int i = 0; i < details.length; i += 2) {
            append(line, details[i], details[i + 1]);
        }
        if (request != null) {
            append(line, "method", request.getMethod());
            append(line, "path", request.getRequestURI());
            append(line, "address", request.getRemoteAddr());
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                append(line, "forwardedFor", forwarded);
            }
        }
        append(line, "correlationId", RequestContext.correlationId());
        return line.toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        if (value == null) {
            line.append('-');
            return;
        }
        String cut = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "..." : value;
        if (BARE.matcher(cut).matches()) {
            line.append(cut);
            return;
        }
        line.append('"');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
