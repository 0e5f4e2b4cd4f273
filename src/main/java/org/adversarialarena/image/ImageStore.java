package org.adversarialarena.image;

import java.time.Clock;
import java.util.Optional;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.GameRound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the games' images as PNG and gives them back as pixels. */
@Service
@Transactional
public class ImageStore {

    private final StoredImageRepository images;
    private final Clock clock;

    ImageStore(StoredImageRepository images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    /** Validates and stores {@code pixels}; throws {@code InvalidImageException} and stores nothing if they are not an image. */
    public StoredImage save(ImageKind kind, float[] pixels, @Nullable Player player, @Nullable GameRound round) {
        byte[] png = ImagePng.toPng(pixels);
        return images.save(new StoredImage(kind, ImagePixels.SIDE, ImagePixels.SIDE, png, player, round, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<StoredImage> find(long id) {
        return images.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<float[]> pixelsOf(long id) {
        return images.findById(id).map(image -> ImagePng.fromPng(image.getPng()));
    }

    @Transactional(readOnly = true)
    public long count(ImageKind kind) {
        return images.countByKind(kind);
    }
}
