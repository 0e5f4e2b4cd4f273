package org.adversarialarena.competition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defense track's compute quota and referee (docs/competitions.md): a recipe trains at most
 * {@code maxEpochs} passes over at most {@code trainingImages} images of the training split in
 * batches of {@code batchSize}, with at most {@code maxAttackSteps} attack steps per batch; an entrant
 * has {@code defensesPerEntrant} defenses and one in training at a time. The referee runs PGD with
 * {@code refereePgdSteps} steps and {@code refereeRestarts} restarts, APGD-CE and APGD-T with
 * {@code refereeApgdSteps} steps; a PGD accuracy above the APGD one by more than {@code maskingGap}
 * flags likely gradient masking.
 */
@ConfigurationProperties("arena.competitions.defense")
public record DefenseQuota(
        @DefaultValue("2") int maxEpochs,
        @DefaultValue("10") int maxAttackSteps,
        @DefaultValue("6400") int trainingImages,
        @DefaultValue("64") int batchSize,
        @DefaultValue("3") int defensesPerEntrant,
        @DefaultValue("40") int refereePgdSteps,
        @DefaultValue("5") int refereeRestarts,
        @DefaultValue("100") int refereeApgdSteps,
        @DefaultValue("0.2") double maskingGap) {

    /** Training steps (batches) of a recipe, the unit of its progress. */
    public int totalSteps(DefenseRecipe recipe, int availableImages) {
        int images = Math.min(trainingImages, availableImages);
        return recipe.epochs() * Math.max(1, (images + batchSize - 1) / batchSize);
    }
}
