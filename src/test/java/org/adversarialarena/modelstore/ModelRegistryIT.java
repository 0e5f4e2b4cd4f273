package org.adversarialarena.modelstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ModelRegistryIT {

    @Autowired
    ModelRegistry models;

    @Test
    void aRegisteredModelComesBackWithItsBytesAndMetrics() {
        byte[] network = {80, 75, 3, 4, 1, 2, 3};
        models.register("detective-test", "v1", network, "{\"accuracy\": 0.987}");

        StoredModel found = models.find("detective-test", "v1").orElseThrow();
        assertThat(found.getNetwork()).containsExactly(network);
        assertThat(found.getMetrics()).contains("\"accuracy\"").contains("0.987");
        assertThat(found.getCreated()).isNotNull();
    }

    @Test
    void aPublishedVersionIsNeverOverwritten() {
        models.register("detective-test", "v2", new byte[] {1}, "{}");

        assertThatThrownBy(() -> models.register("detective-test", "v2", new byte[] {2}, "{}"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(models.find("detective-test", "v2").orElseThrow().getNetwork()).containsExactly(1);
    }

    @Test
    void unknownModelsAreAbsent() {
        assertThat(models.find("no-such-model", "v1")).isEmpty();
    }
}
