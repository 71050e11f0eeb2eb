package org.giaoban.testsupport.security;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.giaoban.platform.demo.Credentials;

/** The demo loaders' {@link Credentials} in a service's tests: tokens of the {@link TestIssuer}, no gateway. */
public final class TestCredentials implements Credentials {

    @Override
    public String tokenFor(Account account) {
        JWTClaimsSet.Builder claims = TestIssuer.claims(account.clientId(), account.role());
        if (!account.clusters().isEmpty()) {
            claims.claim("clusters", List.copyOf(account.clusters()));
        }
        if (account.urbanAreaId() != null) {
            claims.claim("urban_area", account.urbanAreaId());
        }
        return TestIssuer.get().sign(claims.build());
    }
}
