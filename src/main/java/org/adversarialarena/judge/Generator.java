package org.adversarialarena.judge;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;

/** Something that makes fakes of one dataset for Judge: a shipped GAN, the crowd of Forge players, a Lab run. */
public interface Generator {

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

    DatasetId dataset();

    /** Up to {@code count} different images, drawn with {@code random}; fewer if it has fewer to give. */
    List<Fake> draw(int count, Random random);

    /**
     * Our classifier-based Fréchet distance of its images to the real test images, measured once and
     * kept (never per request); empty if it has not been or cannot be measured.
     */
    OptionalDouble frechetDistance();
}
