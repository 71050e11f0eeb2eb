package org.giaoban.gateway.people;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.giaoban.gateway.accounts.Role;
import org.giaoban.platform.security.SecurityLog;

/**
 * The demo people of the {@code local} profile, and only there: {@code vanphong} (Văn phòng Hiệp hội, OPERATOR) and
 * {@code bientap} (Ban biên tập, EDITOR), with the password the README writes down, created when missing. Elsewhere a
 * demo person a local run left in the database that still has that password is removed at start (and what they hold
 * ended). Runs before the accounts' bootstrap, which then counts the operators that are left.
 */
@Component
@Order(0)
class PeopleBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PeopleBootstrap.class);
    static final String ACTOR = "bootstrap";
    static final String DEMO_PASSWORD = "giaoban-dev-2023";
    static final List<NewPerson> DEMO_PEOPLE = List.of(
            new NewPerson("vanphong", "Văn phòng Hiệp hội", DEMO_PASSWORD, Role.OPERATOR, null, null),
            new NewPerson("bientap", "Ban biên tập", DEMO_PASSWORD, Role.EDITOR, null, null));

    private final People people;
    private final boolean local;

    PeopleBootstrap(People people, Environment environment) {
        this.people = people;
        this.local = environment.matchesProfiles("local");
    }

    @Override
    public void run(ApplicationArguments args) {
        for (NewPerson demo : DEMO_PEOPLE) {
            if (local && people.find(demo.username()).isEmpty()) {
                people.create(demo, ACTOR);
                log.info("Demo person {} ({}) created", demo.username(), demo.role());
                SecurityLog.info(PeopleController.CREATED, null, "actor", ACTOR, "username", demo.username(),
                        "role", demo.role().name());
            } else if (!local && people.hasPassword(demo.username(), demo.password())) {
                people.deleteAtStart(demo.username());
                log.warn("Demo person {} (left by a run in the local profile) still had the documented password: removed,"
                        + " as no demo person may exist outside the local profile", demo.username());
                SecurityLog.warn(PeopleController.DELETED, null, "actor", ACTOR, "username", demo.username(),
                        "role", demo.role().name(), "reason", "demo-user-outside-local-profile");
            }
        }
    }
}
