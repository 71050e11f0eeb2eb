package org.giaoban.contracts;

/** Kafka topics of the published language. Kept forever, so that a new consumer can rebuild from offset 0. */
public final class Topics {

    public static final String MEMBERSHIP = "membership.events.v1";
    public static final String COMPETITION = "competition.events.v1";
    public static final String NEWS = "news.events.v1";

    private Topics() {
    }

    /** The dead-letter topic where one consumer parks what it could not handle: {@code <topic>.dlt.<consumer>}. */
    public static String deadLetter(String topic, String consumer) {
        return topic + ".dlt." + consumer;
    }
}
