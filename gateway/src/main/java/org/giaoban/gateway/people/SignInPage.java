package org.giaoban.gateway.people;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the sign-in page, in Vietnamese (templates/login.html, messages_vi.properties). The form posts
 * to {@code POST /login}, which Spring Security handles ({@link SignInConfiguration}); a refusal comes back here as
 * {@code /login?error} with what went wrong kept in the session for this one page, and a sign-out as
 * {@code /login?logout}.
 */
@Controller
class SignInPage {

    /** Session attribute: the last refusal, shown once. */
    static final String FAILURE = SignInPage.class.getName() + ".failure";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final PeopleProperties settings;

    SignInPage(PeopleProperties settings) {
        this.settings = settings;
    }

    /** What the page says after a refusal: the reason's code, the unlock time if locked, the username as typed. */
    record Failure(String reason, Instant lockedUntil, String username) implements Serializable {
    }

    @GetMapping("/login")
    String page(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Failure failure = null;
        if (session != null) {
            failure = (Failure) session.getAttribute(FAILURE);
            session.removeAttribute(FAILURE);
        }
        if (request.getParameter("error") == null) {
            failure = null;
        }
        model.addAttribute("failure", failure == null ? null : failure.reason());
        model.addAttribute("username", failure == null ? "" : failure.username());
        model.addAttribute("unlockAt", failure == null || failure.lockedUntil() == null ? null
                : HOURS.format(failure.lockedUntil().atZone(VIETNAM)));
        model.addAttribute("maxFailedAttempts", Integer.toString(settings.maxFailedAttempts()));
        model.addAttribute("lockMinutes", Long.toString(Math.max(1, settings.lockDuration().toMinutes())));
        model.addAttribute("signedOut", failure == null && request.getParameter("logout") != null);
        return "login";
    }
}
