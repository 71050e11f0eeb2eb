package org.giaoban.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How aggregates are written as snapshots: JSON of their fields. An aggregate keeps its state in private fields with
 * no getters (and private nested classes and records), which the application's ObjectMapper, reading getters, cannot
 * see. Snapshots are therefore written by a copy of that mapper (java.time and the other modules kept) that reads and
 * writes fields of any visibility and ignores getters and setters; the application's mapper itself, which Axon's
 * general serializer (tokens, dead letters) and the web use, is left as it is.
 *
 * <p>Jackson creates a class through its no-argument constructor (private is fine) or a record through its canonical
 * constructor, then sets the fields, final ones included. The insertion order of maps is kept (it is state: the order
 * of participants and motions).
 *
 * <p>An aggregate that is snapshotted carries {@code @Revision}: Axon ignores snapshots of another revision and
 * rebuilds from the events. Change its fields, change its revision.
 */
public final class SnapshotSerializer {

    private SnapshotSerializer() {
    }

    /**
     * The snapshot serializer over a copy of {@code applicationMapper}, with the general serializer's revision resolver
     * and a converter on {@code classLoader}, as Axon's Spring Boot autoconfiguration builds its serializers.
     */
    public static JacksonSerializer over(ObjectMapper applicationMapper, RevisionResolver revisionResolver, ClassLoader classLoader) {
        return JacksonSerializer.builder()
                .objectMapper(fieldsOnly(applicationMapper))
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader))
                .build();
    }

    /** A copy of {@code applicationMapper} that sees fields of any visibility and no getters, setters or is-getters. */
    static ObjectMapper fieldsOnly(ObjectMapper applicationMapper) {
        return applicationMapper.copy()
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }
}
