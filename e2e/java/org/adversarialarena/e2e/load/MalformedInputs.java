package org.adversarialarena.e2e.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for one open Fool page, as a hostile or broken client would send them through
 * Vaadin's own channel: canvas reports of every wrong shape, type and value (some followed by a Submit
 * in the same request, which must be refused), rpc invocations of wrong shapes, tampered envelopes
 * (sync and client ids, CSRF token), unknown node and UI ids, garbage and oversized bodies. None may
 * store anything; each is one HTTP request. Seeded, so a failure repeats.
 */
final class MalformedInputs {

    /** One request: its kind (for the counts), body, content type and query ({@code ?v-r=…}). */
    record Input(String kind, String body, String contentType, String query) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final int PIXELS = 784;
    /** Above the servlet's 10 MiB request cap. */
    private static final int OVERSIZED = 11 * 1024 * 1024;

    private final SplittableRandom random;
    private final int oversizedEvery;

    MalformedInputs(long seed, int oversizedEvery) {
        this.random = new SplittableRandom(seed);
        this.oversizedEvery = oversizedEvery;
    }

    Input next(int index, UidlConnection tab, FoolPlayer page) {
        if (oversizedEvery > 0 && index % oversizedEvery == oversizedEvery - 1) {
            return oversized(tab, page);
        }
        int roll = random.nextInt(100);
        if (roll < 40) {
            return canvasReport(tab, page);
        }
        if (roll < 52) {
            return wrongRpc(tab, page);
        }
        if (roll < 67) {
            return tamperedEnvelope(tab, page);
        }
        if (roll < 77) {
            return wrongToken(tab, page);
        }
        if (roll < 87) {
            return unknownIds(tab, page);
        }
        return garbage(tab);
    }

    /** A report the canvas must drop; when it is malformed beyond doubt, a Submit rides along. */
    private Input canvasReport(UidlConnection tab, FoolPlayer page) {
        ObjectNode data = NODES.objectNode();
        boolean surelyInvalid = true;
        switch (random.nextInt(8)) {
            case 0 -> data.set("event.detail.pixels", value());
            case 1 -> data.set("event.detail.pixels", array(random.nextInt(2000), 0.0));
            case 2, 3 -> {
                ArrayNode pixels = array(PIXELS, 0.0);
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    pixels.set(random.nextInt(PIXELS), invalidNumber());
                }
                data.set("event.detail.pixels", pixels);
            }
            case 4 -> {
                ArrayNode pixels = NODES.arrayNode();
                for (int k = 0; k < PIXELS; k++) {
                    pixels.add(NODES.arrayNode().add(0.5));
                }
                data.set("event.detail.pixels", pixels);
            }
            case 5 -> {
                // numbers in [0, 1] but far from the challenge: breaks the level's limits
                data.set("event.detail.pixels", array(PIXELS, 1.0));
                surelyInvalid = false;
            }
            case 6 -> data.set("event.detail.pixels", NODES.objectNode().put("0", 0.5).put("length", PIXELS));
            default -> {
                // no pixels at all
            }
        }
        data.set("event.detail.seq", value());
        List<JsonNode> rpc = new ArrayList<>();
        rpc.add(UidlConnection.event(page.canvas(), "image-change", data));
        if (surelyInvalid && random.nextInt(4) == 0) {
            rpc.add(UidlConnection.click(page.submitButton()));
        }
        return json("canvas-report", tab.body(rpc, tab.csrfToken(), tab.clientId()));
    }

    /** Invocations of wrong shapes on real and unreal nodes. */
    private Input wrongRpc(UidlConnection tab, FoolPlayer page) {
        int node = random.nextBoolean() ? page.canvas() : random.nextInt(1, 200);
        JsonNode rpc = switch (random.nextInt(10)) {
            case 0 -> UidlConnection.event(node, "no-such-event", NODES.objectNode());
            case 1 -> NODES.objectNode().put("type", "event").put("node", node).put("event", "image-change")
                    .put("data", "not an object");
            case 2 -> NODES.objectNode().put("type", "event").put("node", "68").put("event", "click");
            case 3 -> NODES.objectNode().put("type", "no-such-type").put("node", node);
            case 4 -> NODES.objectNode().put("node", node).put("event", "click");
            // a property the server never lets the browser set: the canvas's read-only flag, a button's disabled
            case 5 -> UidlConnection.syncProperty(page.canvas(), "readonly", "false");
            case 6 -> UidlConnection.syncProperty(page.submitButton(), "disabled", "false");
            case 7 -> NODES.objectNode().put("type", "channel").put("node", 1).put("channel", random.nextInt(1000))
                    .set("args", NODES.arrayNode().add(value()));
            case 8 -> NODES.objectNode().put("type", "publishedEventHandler").put("node", node)
                    .put("templateEventMethodName", "getClass").set("templateEventMethodArgs", NODES.arrayNode());
            default -> NODES.objectNode().put("type", "navigation").put("location", "../".repeat(random.nextInt(50))
                    + "fool?x=" + "%".repeat(random.nextInt(5)));
        };
        return json("wrong-rpc", tab.body(List.of(rpc), tab.csrfToken(), tab.clientId()));
    }

    /** A real invocation in an envelope whose ids or fields are wrong. */
    private Input tamperedEnvelope(UidlConnection tab, FoolPlayer page) {
        ObjectNode body = (ObjectNode) UidlConnection.JSON.readTree(tab.body(List.of(harmlessEvent(page)),
                tab.csrfToken(), tab.clientId()));
        switch (random.nextInt(10)) {
            case 0 -> body.remove("syncId");
            case 1 -> body.put("syncId", "zero");
            case 2 -> body.put("syncId", random.nextInt(-1000, 1_000_000));
            case 3 -> body.remove("clientId");
            case 4 -> body.put("clientId", tab.clientId() + random.nextInt(-3, 50));
            case 5 -> body.put("clientId", Long.MAX_VALUE);
            case 6 -> body.remove("rpc");
            case 7 -> body.put("rpc", "not an array");
            case 8 -> body.set("rpc", NODES.objectNode().put("type", "event"));
            default -> body.set("rpc", NODES.arrayNode().add(NODES.arrayNode().add(1)).add(NODES.nullNode()));
        }
        return json("tampered-envelope", body.toString());
    }

    private Input wrongToken(UidlConnection tab, FoolPlayer page) {
        String token = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> java.util.UUID.randomUUID().toString();
            case 2 -> tab.csrfToken().toUpperCase(java.util.Locale.ROOT);
            case 3 -> tab.csrfToken() + "x";
            default -> null;
        };
        ObjectNode body = (ObjectNode) UidlConnection.JSON.readTree(tab.body(List.of(harmlessEvent(page)),
                tab.csrfToken(), tab.clientId()));
        if (token == null) {
            body.remove("csrfToken");
        } else {
            body.put("csrfToken", token);
        }
        return json("wrong-csrf", body.toString());
    }

    private Input unknownIds(UidlConnection tab, FoolPlayer page) {
        String body = tab.body(List.of(harmlessEvent(page)), tab.csrfToken(), tab.clientId());
        return switch (random.nextInt(4)) {
            case 0 -> new Input("unknown-ui", body, JSON_TYPE, "?v-r=uidl&v-uiId=" + (tab.uiId() + 1 + random.nextInt(1000)));
            case 1 -> new Input("unknown-ui", body, JSON_TYPE, "?v-r=uidl&v-uiId=" + List.of("-1", "abc", "", "1e9",
                    "99999999999999999999").get(random.nextInt(5)));
            case 2 -> new Input("unknown-ui", body, JSON_TYPE, "?v-r=uidl");
            default -> json("unknown-node", tab.body(List.of(UidlConnection.event(random.nextInt(100_000, Integer.MAX_VALUE),
                    random.nextBoolean() ? "click" : "image-change", NODES.objectNode())), tab.csrfToken(), tab.clientId()));
        };
    }

    private Input garbage(UidlConnection tab) {
        String valid = tab.body(List.of(), tab.csrfToken(), tab.clientId());
        return switch (random.nextInt(9)) {
            case 0 -> json("garbage", valid.substring(0, random.nextInt(valid.length())));
            case 1 -> json("garbage", "");
            case 2 -> json("garbage", randomText(1 + random.nextInt(2000)));
            case 3 -> json("garbage", "[".repeat(5000 + random.nextInt(20_000)));
            case 4 -> json("garbage", "{\"csrfToken\":\"" + tab.csrfToken() + "\",\"rpc\":[],\"syncId\":NaN,\"clientId\":Infinity}");
            case 5 -> new Input("garbage", valid, "text/plain", "?v-r=uidl&v-uiId=" + tab.uiId());
            case 6 -> json("garbage", "for(;;);" + valid);
            case 7 -> new Input("garbage", randomText(200), JSON_TYPE, "?v-r=" + List.of("heartbeat", "init", "no-such",
                    "uidl&v-uiId=" + tab.uiId() + "&v-r=init").get(random.nextInt(4)));
            default -> json("garbage", "{\"csrfToken\":\"" + tab.csrfToken() + "\",\"rpc\":[{\"type\":\"event\",\"node\":"
                    + new BigInteger("9".repeat(1 + random.nextInt(400))) + "}],\"syncId\":0,\"clientId\":0}");
        };
    }

    /** Over the request cap: a canvas report of millions of values, or plain filler. */
    private Input oversized(UidlConnection tab, FoolPlayer page) {
        if (random.nextBoolean()) {
            StringBuilder pixels = new StringBuilder(OVERSIZED + 100).append('[');
            while (pixels.length() < OVERSIZED) {
                pixels.append("0.5,");
            }
            pixels.append("0.5]");
            String body = tab.body(List.of(UidlConnection.event(page.canvas(), "image-change", NODES.objectNode())),
                    tab.csrfToken(), tab.clientId()).replace("\"data\":{}", "\"data\":{\"event.detail.pixels\":" + pixels + "}");
            return json("oversized", body);
        }
        return json("oversized", "x".repeat(OVERSIZED));
    }

    /** An event the page answers without storing anything: a click on the canvas, which has no click listener. */
    private static JsonNode harmlessEvent(FoolPlayer page) {
        return UidlConnection.event(page.canvas(), "no-such-event", NODES.objectNode());
    }

    private Input json(String kind, String body) {
        return new Input(kind, body, JSON_TYPE, null);
    }

    private ArrayNode array(int length, double high) {
        ArrayNode values = NODES.arrayNode();
        for (int k = 0; k < length; k++) {
            values.add(random.nextInt(30) == 0 ? random.nextDouble() * high : 0.0);
        }
        return values;
    }

    /** Not a pixel: out of range, beyond any float, or no number at all. */
    private JsonNode invalidNumber() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(1e39);
            case 1 -> NODES.numberNode(-1e39);
            case 2 -> NODES.numberNode(Double.MAX_VALUE);
            case 3 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(500))));
            case 4 -> NODES.numberNode(random.nextDouble(1.001, 3));
            case 5 -> NODES.numberNode(-random.nextDouble(0.001, 2));
            case 6 -> NODES.stringNode("0.5");
            case 7 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    /** A JSON value of any type, with the numbers that break parsers. */
    private JsonNode value() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(1e39);
            case 1 -> NODES.numberNode(Double.MAX_VALUE);
            case 2 -> NODES.numberNode(Double.MIN_VALUE);
            case 3 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(500))));
            case 4 -> NODES.numberNode(new BigDecimal("1e-400"));
            case 5 -> NODES.numberNode(Long.MIN_VALUE);
            case 6 -> NODES.stringNode("0.5");
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.nullNode();
            case 9 -> NODES.objectNode().put("x", 1);
            case 10 -> NODES.numberNode(-0.0);
            default -> NODES.numberNode(random.nextDouble(-2, 3));
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(1, 0x2FFF));
        }
        return text.toString();
    }
}
