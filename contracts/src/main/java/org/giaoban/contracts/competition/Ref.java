package org.giaoban.contracts.competition;

/**
 * A named reference to a cluster (cụm) or an urban area (đô thị): its id with its Vietnamese name (NFC) as the
 * competition service knew it when the event happened. Names travel with ids so that a consumer never waits for
 * the membership topic to tell a story.
 */
public record Ref(String id, String name) {
}
