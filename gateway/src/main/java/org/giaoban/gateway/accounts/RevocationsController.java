package org.giaoban.gateway.accounts;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.giaoban.platform.security.RevocationList;

/**
 * {@code GET /oauth2/revocations}, beside the JWKS and like it open to all: the clients whose earlier tokens are void,
 * each named only by the SHA-256 of its client id, which the services read every 15 s — the list this gateway checks
 * tokens against (see {@link Revocations}).
 */
@RestController
class RevocationsController {

    private final Revocations revocations;

    RevocationsController(Revocations revocations) {
        this.revocations = revocations;
    }

    @GetMapping("/oauth2/revocations")
    ResponseEntity<RevocationList.Published> published() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(revocations.published());
    }
}
