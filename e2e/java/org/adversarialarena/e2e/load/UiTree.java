package org.adversarialarena.e2e.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The driver's mirror of a UI's state tree, built from the {@code changes} of Vaadin's answers as the
 * browser's client engine builds its DOM: per node the values it was given ({@code put}), its
 * children and its class names ({@code splice}). Enough to find a component by its id, read an
 * element's text and check its classes, which is all the virtual players look at.
 */
final class UiTree {

    /** Feature ids of Vaadin's {@code NodeFeatures}. */
    private static final int CHILDREN = 2;
    private static final int CLASS_LIST = 11;
    private static final int TEXT_NODE = 7;

    private static final class Node {
        final Map<String, JsonNode> values = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<String> classes = new ArrayList<>();
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    void apply(JsonNode changes) {
        if (changes == null) {
            return;
        }
        for (JsonNode change : changes) {
            int id = change.path("node").asInt();
            switch (change.path("type").asString("")) {
                case "attach" -> nodes.computeIfAbsent(id, key -> new Node());
                case "detach" -> nodes.remove(id);
                case "put" -> node(id).values.put(featureKey(change), change.has("value") ? change.get("value")
                        : change.path("nodeValue"));
                case "remove" -> node(id).values.remove(featureKey(change));
                case "clear" -> list(node(id), change.path("feat").asInt()).clear();
                case "splice" -> splice(node(id), change);
                default -> {
                    // "empty" and unknown kinds change nothing the players read
                }
            }
        }
    }

    /** A text node's text sits under its own feature; every other value is found by its key alone. */
    private static String featureKey(JsonNode change) {
        return change.path("feat").asInt() == TEXT_NODE ? "#text" : change.path("key").asString("");
    }

    private static void splice(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        List<Object> list = list(node, feature);
        int index = Math.min(change.path("index").asInt(), list.size());
        int removed = Math.min(change.path("remove").asInt(0), list.size() - index);
        for (int i = 0; i < removed; i++) {
            list.remove(index);
        }
        JsonNode added = change.has("addNodes") ? change.get("addNodes") : change.path("add");
        int at = index;
        for (JsonNode value : added) {
            list.add(at++, feature == CHILDREN ? (Object) value.asInt() : value.asString(""));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> list(Node node, int feature) {
        return feature == CLASS_LIST ? (List) node.classes : feature == CHILDREN ? (List) node.children : new ArrayList<>();
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, key -> new Node());
    }

    /** The node whose {@code id} attribute is {@code elementId}, if it is in the tree. */
    Optional<Integer> byId(String elementId) {
        return nodes.entrySet().stream()
                .filter(entry -> elementId.equals(entry.getValue().values.getOrDefault("id", null) == null ? null
                        : entry.getValue().values.get("id").asString("")))
                .map(Map.Entry::getKey).findFirst();
    }

    Optional<JsonNode> value(int node, String key) {
        Node found = nodes.get(node);
        return found == null ? Optional.empty() : Optional.ofNullable(found.values.get(key));
    }

    boolean hasClass(int node, String className) {
        Node found = nodes.get(node);
        return found != null && found.classes.contains(className);
    }

    /** The element's text as the browser would show it: its text nodes, depth first. */
    String text(int node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text, 0);
        return text.toString();
    }

    private void appendText(int id, StringBuilder text, int depth) {
        Node node = nodes.get(id);
        if (node == null || depth > 64) {
            return;
        }
        JsonNode own = node.values.get("#text");
        if (own != null) {
            text.append(own.asString(""));
        }
        for (int child : node.children) {
            appendText(child, text, depth + 1);
        }
    }

    int size() {
        return nodes.size();
    }
}
