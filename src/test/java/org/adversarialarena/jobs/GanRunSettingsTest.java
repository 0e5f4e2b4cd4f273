package org.adversarialarena.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;
import org.junit.jupiter.api.Test;

class GanRunSettingsTest {

    @Test
    void leftOutSettingsTakeTheDefaultRecipeAndGivenOnesAreReadInAnyCaseOrAsText() {
        GanRunSettings settings = GanRunSettings.parse(Map.of("dataset", "fashion-mnist", "architecture", "DCGAN",
                "loss", "least-squares", "discriminatorSteps", "3", "steps", 500));

        assertThat(settings.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
        assertThat(settings.architecture()).isEqualTo(GanArchitecture.DCGAN);
        assertThat(settings.loss()).isEqualTo(GanLoss.LEAST_SQUARES);
        assertThat(settings.discriminatorSteps()).isEqualTo(3);
        assertThat(settings.steps()).isEqualTo(500);
        assertThat(settings.generatorLearningRate()).isEqualTo(GanRunSettings.defaults().generatorLearningRate());
        assertThat(settings.toOptions().iterations()).isEqualTo(500);
    }

    @Test
    void storedSettingsReadBackTheSame() {
        GanRunSettings settings = GanRunSettings.parse(Map.of("loss", "wasserstein", "weightClip", 0.02, "seed", 7,
                "realLabel", 1));

        assertThat(GanRunSettings.fromJson(settings.toJson())).isEqualTo(settings);
    }

    @Test
    void anUnknownLossIsRefusedWithTheLossesThereAre() {
        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("loss", "wgan-lp")))
                .isInstanceOf(InvalidRunSettingsException.class)
                .hasMessage("Unknown loss 'wgan-lp': choose one of minimax, non_saturating, least_squares, wasserstein, hinge, wgan_gp");
    }

    @Test
    void everyProblemIsNamedAtOnceWithItsTranslationKey() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dataset", "cifar");
        values.put("generatorLearningRate", 0);
        values.put("discriminatorLearningRate", "fast");
        values.put("realLabel", 0.4);
        values.put("batchSize", 10_000);
        values.put("discriminatorSteps", 2.5);
        values.put("steps", -1);
        values.put("epochs", 3);

        assertThatThrownBy(() -> GanRunSettings.parse(values))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingProblem::setting, SettingProblem::key)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("epochs", "jobs.settings.unknown-setting"),
                                org.assertj.core.groups.Tuple.tuple("dataset", "jobs.settings.unknown-choice"),
                                org.assertj.core.groups.Tuple.tuple("discriminatorLearningRate", "jobs.settings.not-a-number"),
                                org.assertj.core.groups.Tuple.tuple("discriminatorSteps", "jobs.settings.not-whole"),
                                org.assertj.core.groups.Tuple.tuple("generatorLearningRate", "jobs.settings.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("realLabel", "jobs.settings.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("batchSize", "jobs.settings.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("steps", "jobs.settings.out-of-range")))
                .hasMessageContaining("generatorLearningRate must be in (0, 1], was 0")
                .hasMessageContaining("batchSize must be in [1, 512], was 10000")
                .hasMessageContaining("realLabel must be in (0.5, 1], was 0.4")
                .hasMessageContaining("There is no setting 'epochs'");
    }

    @Test
    void theProblemsCarryWhatTheTranslatedMessageNeeds() {
        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("batchSize", 0)))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class, e -> assertThat(e.problems().getFirst())
                        .extracting(SettingProblem::arguments, list(Object.class))
                        .containsExactly("batchSize", "[1, 512]", "0"));
    }

    @Test
    void boundsAreIncludedOrExcludedAsTheRangesSay() {
        assertThat(GanRunSettings.parse(Map.of("realLabel", 1, "discriminatorLearningRate", 1, "batchSize", 512,
                "discriminatorSteps", 10)).batchSize()).isEqualTo(512);
        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("realLabel", 0.5))).hasMessageContaining("realLabel");
        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("discriminatorSteps", 11))).hasMessageContaining("[1, 10]");
        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("weightClip", "NaN"))).hasMessageContaining("weightClip");
    }

    @Test
    void theLabsSettingsHingeWganGpUnconditionalAndTheLatentSizeAreReadCheckedAndStored() {
        GanRunSettings settings = GanRunSettings.parse(Map.of("loss", "wgan-gp", "conditional", "false",
                "latentSize", 32));
        assertThat(settings.loss()).isEqualTo(GanLoss.WGAN_GP);
        assertThat(settings.conditional()).isFalse();
        assertThat(settings.toOptions().conditional()).isFalse();
        assertThat(settings.toOptions().latentSize()).isEqualTo(32);
        assertThat(GanRunSettings.fromJson(settings.toJson())).isEqualTo(settings);
        assertThat(GanRunSettings.parse(Map.of("loss", "HINGE")).loss()).isEqualTo(GanLoss.HINGE);
        assertThat(GanRunSettings.defaults().conditional()).isTrue();

        assertThatThrownBy(() -> GanRunSettings.parse(Map.of("conditional", "maybe", "latentSize", 1)))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingProblem::key)
                        .containsExactly("jobs.settings.not-yes-no", "jobs.settings.out-of-range"));
    }

    @Test
    void aForkMayChangeTheTrainingButNotTheNetworksShape() {
        GanRunSettings parent = GanRunSettings.defaults();
        assertThat(GanRunSettings.parse(Map.of("loss", "minimax", "discriminatorLearningRate", 0.001, "seed", 9))
                .sameNetworksAs(parent)).isTrue();
        assertThat(GanRunSettings.parse(Map.of("loss", "hinge")).sameNetworksAs(parent)).isFalse();
        assertThat(GanRunSettings.parse(Map.of("latentSize", 32)).sameNetworksAs(parent)).isFalse();
        assertThat(GanRunSettings.parse(Map.of("conditional", false)).sameNetworksAs(parent)).isFalse();
    }
}
