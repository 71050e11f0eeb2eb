package org.giaoban.news.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The search needs the {@code unaccent} extension. Where no PostgreSQL answers, the tests and the local stack use the
 * embedded (zonky) binaries: they must have it too, and take the migration that builds the index on it.
 */
class UnaccentInEmbeddedPostgresTest {

    @Test
    void theEmbeddedPostgresHasUnaccentAndTakesTheSearchIndex() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            try (ResultSet row = statement.executeQuery("SELECT unaccent('Hoà Bình'), unaccent('Hòa Bình'), unaccent('Đắk Lắk')")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("Hoa Binh");
                assertThat(row.getString(2)).isEqualTo("Hoa Binh");
                assertThat(row.getString(3)).isEqualTo("Dak Lak");
            }

            // The migration of the reading side as it is, then a search on its index.
            try (var migration = getClass().getResourceAsStream("/db/migration/V102__published_news.sql")) {
                statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
            }
            statement.execute("""
                    INSERT INTO published_article (article_id, slug, listed, revision, title, summary, body, category, category_key,
                        tags, tag_keys, cluster_ids, urban_area_ids, images, source_kind, first_published_at, published_at)
                    VALUES ('a1', 'giao-ban', TRUE, 1, 'Giao ban cụm các đô thị vùng Tây Bắc', NULL,
                        'Thành phố Hoà Bình (tỉnh Hoà Bình)', 'Thời sự', 'thời sự', '{}', '{}', '{}', '{}', '[]', 'EDITOR', now(), now())""");
            List<String> found = new ArrayList<>();
            for (String q : List.of("giao ban tay bac", "Hoà Bình", "Hòa Bình", "hoa binh")) {
                try (PreparedStatement search = connection.prepareStatement(
                        "SELECT slug FROM published_article WHERE search @@ plainto_tsquery('simple', news_fold(?))")) {
                    search.setString(1, q);
                    try (ResultSet rows = search.executeQuery()) {
                        found.add(rows.next() ? rows.getString(1) : "-");
                    }
                }
            }
            assertThat(found).containsOnly("giao-ban").hasSize(4);
        }
    }
}
