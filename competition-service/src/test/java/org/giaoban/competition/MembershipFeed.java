package org.giaoban.competition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MemberWithdrawn;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.platform.outbox.CloudEventRecord;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Stands in for the membership service: publishes membership integration events on {@code membership.events.v1}
 * exactly as its outbox relay does ({@code org.giaoban.platform.outbox.IntegrationEventRelay}): key = the event's
 * subject, value = its JSON from Spring's {@link ObjectMapper}, CloudEvents binary headers {@code ce_specversion},
 * {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_subject}, {@code ce_time}, {@code content-type},
 * {@code ce_actor}, {@code ce_correlationid}. Every send waits for Kafka's acknowledgement.
 *
 * <p>The topic is shared by every test class of the module (one Spring context, one broker): give what a test changes
 * ids of its own ({@link #uniqueId(String)}). {@link #publishNorthwest2023()} uses fixed {@code ce_id}s, so publishing
 * it again is a redelivery that consumers ignore: any test may call it.
 */
public final class MembershipFeed implements AutoCloseable {

    public static final String ACTOR = "membership-feed-test";

    public static final String TAY_BAC = "tay-bac";
    public static final String TAY_BAC_NAME = "Cụm các đô thị vùng Tây Bắc";
    /** The 11 members of 2023, id and name. */
    public static final Map<String, String> NORTHWEST_2023_MEMBERS = northwestMembers();
    public static final LocalDate CONFERENCE_2023 = LocalDate.of(2023, 9, 24);

    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;

    /**
     * @param kafka the service's Kafka properties (they point at the test broker)
     * @param json  Spring's ObjectMapper, as the membership service serialises with
     */
    public MembershipFeed(KafkaProperties kafka, ObjectMapper json) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.kafka = new KafkaTemplate<>(producers);
        this.json = json;
    }

    /** An id no other test uses, e.g. {@code uniqueId("cluster")} → {@code cluster-3f9c1a2b}. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes one event under a new {@code ce_id}, which it returns. */
    public String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes one event under the given {@code ce_id} (the same id again is a redelivery); returns the id. */
    public String publish(IntegrationEvent event, String ceId) {
        return publish(event, ceId, "feed-" + UUID.randomUUID());
    }

    /**
     * Publishes a message of {@code type} whose value is {@code value} as given, e.g. JSON that does not read as the
     * type (a consumer parks it at once); returns its new {@code ce_id}.
     */
    public String publishRaw(Class<? extends IntegrationEvent> type, String key, String value) {
        String ceId = UUID.randomUUID().toString();
        send(CloudEventRecord.of(MembershipEvents.CATALOG, type, key, value.getBytes(StandardCharsets.UTF_8), ceId, Instant.now(),
                ACTOR, "feed-" + UUID.randomUUID()), type.getSimpleName() + " " + ceId);
        return ceId;
    }

    /** Publishes events in order under new {@code ce_id}s; returns the ids in the same order. */
    public List<String> publishAll(IntegrationEvent... events) {
        List<String> ids = new ArrayList<>();
        for (IntegrationEvent event : events) {
            ids.add(publish(event));
        }
        return ids;
    }

    /**
     * The Northwest cluster as the membership service publishes it: the cluster {@value #TAY_BAC}, its 11 members of
     * 2023 admitted 2015-01-01 (Sa Pa 2020-01-01), Việt Trì admitted 2010-01-01 and withdrawn 2020-01-01, and the
     * dissolution of Yên Bái city into Âu Lâu ward on 2025-07-01 (the reorganisation, then the end of its membership,
     * reason {@code DISSOLVED}). Fixed {@code ce_id}s: publishing it again changes nothing for a consumer.
     *
     * @return the {@code ce_id}s, in publication order
     */
    public List<String> publishNorthwest2023() {
        List<IntegrationEvent> events = new ArrayList<>();
        events.add(new ClusterFormed(TAY_BAC, TAY_BAC_NAME, "Northwest urban cluster", "Tây Bắc",
                List.of("Cụm thi đua các đô thị vùng Tây Bắc", "Cụm các đô thị vùng núi Tây Bắc")));
        NORTHWEST_2023_MEMBERS.forEach((id, name) -> events.add(new UrbanAreaRegistered(id, name,
                name.startsWith("Thị xã") ? "TOWN" : "CITY", province(id), null)));
        events.add(new UrbanAreaRegistered("viet-tri", "Thành phố Việt Trì", "CITY", "Phú Thọ", null));
        events.add(new UrbanAreaRegistered("au-lau", "Phường Âu Lâu", "WARD", "Lào Cai", null));
        events.add(new MemberAdmitted("viet-tri", TAY_BAC, LocalDate.of(2010, 1, 1)));
        NORTHWEST_2023_MEMBERS.keySet().forEach(id -> events.add(new MemberAdmitted(id, TAY_BAC,
                id.equals("sa-pa") ? LocalDate.of(2020, 1, 1) : LocalDate.of(2015, 1, 1))));
        events.add(new MemberWithdrawn("viet-tri", TAY_BAC, LocalDate.of(2020, 1, 1),
                "Không còn trong danh sách đô thị thành viên của cụm"));
        LocalDate mergers = LocalDate.of(2025, 7, 1);
        events.add(new UrbanAreaReorganised("yen-bai", TAY_BAC, mergers, "Thành phố Yên Bái", "CITY", "Lào Cai", null,
                List.of("au-lau"), "Sắp xếp đơn vị hành chính từ 01/7/2025: địa bàn thành phố Yên Bái cũ nay thuộc "
                        + "các phường, trong đó có phường Âu Lâu, tỉnh Lào Cai"));
        events.add(new MemberWithdrawn("yen-bai", TAY_BAC, mergers, MemberWithdrawn.DISSOLVED));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String ceId = UUID.nameUUIDFromBytes(("northwest-2023/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            ids.add(publish(events.get(i), ceId, "demo-northwest-" + (i + 1)));
        }
        return ids;
    }

    private String publish(IntegrationEvent event, String ceId, String correlationId) {
        send(CloudEventRecord.of(MembershipEvents.CATALOG, event, value(event), ceId, Instant.now(), ACTOR, correlationId), event);
        return ceId;
    }

    private void send(ProducerRecord<String, byte[]> record, Object what) {
        CompletableFuture<?> sent = kafka.send(record);
        try {
            sent.get(ACKNOWLEDGEMENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + what, e);
        }
    }

    private byte[] value(IntegrationEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> northwestMembers() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("hoa-binh", "Thành phố Hòa Bình");
        members.put("ha-giang", "Thành phố Hà Giang");
        members.put("yen-bai", "Thành phố Yên Bái");
        members.put("nghia-lo", "Thị xã Nghĩa Lộ");
        members.put("lai-chau", "Thành phố Lai Châu");
        members.put("lao-cai", "Thành phố Lào Cai");
        members.put("sa-pa", "Thị xã Sa Pa");
        members.put("son-la", "Thành phố Sơn La");
        members.put("dien-bien-phu", "Thành phố Điện Biên Phủ");
        members.put("muong-lay", "Thị xã Mường Lay");
        members.put("tuyen-quang", "Thành phố Tuyên Quang");
        return Collections.unmodifiableMap(members);
    }

    private static String province(String urbanAreaId) {
        return switch (urbanAreaId) {
            case "hoa-binh" -> "Hòa Bình";
            case "ha-giang" -> "Hà Giang";
            case "yen-bai", "nghia-lo" -> "Yên Bái";
            case "lai-chau" -> "Lai Châu";
            case "lao-cai", "sa-pa" -> "Lào Cai";
            case "son-la" -> "Sơn La";
            case "dien-bien-phu", "muong-lay" -> "Điện Biên";
            case "tuyen-quang" -> "Tuyên Quang";
            default -> throw new IllegalArgumentException(urbanAreaId);
        };
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
