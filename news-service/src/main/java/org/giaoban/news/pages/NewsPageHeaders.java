package org.giaoban.news.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public pages' security headers: a Content-Security-Policy that runs scripts and styles from this site only (no
 * inline script, no inline style, no plugins, no framing), pictures from this site or any HTTPS address (articles
 * show pictures hosted elsewhere), forms posting here only; a Referrer-Policy that sends other sites the origin
 * only; a Permissions-Policy that turns off what a news page never needs.
 */
@Configuration(proxyBeanMethods = false)
class NewsPageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "browsing-topics=()";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageSecurityHeaders() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("Referrer-Policy", REFERRER_POLICY);
                response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/news", "/news/*");
        return registration;
    }
}
