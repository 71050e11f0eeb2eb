package org.giaoban.platform.outbox;

import java.util.Optional;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A service's translation of its private domain events into the published language. A domain event that has no
 * public counterpart maps to empty and is not published.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<? extends IntegrationEvent> map(Object domainEvent);
}
