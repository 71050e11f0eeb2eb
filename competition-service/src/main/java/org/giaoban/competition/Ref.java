package org.giaoban.competition;

/** A cluster or urban area named as it was named when the round recorded it; names travel with ids. */
public record Ref(String id, String name) {
}
