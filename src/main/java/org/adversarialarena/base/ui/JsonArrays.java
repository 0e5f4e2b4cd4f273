package org.adversarialarena.base.ui;

import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/** Numbers and texts as JSON arrays for web-component properties. */
final class JsonArrays {

    private JsonArrays() {
    }

    static ArrayNode of(float[] values) {
        ArrayNode array = JacksonUtils.createArrayNode();
        for (float value : values) {
            array.add(value);
        }
        return array;
    }

    static ArrayNode of(List<String> texts) {
        ArrayNode array = JacksonUtils.createArrayNode();
        texts.forEach(array::add);
        return array;
    }
}
