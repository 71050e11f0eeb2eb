package org.giaoban.gateway.keys;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation for operators (the security configuration requires the OPERATOR role on /api/keys). */
@RestController
@RequestMapping("/api/keys")
class KeysController {

    private final SigningKeys keys;

    KeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A new key signs from now on; the previous one stays in the JWKS for giaoban.keys.retired-key-retention. */
    @PostMapping("/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    SigningKeys.Rotation rotate() {
        return keys.rotate();
    }
}
