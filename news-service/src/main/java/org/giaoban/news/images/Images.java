package org.giaoban.news.images;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uploaded pictures, in the table {@code news_image} (V105): written once, never changed. Not a read model: no
 * event carries the bytes, and a rebuild of the projections leaves the table alone.
 */
@Component
class Images {

    private final JdbcClient jdbc;

    Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is known of a picture besides its bytes. */
    record Stored(UUID imageId, String contentType, int size, String sha256, Integer width, Integer height, String caption,
                  String uploadedBy, Instant uploadedAt) {
    }

    void add(Stored image, byte[] bytes) {
        jdbc.sql("""
                        INSERT INTO news_image (image_id, content_type, bytes, byte_size, sha256, width, height, caption,
                                                uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(image.imageId(), image.contentType(), bytes, image.size(), image.sha256(), image.width(),
                        image.height(), image.caption(), image.uploadedBy(), Timestamp.from(image.uploadedAt()))
                .update();
    }

    Optional<Stored> find(UUID imageId) {
        return jdbc.sql("""
                        SELECT image_id, content_type, byte_size, sha256, width, height, caption, uploaded_by, uploaded_at
                        FROM news_image WHERE image_id = ?""")
                .param(imageId)
                .query((row, i) -> new Stored(row.getObject("image_id", UUID.class), row.getString("content_type"),
                        row.getInt("byte_size"), row.getString("sha256"), (Integer) row.getObject("width"),
                        (Integer) row.getObject("height"), row.getString("caption"), row.getString("uploaded_by"),
                        row.getTimestamp("uploaded_at").toInstant()))
                .optional();
    }

    Optional<byte[]> bytes(UUID imageId) {
        return jdbc.sql("SELECT bytes FROM news_image WHERE image_id = ?").param(imageId).query(byte[].class).optional();
    }
}
