package org.adversarialarena.forge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.adversarialarena.base.TranslatedText;
import org.adversarialarena.forge.BlankForgeryException;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.ml.detective.NearDuplicateException;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.round.TooManySubmissionsException;
import org.junit.jupiter.api.Test;

/** What a Forge page shows, and when a result stops describing the canvas. */
class ForgeSessionTest {

    private static final int SEVEN = 7;

    private final ForgeSession session = new ForgeSession(DatasetId.MNIST, SEVEN);

    @Test
    void aScoredForgeryStaysOnScreenUntilTheNextStroke() {
        session.imageJudged(verdict(0.7, 1));
        session.submit(() -> scored(0.7, true));
        assertThat(session.outcome()).hasValueSatisfying(outcome ->
                assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.Scored.class, scored -> {
                    assertThat(scored.counted()).isTrue();
                    assertThat(scored.refused()).isFalse();
                }));

        session.imageJudged(verdict(0.4, 1));

        assertThat(session.outcome()).isEmpty();
        assertThat(session.verdict()).hasValueSatisfying(shown -> assertThat(shown.realProbability()).isEqualTo(0.4));
    }

    @Test
    void aStrokeTooFastToJudgeKeepsTheEarlierVerdictButClearsTheResult() {
        session.imageJudged(verdict(0.7, 1));
        session.submit(() -> scored(0.7, true));

        session.imageChangedUnjudged();

        assertThat(session.outcome()).isEmpty();
        assertThat(session.verdict()).hasValueSatisfying(shown -> assertThat(shown.realProbability()).isEqualTo(0.7));
        assertThat(session.judgements()).isEqualTo(1);
        // It no longer describes the canvas: judging again must start from the image, not from it.
        assertThat(session.verdictOfCanvas()).isEmpty();
    }

    @Test
    void aNewerDetectiveJudgesTheSameCanvasAgainAndTheScoreStays() {
        session.imageJudged(verdict(0.7, 1));
        session.submit(() -> scored(0.7, true));

        assertThat(session.isOutdatedBy(stats(DatasetId.MNIST, 2))).isTrue();
        session.rejudged(verdict(0.3, 2));

        assertThat(session.outcome()).isPresent();
        assertThat(session.isOutdatedBy(stats(DatasetId.MNIST, 2))).isFalse();
        assertThat(session.judgements()).isEqualTo(2);
        assertThat(session.verdictOfCanvas()).hasValueSatisfying(shown -> assertThat(shown.realProbability()).isEqualTo(0.3));
    }

    @Test
    void onlyTheDetectiveOfTheShownDatasetOutdatesTheVerdict() {
        session.imageJudged(verdict(0.5, 1));

        assertThat(session.isOutdatedBy(stats(DatasetId.FASHION_MNIST, 5))).isFalse();
        assertThat(session.isOutdatedBy(stats(DatasetId.MNIST, 1))).isFalse();
        assertThat(session.isOutdatedBy(stats(DatasetId.MNIST, 5))).isTrue();
    }

    @Test
    void anotherPromptStartsWithNoVerdictAndNoResult() {
        session.imageJudged(verdict(0.7, 1));
        session.submit(() -> scored(0.7, false));

        session.choose(DatasetId.FASHION_MNIST, 0);

        assertThat(session.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
        assertThat(session.prompt()).isZero();
        assertThat(session.verdict()).isEmpty();
        assertThat(session.outcome()).isEmpty();
    }

    @Test
    void aCopyOfARealImageIsRefused() {
        SubmissionOutcome outcome = session.submit(() -> {
            throw new NearDuplicateException(0.01, 0.05);
        });

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Copied.class);
        assertThat(outcome.refused()).isTrue();
        assertThat(session.outcome()).contains(outcome);
    }

    @Test
    void aBlankForgeryIsRefusedAsBlank() {
        SubmissionOutcome outcome = session.submit(() -> {
            throw new BlankForgeryException();
        });

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Blank.class);
        assertThat(outcome.refused()).isTrue();
    }

    @Test
    void aMalformedImageIsRefusedWithItsReason() {
        SubmissionOutcome outcome = session.submit(() -> {
            throw new InvalidImageException(InvalidImageException.Problem.NOT_FINITE, "Pixel 3 is not finite.", 3);
        });

        assertThat(outcome).isEqualTo(new SubmissionOutcome.Unjudgeable(new TranslatedText("image.invalid.not-finite", 3)));
    }

    @Test
    void submittingTooFastSaysWhenToTryAgain() {
        SubmissionOutcome outcome = session.submit(() -> {
            throw new TooManySubmissionsException(Duration.ofSeconds(4));
        });

        assertThat(outcome).isEqualTo(new SubmissionOutcome.TooFast(4));
    }

    @Test
    void aForgeryTheClassifierDoesNotReadAsThePromptIsScoredButNotCounted() {
        SubmissionOutcome outcome = session.submit(() -> scored(0.9, false));

        assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.Scored.class,
                scored -> assertThat(scored.counted()).isFalse());
    }

    /**
     * A failure (the database is away) is the page's error handler's to report: it is no refusal, and
     * the earlier result does not stay on screen as if it were this submission's (issue 24).
     */
    @Test
    void aFailureThatIsNoRefusalIsNotDisguisedAsOneNorAsTheEarlierResult() {
        session.submit(() -> scored(0.7, true));

        assertThatThrownBy(() -> session.submit(() -> {
            throw new IllegalStateException("the database is gone");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(session.outcome()).isEmpty();
    }

    @Test
    void aPromptTheDatasetDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> session.choose(DatasetId.MNIST, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(session.prompt()).isEqualTo(SEVEN);
    }

    private static LiveVerdict verdict(double real, long version) {
        float[] probabilities = new float[10];
        probabilities[SEVEN] = 1;
        return new LiveVerdict(real, probabilities, version, null);
    }

    private static Submission scored(double real, boolean classifierAgrees) {
        return new Submission(1, 1, 1, new DetectiveVerdict(real, classifierAgrees ? 0.9 : 0.1, classifierAgrees,
                DetectiveVerdict.points(real, classifierAgrees)));
    }

    private static DetectiveStats stats(DatasetId dataset, long version) {
        return new DetectiveStats(dataset, version, 0, Double.NaN, 0, 0.8, 0, List.of());
    }
}
