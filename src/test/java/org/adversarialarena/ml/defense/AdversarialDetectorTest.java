package org.adversarialarena.ml.defense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adversarialarena.ml.attack.AttackFixtures;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.junit.jupiter.api.Test;

/** The shipped detectors flag the plain LeNet's adversarial examples and leave real images alone. */
class AdversarialDetectorTest {

    static final AdversarialDetector DETECTOR = AdversarialDetector.loadShipped(DatasetId.MNIST);
    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 20);

    @Test
    void rarelyFlagsRealTestDigits() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        float[][] real = test.subset(1_000, 1_300).firstImages(300);

        int alarms = 0;
        for (float p : DETECTOR.adversarialProbabilities(real)) {
            assertThat(p).isBetween(0f, 1f);
            alarms += p >= DETECTOR.threshold() ? 1 : 0;
        }

        assertThat(alarms).isLessThanOrEqualTo(15);
        assertThat(DETECTOR.flags(real[0])).isEqualTo(DETECTOR.adversarialProbability(real[0]) >= 0.5);
    }

    @Test
    void flagsMostFgsmAndPgdExamplesOfThePlainLeNet() {
        for (GradientAttack attack : List.of(GradientAttack.fgsm(0.3f), GradientAttack.pgd(Norm.LINF, 0.3f, 40))) {
            List<AttackResult> results = attack.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());
            long fooling = results.stream().filter(AttackResult::success).count();
            long flagged = results.stream().filter(AttackResult::success).filter(r -> DETECTOR.flags(r.adversarial())).count();

            assertThat(fooling).isPositive();
            assertThat(flagged).as(attack.name()).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * fooling));
        }
    }

    @Test
    void flagsMostHandEditsOfPlayersItNeverSawWhereTheFirstVersionPassedMany() {
        AdversarialDetector first = AdversarialDetector.loadShipped(DatasetId.MNIST, 1);
        long fooling = 0;
        long flaggedNow = 0;
        long flaggedByTheFirst = 0;
        for (var player : SimulatedPlayers.heldOut(0.3f)) {
            for (AttackResult result : player.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted())) {
                if (result.success()) {
                    fooling++;
                    flaggedNow += DETECTOR.flags(result.adversarial()) ? 1 : 0;
                    flaggedByTheFirst += first.flags(result.adversarial()) ? 1 : 0;
                }
            }
        }

        assertThat(AdversarialDetector.newestShippedVersion(DatasetId.MNIST)).isEqualTo(2);
        assertThat(fooling).isGreaterThanOrEqualTo(30);
        assertThat(flaggedNow).isGreaterThanOrEqualTo((long) Math.ceil(0.8 * fooling));
        assertThat(flaggedByTheFirst).isLessThan(flaggedNow);
    }

    @Test
    void theFashionDetectorRarelyFlagsRealClothesAndFlagsPgdExamplesOfItsLeNet() {
        AdversarialDetector fashion = AdversarialDetector.loadShipped(DatasetId.FASHION_MNIST);
        ClassifierPool lenet = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("fashion-mnist-lenet", 1)), 1);
        ImageSet test = Datasets.load(DatasetId.FASHION_MNIST).test();

        DetectionRates rates = DetectionRates.measure(fashion, lenet, test.subset(2_000, 2_200).firstImages(200),
                test.subset(2_000, 2_200).firstLabels(200), List.of(GradientAttack.pgd(Norm.LINF, 0.1f, 20)));

        assertThat(fashion.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
        assertThat(rates.falseAlarmRate()).isLessThanOrEqualTo(0.05);
        assertThat(rates.adversarialExamples().get("PGD-20 L∞ ε=0.10")).isGreaterThan(100);
        assertThat(rates.detectionRate().get("PGD-20 L∞ ε=0.10")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void itsShippedMetricsRecordDetectionAndFalseAlarmRates() {
        DetectionRates rates = DetectionRates.measure(DETECTOR, AttackFixtures.LENET, VICTIMS.images(), VICTIMS.labels(),
                List.of(GradientAttack.fgsm(0.3f)));

        assertThat(rates.falseAlarmRate()).isLessThanOrEqualTo(0.05);
        assertThat(rates.detectionRate().get("FGSM L∞ ε=0.30")).isGreaterThanOrEqualTo(0.9);
        assertThat(DETECTOR.withThreshold(0.9f).threshold()).isEqualTo(0.9f);
    }
}
