package org.giaoban.gateway.accounts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A client and what it may do; never its secret. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Account(String clientId, Role role, List<String> clusters, String urbanAreaId,
                      Instant createdAt, String createdBy, Instant secretRotatedAt) {
}
