package org.adversarialarena.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ZIP of a run's images: safe, distinct file names, and a bound it refuses to pass. */
class ImageArchiveTest {

    @Test
    void aNicknameBecomesASafeFileNameAndASecondStudentOfTheSameNameGetsANumber() {
        ImageArchive archive = new ImageArchive(1024 * 1024);
        assertThat(archive.fileName("round-01-forge", "../etc/passwd")).isEqualTo("round-01-forge/__etc_passwd.png");
        assertThat(archive.fileName("round-01-forge", "Kim")).isEqualTo("round-01-forge/Kim.png");
        assertThat(archive.fileName("round-01-forge", "kim")).as("a kicked Kim's name taken again")
                .isEqualTo("round-01-forge/kim-2.png");
        assertThat(archive.fileName("round-01-forge", "小明")).isEqualTo("round-01-forge/小明.png");
    }

    @Test
    void anArchivePastItsBoundIsRefused() {
        ImageArchive archive = new ImageArchive(200);
        float[] noise = new float[784];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (i * 7919 % 256) / 255f;
        }
        assertThatThrownBy(() -> archive.add("round-01-forge", "Ann", noise)).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.export-too-large"));
    }
}
