package org.adversarialarena.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ImageStoreIT {

    @Autowired
    ImageStore images;

    @Autowired
    PlayerService players;

    @Test
    void aSavedImageComesBackAsTheSamePixelsWithItsPlayer() {
        Player grace = players.join("grace");
        float[] pixels = ImagePixels.blank();
        pixels[0] = 1f;
        pixels[29] = 0.5f;

        StoredImage saved = images.save(ImageKind.FORGERY, pixels, grace, null);

        StoredImage found = images.find(saved.getId()).orElseThrow();
        assertThat(found.getKind()).isEqualTo(ImageKind.FORGERY);
        assertThat(found.getWidth()).isEqualTo(28);
        assertThat(found.getHeight()).isEqualTo(28);
        assertThat(found.getPng()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        float[] back = images.pixelsOf(saved.getId()).orElseThrow();
        assertThat(back[0]).isEqualTo(1f);
        assertThat(back[29]).isCloseTo(0.5f, within(1f / 255f));
        assertThat(back[1]).isZero();
    }

    @Test
    void anInvalidImageIsRefusedAndNothingIsStored() {
        long before = images.count(ImageKind.SKETCH);
        float[] broken = ImagePixels.blank();
        broken[100] = Float.NaN;

        assertThatThrownBy(() -> images.save(ImageKind.SKETCH, broken, null, null))
                .isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> images.save(ImageKind.SKETCH, new float[10], null, null))
                .isInstanceOf(InvalidImageException.class);
        assertThat(images.count(ImageKind.SKETCH)).isEqualTo(before);
    }

    @Test
    void anUnknownIdFindsNoImage() {
        assertThat(images.find(Long.MAX_VALUE)).isEmpty();
        assertThat(images.pixelsOf(Long.MAX_VALUE)).isEmpty();
    }
}
