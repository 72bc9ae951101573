package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StartRankingTests {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    @Test
    void moreStartsForTheOneAlreadyFirstKeepTheOrder() {
        assertThat(StartRanking.reordered(Map.of(A, 10L, B, 5L, C, 0L), Map.of(A, 12L, B, 5L, C, 0L), Set.of(A)))
                .isFalse();
    }

    @Test
    void countsThatMoveButKeepEveryComparisonKeepTheOrder() {
        assertThat(StartRanking.reordered(Map.of(A, 10L, B, 5L, C, 0L), Map.of(A, 30L, B, 20L, C, 1L),
                Set.of(A, B, C))).isFalse();
    }

    @Test
    void passingAnotherChangesTheOrder() {
        assertThat(StartRanking.reordered(Map.of(A, 10L, B, 5L, C, 0L), Map.of(A, 10L, B, 11L, C, 0L), Set.of(B)))
                .isTrue();
    }

    @Test
    void catchingUpWithAnotherChangesTheOrder() {
        assertThat(StartRanking.reordered(Map.of(A, 10L, B, 5L), Map.of(A, 10L, B, 10L), Set.of(B))).isTrue();
    }

    @Test
    void leavingATieChangesTheOrder() {
        assertThat(StartRanking.reordered(Map.of(A, 5L, B, 5L, C, 0L), Map.of(A, 6L, B, 5L, C, 0L), Set.of(A)))
                .isTrue();
    }

    @Test
    void aChangedCountInATieMayChangeTheOrderOfTheTie() {
        // both written to the index again: the index's own order of the two, the last tie-break, may change
        assertThat(StartRanking.reordered(Map.of(A, 5L, B, 5L, C, 0L), Map.of(A, 6L, B, 6L, C, 0L), Set.of(A, B)))
                .isTrue();
    }

    @Test
    void nothingChangedChangesNothing() {
        assertThat(StartRanking.reordered(Map.of(A, 5L, B, 5L), Map.of(A, 5L, B, 5L), Set.of())).isFalse();
    }
}
