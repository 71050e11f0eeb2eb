package org.giaoban.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The integration event types published on one topic, by CloudEvents {@code type}
 * ({@code org.giaoban.membership.MemberAdmitted.v1}). Producers name what they send with it; consumers find
 * the record to read a message into, and ignore types they do not know.
 */
public final class EventCatalog {

    private final String topic;
    private final String source;
    private final Map<String, Class<? extends IntegrationEvent>> byType = new LinkedHashMap<>();
    private final Map<Class<? extends IntegrationEvent>, String> byClass = new LinkedHashMap<>();

    /**
     * @param typePrefix prefix of every CloudEvents type, e.g. {@code org.giaoban.membership}
     * @param versions   each record with the version of its schema; a record named {@code ...V2} is version 2 of the
     *                   type without the suffix
     */
    public static EventCatalog of(String topic, String source, String typePrefix,
                                  Map<Class<? extends IntegrationEvent>, Integer> versions) {
        return new EventCatalog(topic, source, typePrefix, versions);
    }

    private EventCatalog(String topic, String source, String typePrefix, Map<Class<? extends IntegrationEvent>, Integer> versions) {
        this.topic = topic;
        this.source = source;
        versions.forEach((type, version) -> {
            String name = typePrefix + "." + type.getSimpleName().replaceFirst("V\\d+$", "") + ".v" + version;
            byType.put(name, type);
            byClass.put(type, name);
        });
    }

    public String topic() {
        return topic;
    }

    /** CloudEvents {@code source} of every event of this catalog. */
    public String source() {
        return source;
    }

    public String typeOf(Class<? extends IntegrationEvent> type) {
        String name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not published on " + topic);
        }
        return name;
    }

    public Optional<Class<? extends IntegrationEvent>> classOf(String ceType) {
        return Optional.ofNullable(byType.get(ceType));
    }

    /** Every type name with its record, in the order they are documented. */
    public Map<String, Class<? extends IntegrationEvent>> types() {
        // Not Map.copyOf: it does not keep the order.
        return Collections.unmodifiableMap(byType);
    }
}
