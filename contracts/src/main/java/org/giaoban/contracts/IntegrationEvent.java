package org.giaoban.contracts;

/**
 * An event that crosses a service boundary. Its JSON form is the Kafka record value; {@link #subject()} is the
 * record key and the CloudEvents {@code subject}, so that one aggregate's events stay in order on one partition.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event is about. */
    String subject();
}
