package org.giaoban.platform.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem+json that Spring MVC writes (the {@link ProblemHandler}'s, whatever handler made it) answers its
 * {@code detail} in Vietnamese when the caller asks for it ({@code Accept-Language: vi}) and a sentence is known for
 * its {@code code} ({@link ProblemLanguage}); {@code code}, {@code type}, {@code title} and {@code errors} stay as they
 * are. Refusals written outside MVC (filters, Spring Security) go through {@link Problems#write} with the request.
 */
@RestControllerAdvice
public class ProblemLanguageAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().get("code") instanceof String code && wantsVietnamese(request)) {
            ProblemLanguage.vietnamese(code).ifPresent(sentence -> {
                problem.setDetail(sentence);
                response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, ProblemLanguage.VIETNAMESE);
            });
        }
        return body;
    }

    private static boolean wantsVietnamese(ServerHttpRequest request) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = request.getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException e) {
            return false; // an unreadable header: English, as without one
        }
        return ProblemLanguage.wantsVietnamese(ranges);
    }
}
