package org.adversarialarena.ml.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.ImagePng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported attempts are read as psql writes them and split by player, never by image. */
class PlayedEditsTest {

    @TempDir
    Path folder;

    @Test
    void readsPsqlsHexAndHoldsOutOddPlayersOfTheDataset() throws Exception {
        float[] original = ImagePixels.blank();
        float[] edited = ImagePixels.blank();
        edited[400] = 0.3f;
        String png = "\\x" + HexFormat.of().formatHex(ImagePng.toPng(original));
        String editedPng = "\\x" + HexFormat.of().formatHex(ImagePng.toPng(edited));
        Path export = folder.resolve("attempts.csv");
        Files.writeString(export, String.join("\n",
                "2,mnist," + png + "," + editedPng,
                "3,mnist," + png + "," + editedPng,
                "4,fashion-mnist," + png + "," + editedPng,
                "4,mnist," + png + "," + editedPng, ""));

        PlayedEdits played = PlayedEdits.read(export, DatasetId.MNIST);

        assertThat(played.training()).extracting(PlayedEdits.Edit::player).containsExactly(2L, 4L);
        assertThat(played.heldOut()).extracting(PlayedEdits.Edit::player).containsExactly(3L);
        assertThat(played.heldOut().get(0).edited()[400]).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(0.002f));
        assertThat(PlayedEdits.originals(played.training())).hasNumberOfRows(2);
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() throws Exception {
        Path export = folder.resolve("bad.csv");
        Files.writeString(export, "2,mnist,00\n");

        assertThatThrownBy(() -> PlayedEdits.read(export, DatasetId.MNIST)).hasMessageContaining("line 1");
    }
}
