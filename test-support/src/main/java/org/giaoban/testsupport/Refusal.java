package org.giaoban.testsupport;

import org.giaoban.platform.problem.DomainException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** For given-when-then tests of aggregates: matches a domain refusal by its stable code. */
public final class Refusal {

    private Refusal() {
    }

    public static Matcher<Object> refusedWith(String code) {
        return Matchers.allOf(Matchers.instanceOf(DomainException.class),
                new FeatureMatcher<Object, String>(Matchers.equalTo(code), "refusal code", "code") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((DomainException) actual).code();
                    }
                });
    }
}
