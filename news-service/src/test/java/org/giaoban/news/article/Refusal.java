package org.giaoban.news.article;

import org.giaoban.platform.problem.DomainException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** Matches a domain refusal by its stable code. */
final class Refusal {

    private Refusal() {
    }

    static Matcher<Object> refusedWith(String code) {
        return Matchers.allOf(Matchers.instanceOf(DomainException.class),
                new FeatureMatcher<Object, String>(Matchers.equalTo(code), "refusal code", "code") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((DomainException) actual).code();
                    }
                });
    }
}
