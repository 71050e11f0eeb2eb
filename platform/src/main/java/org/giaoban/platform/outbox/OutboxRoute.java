package org.giaoban.platform.outbox;

import org.giaoban.contracts.EventCatalog;

/**
 * What a service publishes: the catalog of its topic (topic, CloudEvents source and type names) and how its domain
 * events map onto it. Declaring this bean turns the outbox relay on.
 */
public record OutboxRoute(EventCatalog catalog, IntegrationEventMapper mapper) {
}
