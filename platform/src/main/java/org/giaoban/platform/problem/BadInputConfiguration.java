package org.giaoban.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bad input never gets further than the edge of the service, and always answers a 4xx problem+json:
 * <ul>
 * <li>query strings with (percent-encoded) control characters: 400 {@code invalid-parameter} (Spring would trim a
 * {@code %00} away and read it as an absent filter);</li>
 * <li>request bodies are limited ({@code giaoban.http.max-body-bytes}, 1 MiB; a {@code multipart/form-data} upload
 * {@code giaoban.http.max-multipart-bytes}, by default the same, which a service taking uploads raises): 413
 * {@code payload-too-large};</li>
 * <li>JSON bodies are read strictly: one document only (no trailing content), and text without control characters
 * (tab, line feed and carriage return excepted) or unpaired surrogates: 400 {@code invalid-text};</li>
 * <li>URLs that the firewall (Spring Security) or the connector (Tomcat: encoded slashes, NUL, invalid UTF-8) refuse
 * answer 400 {@code rejected-request} as problem+json instead of an HTML or Boot error page.</li>
 * </ul>
 * Only HTTP is affected: the event serializer and the Kafka consumers keep their own object mapper.
 */
@Configuration(proxyBeanMethods = false)
public class BadInputConfiguration {

    public static final String REJECTED = "rejected-request";
    public static final String TOO_LARGE = "payload-too-large";
    public static final String INVALID_TEXT = "invalid-text";

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(@Value("${giaoban.http.max-body-bytes:1048576}") long maxBytes,
                                                           @Value("${giaoban.http.max-multipart-bytes:${giaoban.http.max-body-bytes:1048576}}") long maxMultipartBytes,
                                                           ObjectMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(maxBytes, maxMultipartBytes, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(json, request, response, HttpStatus.BAD_REQUEST, REJECTED,
                "The request's URL is not acceptable (encoded slashes, dot segments, control characters or similar).");
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (var valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve); // Boot's HTML reporter: ours replaces it
                    }
                }
            }
        });
    }

    @Bean
    WebMvcConfigurer strictHttpInput() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (HttpMessageConverter<?> converter : converters) {
                    if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                        jackson.setObjectMapper(strict(jackson.getObjectMapper()));
                    }
                }
            }

        };
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(new SimpleModule("giaoban-strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** Text as {@link StringDeserializer} reads it, refused if it holds control characters or unpaired surrogates. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !acceptable(text)) {
                throw InvalidFormatException.from(parser, "text with control characters or unpaired surrogates", text, String.class);
            }
            return text;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        static boolean acceptable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Thrown while reading a body longer than the limit (when no Content-Length announced it). */
    public static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes.");
        }
    }

    static final class BodyLimitFilter extends OncePerRequestFilter {

        /** Percent-encoded C0 controls but tab, line feed and carriage return, and DEL. */
        private static final java.util.regex.Pattern CONTROL_IN_QUERY = java.util.regex.Pattern.compile("%(0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])");

        private final long maxBytes;
        private final long maxMultipartBytes;
        private final ObjectMapper json;

        BodyLimitFilter(long maxBytes, long maxMultipartBytes, ObjectMapper json) {
            this.maxBytes = maxBytes;
            this.maxMultipartBytes = maxMultipartBytes;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && CONTROL_IN_QUERY.matcher(query).find()) {
                Problems.write(json, request, response, HttpStatus.BAD_REQUEST, "invalid-parameter",
                        "A query parameter holds control characters.");
                return;
            }
            String contentType = request.getContentType();
            // Uploads are parsed by the servlet container, which applies spring.servlet.multipart's limits to them.
            long limit = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                    ? maxMultipartBytes : maxBytes;
            if (request.getContentLengthLong() > limit) {
                Problems.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "The request body is larger than " + limit + " bytes.");
                return;
            }
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new PayloadTooLargeException(maxBytes);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new PayloadTooLargeException(maxBytes);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /**
     * Tomcat's own error report (requests it refuses before they reach the application, e.g. an encoded slash, NUL or
     * invalid UTF-8 in the URL) as problem+json.
     */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            String code = status == 400 ? REJECTED : status == 413 ? TOO_LARGE : status >= 500 ? "internal-error" : "http-" + status;
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400 ? "The request is not acceptable (its URL or headers could not be read)."
                    : status >= 500 ? "Something went wrong on our side." : title + ".";
            String body = "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response committed: nothing more to say
            }
        }
    }
}
