package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cluster of a round, read from the round's id: what a coordinator's scope is checked against. */
class IdsTest {

    @ParameterizedTest(name = "{0} is a round of {1}")
    @CsvSource({
            "tay-bac-2023, tay-bac",
            "tay-bac-2024, tay-bac",
            "hn-1990, hn",
            "dong-bang-song-hong-2100, dong-bang-song-hong",
            "cum-3f9c1a2b-2031, cum-3f9c1a2b",
            // A cluster id may itself end in digits: only the last "-<year>" is the year.
            "cum-2023-2024, cum-2023",
    })
    void theClusterIsEverythingBeforeTheLastYear(String roundId, String clusterId) {
        assertThat(Ids.clusterOf(roundId)).isEqualTo(clusterId);
        assertThat(Ids.roundId(clusterId, Integer.parseInt(roundId.substring(roundId.lastIndexOf('-') + 1)))).isEqualTo(roundId);
    }

    @ParameterizedTest(name = "\"{0}\" is no round id: no cluster, so no coordinator's scope covers it")
    @NullSource
    @ValueSource(strings = {"", "tay-bac", "2023", "-2023", "tay-bac-23", "tay-bac-20234", "tay-bac-", "tay-bac-year"})
    void anIdWithoutAClusterAndAYearHasNoCluster(String roundId) {
        assertThat(Ids.clusterOf(roundId)).isNull();
    }
}
