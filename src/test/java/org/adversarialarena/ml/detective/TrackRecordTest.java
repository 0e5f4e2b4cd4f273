package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.junit.jupiter.api.Test;

/** The track record counts catches over a window, versions accepted steps and keeps the latest losses. */
class TrackRecordTest {

    private static final int RECENT_WINDOW = 4;
    private static final int LOSS_CURVE_LENGTH = 3;

    private static TrackRecord record(long version, long forgeriesSeen, List<Double> losses) {
        DetectiveOptions options = new DetectiveOptions(32, 16, 16, 2e-5, 0.9, 512, 256, 0.6, RECENT_WINDOW,
                LOSS_CURVE_LENGTH, 1);
        return record(options, version, forgeriesSeen, List.of(), 0, losses);
    }

    private static TrackRecord record(DetectiveOptions options, long version, long forgeriesSeen, List<Boolean> catches,
            int rollbacks, List<Double> losses) {
        return new TrackRecord(DatasetId.FASHION_MNIST, options, version, forgeriesSeen, catches, rollbacks, losses, 0.8);
    }

    @Test
    void aRecordCarriedOnFromACheckpointKeepsItsCatchWindowAndRollbacks() {
        DetectiveOptions options = new DetectiveOptions(32, 16, 16, 2e-5, 0.9, 512, 256, 0.6, RECENT_WINDOW,
                LOSS_CURVE_LENGTH, 1);
        TrackRecord record = record(options, 5, 9, List.of(true, true, false, true, false), 2, List.of(0.5));

        assertThat(record.recentCatches()).as("only the window's worth").containsExactly(true, false, true, false);
        assertThat(record.stats().catchRate()).isEqualTo(0.5);
        assertThat(record.stats().rollbacks()).isEqualTo(2);
        assertThat(record.stats().forgeriesSeen()).isEqualTo(9);
        record.judged(0.1);
        assertThat(record.recentCatches()).containsExactly(false, true, false, true);
    }

    @Test
    void aForgeryJudgedFakeIsCaughtAndTheCatchRateCountsOnlyTheRecentWindow() {
        TrackRecord record = record(1, 0, List.of());
        assertThat(record.stats().catchRate()).isNaN();

        record.judged(0.9);
        record.judged(0.1);
        record.judged(0.49);
        record.judged(0.5);
        assertThat(record.stats().catchRate()).isEqualTo(0.5);

        record.judged(0.2);
        record.judged(0.3);
        DetectiveStats stats = record.stats();
        assertThat(stats.catchRate()).isEqualTo(0.75);
        assertThat(stats.recentForgeries()).isEqualTo(RECENT_WINDOW);
        assertThat(stats.forgeriesSeen()).isEqualTo(6);
    }

    @Test
    void anAcceptedStepRaisesTheVersionAndKeepsItsLossAndAccuracy() {
        TrackRecord record = record(7, 40, List.of(0.5));

        long version = record.stepAccepted(0.4, 0.75);

        assertThat(version).isEqualTo(8);
        DetectiveStats stats = record.stats();
        assertThat(stats.version()).isEqualTo(8);
        assertThat(stats.forgeriesSeen()).isEqualTo(40);
        assertThat(stats.realAccuracy()).isEqualTo(0.75);
        assertThat(stats.lossCurve()).containsExactly(0.5, 0.4);
        assertThat(stats.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
    }

    @Test
    void aRolledBackStepCountsButChangesNeitherVersionNorAccuracy() {
        TrackRecord record = record(3, 0, List.of());

        record.stepRolledBack();
        record.stepRolledBack();

        assertThat(record.version()).isEqualTo(3);
        assertThat(record.realAccuracy()).isEqualTo(0.8);
        assertThat(record.stats().rollbacks()).isEqualTo(2);
        assertThat(record.stats().lossCurve()).isEmpty();
    }

    @Test
    void onlyTheLatestLossesAreKeptFromAResumedCurveAndFromNewSteps() {
        TrackRecord record = record(5, 0, List.of(0.9, 0.8, 0.7, 0.6));
        assertThat(record.stats().lossCurve()).containsExactly(0.8, 0.7, 0.6);

        record.stepAccepted(0.5, 0.8);

        assertThat(record.stats().lossCurve()).containsExactly(0.7, 0.6, 0.5);
    }
}
