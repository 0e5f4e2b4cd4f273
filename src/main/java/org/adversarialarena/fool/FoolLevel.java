package org.adversarialarena.fool;

import java.util.Locale;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.TrainingMethod;

/**
 * The Fool game's levels, each one idea of the lecture. A level fixes which model judges the
 * attempt, how the budget is measured and how large it is on each dataset (Fashion-MNIST's images
 * are richer in mid-grey, so the same ε hides less there), whether a target class is set, whether
 * the judging model is hidden or guarded by a detector, and how much a success weighs.
 */
public enum FoolLevel {

    // Weights from measured success rates, not guesses: LevelBalanceIT and docs/fool.md, "Level balance".
    FEW_PIXELS("few-pixels", Opponent.PLAIN, BudgetKind.L0, 20, 20, false, 2.5),
    FAINT_TOUCH("faint-touch", Opponent.PLAIN, BudgetKind.LINF, 0.3f, 0.1f, false, 1.0),
    TARGETED("targeted", Opponent.PLAIN, BudgetKind.L0, 40, 40, true, 2.0),
    FORTRESS("fortress", Opponent.ROBUST, BudgetKind.LINF, 0.3f, 0.1f, false, 4.0),
    BLINDFOLD("blindfold", Opponent.HIDDEN, BudgetKind.LINF, 0.3f, 0.1f, false, 1.5),
    SENTINEL("sentinel", Opponent.GUARDED, BudgetKind.LINF, 0.3f, 0.1f, false, 3.5);

    /** The network the player plays against: it decides whether the player fooled it. */
    enum Opponent {
        /** The plain LeNet, in full view (probabilities and saliency). */
        PLAIN,
        /** The adversarially trained LeNet (online PGD, Madry et al.). */
        ROBUST,
        /** The MLP, shown only as a top label a few times; the LeNet is there for practice. */
        HIDDEN,
        /** The plain LeNet behind an adversarial-example detector. */
        GUARDED
    }

    private static final int FIRST_VERSION = 1;

    private final String slug;
    private final Opponent opponent;
    private final BudgetKind budgetKind;
    private final float mnistLimit;
    private final float fashionLimit;
    private final boolean targeted;
    private final double weight;

    FoolLevel(String slug, Opponent opponent, BudgetKind budgetKind, float mnistLimit, float fashionLimit, boolean targeted,
            double weight) {
        this.slug = slug;
        this.opponent = opponent;
        this.budgetKind = budgetKind;
        this.mnistLimit = mnistLimit;
        this.fashionLimit = fashionLimit;
        this.targeted = targeted;
        this.weight = weight;
    }

    /** Used in board names, URLs and translation keys. */
    public String slug() {
        return slug;
    }

    /** 1-based, as the levels are numbered for players. */
    public int number() {
        return ordinal() + 1;
    }

    public Budget budget(DatasetId dataset) {
        return new Budget(budgetKind, dataset == DatasetId.MNIST ? mnistLimit : fashionLimit);
    }

    public BudgetKind budgetKind() {
        return budgetKind;
    }

    public boolean targeted() {
        return targeted;
    }

    /** The judging model is hidden: the player sees only its top label, a limited number of times. */
    public boolean hiddenModel() {
        return opponent == Opponent.HIDDEN;
    }

    /** An adversarial-example detector must not flag the submission. */
    public boolean guardedByDetector() {
        return opponent == Opponent.GUARDED;
    }

    /** A saliency map of the judging model may be shown as a hint (only where its gradients are open). */
    public boolean offersSaliencyHint() {
        return opponent == Opponent.PLAIN;
    }

    /** Points multiply by this: a level on which fewer attempts succeed weighs more. */
    public double weight() {
        return weight;
    }

    /**
     * The network that decides a new attempt: the newest shipped version of the level's model. An issued
     * challenge keeps the version it was issued with, so an attempt is always judged by the model it faced.
     */
    public ClassifierId judgingModel(DatasetId dataset) {
        return ClassifierFiles.newestShipped(switch (opponent) {
            case PLAIN, GUARDED -> new ClassifierId(dataset, ClassifierArchitecture.LENET, FIRST_VERSION);
            case ROBUST -> new ClassifierId(dataset, ClassifierArchitecture.LENET, TrainingMethod.MADRY, FIRST_VERSION);
            case HIDDEN -> new ClassifierId(dataset, ClassifierArchitecture.MLP, FIRST_VERSION);
        });
    }

    /** The network whose probabilities the player watches while editing: the judge, unless it is hidden. */
    public ClassifierId visibleModel(DatasetId dataset) {
        return hiddenModel() ? plainLeNet(dataset) : judgingModel(dataset);
    }

    static ClassifierId plainLeNet(DatasetId dataset) {
        return ClassifierFiles.newestShipped(new ClassifierId(dataset, ClassifierArchitecture.LENET, FIRST_VERSION));
    }

    public String titleKey() {
        return "fool.level." + slug + ".title";
    }

    /** One paragraph on the idea behind the level. */
    public String explanationKey() {
        return "fool.level." + slug + ".explanation";
    }

    public static FoolLevel fromSlug(String slug) {
        for (FoolLevel level : values()) {
            if (level.slug.equals(slug)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown level '" + slug + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(FoolLevel::slug).toList()));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
