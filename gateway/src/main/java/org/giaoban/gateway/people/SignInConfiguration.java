package org.giaoban.gateway.people;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import org.giaoban.gateway.security.ConsoleProperties;
import org.giaoban.platform.security.SecurityLog;

/**
 * The sign-in page's filter chain ({@code /login}, its stylesheet under {@code /login/assets/}, and {@code POST /logout}):
 * a browser session (the gateway's cookie, see application.yml), CSRF tokens on the form, Spring Security's form login
 * with {@link PasswordSignIn}, and the page's security headers. After signing in the browser goes back to the
 * authorization request that sent it here (saved by the authorization server's chain), else to the console.
 *
 * <p>The page runs scripts and styles from the gateway only (no inline script or style, no plugins, no framing, like the
 * news pages); its form may post here, and the redirects that follow a sign-in may go to the console's origins (browsers
 * apply {@code form-action} to them too).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final String SIGNED_IN = "sign-in";
    static final String FAILED = "sign-in-failed";
    static final String LOCKED = "sign-in-locked";
    static final String SIGNED_OUT = "sign-out";
    /** Where a person goes after signing in when no authorization request sent them. */
    static final String CONSOLE = "/console/";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, PasswordSignIn signIn, ConsoleProperties console, Clock clock) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/login"), paths.matcher("/login/**"),
                        paths.matcher(HttpMethod.POST, "/logout")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(signIn.provider()))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(clock))
                        .failureHandler(refused(clock)))
                .logout(logout -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/logout"))
                        .logoutSuccessHandler(signedOut()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(console)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        return http.build();
    }

    /** Vietnamese, whatever the browser asks for: the page has no other language. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.forLanguageTag("vi"));
        return messages;
    }

    /** The clock of sign-in locks and sessions (a test sets its own). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static String contentSecurityPolicy(ConsoleProperties console) {
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        for (String uri : console.redirectUris()) {
            URI parsed = URI.create(uri);
            formTargets.add(parsed.getScheme() + "://" + parsed.getRawAuthority());
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + String.join(" ", formTargets)
                + "; frame-ancestors 'none'";
    }

    private static AuthenticationSuccessHandler signedIn(Clock clock) {
        SavedRequestAwareAuthenticationSuccessHandler continueAuthorization = new SavedRequestAwareAuthenticationSuccessHandler();
        continueAuthorization.setDefaultTargetUrl(CONSOLE);
        return (request, response, authentication) -> {
            request.getSession().setAttribute(PersonSessions.SIGNED_IN_AT, clock.instant());
            SecurityLog.info(SIGNED_IN, request, "username", authentication.getName(), "role", role(authentication));
            continueAuthorization.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler refused(Clock clock) {
        return (request, response, exception) -> {
            SignInRefused refusal = exception instanceof SignInRefused known ? known
                    : SignInRefused.badCredentials(String.valueOf(request.getParameter("username")).strip());
            SecurityLog.info(FAILED, request, "username", refusal.username(), "reason", refusal.reason().code);
            if (refusal.lockStarted()) {
                SecurityLog.warn(LOCKED, request, "username", refusal.username(), "lockedUntil", refusal.lockedUntil().toString(),
                        "lockedSeconds", Long.toString(Duration.between(clock.instant(), refusal.lockedUntil()).toSeconds()));
            }
            request.getSession().setAttribute(SignInPage.FAILURE,
                    new SignInPage.Failure(refusal.reason().code, refusal.lockedUntil(), refusal.username()));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    private static LogoutSuccessHandler signedOut() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                SecurityLog.info(SIGNED_OUT, request, "username", authentication.getName());
            }
            response.sendRedirect(request.getContextPath() + "/login?logout");
        };
    }

    private static String role(Authentication authentication) {
        return authentication.getAuthorities().stream().map(Object::toString).map(role -> role.replaceFirst("^ROLE_", ""))
                .findFirst().orElse(null);
    }
}
