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

    /**
     * Pixel values to three decimals, in about half the characters of a float's full digits: finer than a
     * screen's 256 levels of a colour, and as fine as the canvas reports its pixels back.
     */
    static ArrayNode ofPixels(float[] values) {
        ArrayNode array = JacksonUtils.createArrayNode();
        for (float value : values) {
            array.add(Math.round(value * 1000f) / 1000f);
        }
        return array;
    }

    static ArrayNode of(List<String> texts) {
        ArrayNode array = JacksonUtils.createArrayNode();
        texts.forEach(array::add);
        return array;
    }
}
