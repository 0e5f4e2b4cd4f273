package org.adversarialarena.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.ml.data.DatasetId;
import org.springframework.stereotype.Component;

/**
 * The crowd as a generator: Forge players' latest forgeries that fooled the live detective, read
 * through Forge's gallery. A dataset without such forgeries has no crowd generator yet. No Fréchet
 * distance: the forgeries are few, of a handful of prompted classes, and change with every submission.
 */
@Component
class CrowdForgeries implements GeneratorSource {

    static final String ID_SUFFIX = "-forge-crowd";

    private final ForgeService forge;
    private final JudgeProperties properties;

    CrowdForgeries(ForgeService forge, JudgeProperties properties) {
        this.forge = forge;
        this.properties = properties;
    }

    static String idOf(DatasetId dataset) {
        return dataset.slug() + ID_SUFFIX;
    }

    @Override
    public List<Generator> generators(DatasetId dataset) {
        if (properties.crowdGallery() == 0) {
            return List.of();
        }
        return List.of(new Crowd(dataset));
    }

    private final class Crowd implements Generator {

        private final DatasetId dataset;

        Crowd(DatasetId dataset) {
            this.dataset = dataset;
        }

        @Override
        public String id() {
            return idOf(dataset);
        }

        @Override
        public String name() {
            return "Forge players";
        }

        @Override
        public DatasetId dataset() {
            return dataset;
        }

        @Override
        public List<Fake> draw(int count, Random random) {
            List<Forgery> gallery = new ArrayList<>(forge.gallery(dataset, properties.crowdGallery()));
            Collections.shuffle(gallery, random);
            List<Fake> fakes = new ArrayList<>(Math.min(count, gallery.size()));
            for (Forgery forgery : gallery.subList(0, Math.min(count, gallery.size()))) {
                fakes.add(new Fake(id(), forgery.promptClass(), "forgery:" + forgery.id(), forgery.pixels()));
            }
            return fakes;
        }

        @Override
        public OptionalDouble frechetDistance() {
            return OptionalDouble.empty();
        }
    }
}
