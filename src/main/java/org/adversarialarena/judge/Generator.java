package org.adversarialarena.judge;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;

/** Something that makes fakes of one dataset for Judge: a shipped GAN, the crowd of Forge players, a Lab run. */
public interface Generator {

    /** Between the dataset and the run's number in a Lab run generator's id. */
    String LAB_RUN_INFIX = "-lab-run-";

    /** A stable slug, stored with every image it made, e.g. {@code mnist-cgan-v1}. */
    String id();

    /** What the ranking calls it, e.g. "MLP cGAN v1". */
    String name();

    /**
     * Whether {@code generatorId} is the crowd of Forge players: unlike a model's, its name is words,
     * which a page shows in the reader's language instead of {@link #name()}.
     */
    static boolean isCrowd(String generatorId) {
        return generatorId.endsWith(CrowdForgeries.ID_SUFFIX);
    }

    /**
     * The id of a Lab run's generator, e.g. {@code mnist-lab-run-42}: the Lab declares such generators,
     * and a page names them in the reader's language with the run's number ({@link #labRunOf}).
     */
    static String labRunId(DatasetId dataset, long runId) {
        return dataset.slug() + LAB_RUN_INFIX + runId;
    }

    /** The Lab run behind a generator id made by {@link #labRunId}; empty for any other generator. */
    static OptionalLong labRunOf(String generatorId) {
        int at = generatorId.lastIndexOf(LAB_RUN_INFIX);
        if (at < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(generatorId.substring(at + LAB_RUN_INFIX.length())));
        } catch (NumberFormatException notARun) {
            return OptionalLong.empty();
        }
    }

    DatasetId dataset();

    /** Up to {@code count} different images, drawn with {@code random}; fewer if it has fewer to give. */
    List<Fake> draw(int count, Random random);

    /**
     * Our classifier-based Fréchet distance of its images to the real test images, measured once and
     * kept (never per request); empty if it has not been or cannot be measured.
     */
    OptionalDouble frechetDistance();
}
