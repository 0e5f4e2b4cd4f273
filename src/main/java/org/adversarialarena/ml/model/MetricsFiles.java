package org.adversarialarena.ml.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Adds figures measured after training (robust accuracy, re-judged GAN quality) to a model's {@code metrics.json}. */
public final class MetricsFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MetricsFiles() {
    }

    public static void add(Path folder, Map<String, Object> figures) {
        Path file = folder.resolve("metrics.json");
        try {
            Map<String, Object> metrics = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            metrics.putAll(figures);
            JSON.writeValue(file.toFile(), metrics);
        } catch (JacksonException e) {
            throw new IllegalStateException("Could not update the metrics in " + file, e);
        }
    }
}
