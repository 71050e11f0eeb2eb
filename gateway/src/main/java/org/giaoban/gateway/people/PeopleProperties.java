package org.giaoban.gateway.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed sign-ins: {@code maxFailedAttempts} wrong passwords in a row lock a username for {@code lockDuration}, during
 * which even the right password is refused; then it starts over. Unknown usernames are counted alike (in memory), so
 * the lock tells nobody whether a username exists.
 */
@ConfigurationProperties("giaoban.people")
public record PeopleProperties(@DefaultValue("5") int maxFailedAttempts,
                               @DefaultValue("PT15M") Duration lockDuration) {

    public PeopleProperties {
        if (maxFailedAttempts < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("giaoban.people: max-failed-attempts at least 1, lock-duration above 0");
        }
    }
}
