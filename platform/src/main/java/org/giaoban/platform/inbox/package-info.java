/**
 * Idempotent consumption of other services' integration events (ARCHITECTURE rules 3 and 5, EVENTS "Envelope").
 *
 * <h2>Declaring a consumer</h2>
 * A bean of type {@link org.giaoban.platform.inbox.IntegrationEventConsumer} (a Spring Cloud Stream functional
 * consumer of {@code Message<byte[]>}):
 * <pre>{@code
 * @Bean
 * IntegrationEventConsumer rosterReplica(InboxConsumers consumers, RosterReplica replica) {
 *     return consumers.define("competition-rosters", MembershipEvents.CATALOG)
 *             .on(MemberAdmitted.class, replica::admit)
 *             .on(MemberWithdrawn.class, (withdrawn, envelope) -> replica.withdraw(withdrawn, envelope.actor()))
 *             .build();
 * }
 * }</pre>
 * and its binding, in the service's {@code application.yml} (the bean name, the catalog's topic, the consumer name):
 * <pre>
 * spring.cloud.function.definition: rosterReplica          # ';'-separated when there are several
 * spring.cloud.stream.bindings.rosterReplica-in-0.destination: membership.events.v1
 * spring.cloud.stream.bindings.rosterReplica-in-0.group: competition-rosters
 * </pre>
 * The service refuses to start if these do not match the bean ({@link org.giaoban.platform.inbox.ConsumerBindingCheck}).
 * Nothing else is needed:
 * <ul>
 *   <li>each handler runs in one transaction with the record of the message's {@code ce_id}
 *       ({@link org.giaoban.platform.inbox.Inbox}); send commands with {@code sendAndWait} so they join it, through a
 *       gateway without retry scheduler (see {@code Inbox});</li>
 *   <li>unknown types and unknown fields are ignored;</li>
 *   <li>a failing message is tried {@code max-attempts} times (default 3, back-off 1 s, 2 s), then parked on
 *       {@code <topic>.dlt.<consumer>} and the partition moves on ({@link org.giaoban.platform.inbox.RetryThenPark}); a
 *       message without {@code ce_id} or with JSON that does not read is parked at once;</li>
 *   <li>the read topic and the dead-letter topic are created if missing, kept forever;</li>
 *   <li>{@code GET <base-path>/admin/dead-letters} counts what each consumer has parked and
 *       {@code POST <base-path>/admin/dead-letters/<consumer>/replay} replays it
 *       ({@link org.giaoban.platform.inbox.ParkedMessages}).</li>
 * </ul>
 * Optional, per binding: {@code spring.cloud.stream.bindings.<binding>.consumer.max-attempts},
 * {@code back-off-initial-interval}, {@code back-off-multiplier}, {@code back-off-max-interval}. Do not set the binder's
 * {@code enable-dlq} / {@code dlq-name}, and declare no other {@code ListenerContainerCustomizer} bean (the binder uses
 * only one, and this platform's parks the failed messages).
 */
package org.giaoban.platform.inbox;
