package org.adversarialarena.forge.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The detective's loss curve as a small SVG line chart, delivered as a data URL for an
 * {@code <img>}: no chart library and no frontend code for a few hundred points.
 */
final class LossCurve {

    static final int WIDTH = 240;
    static final int HEIGHT = 80;
    private static final int PAD = 4;

    private LossCurve() {
    }

    /** The SVG document; an empty curve is an empty frame. */
    static String svg(List<Double> losses) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d'>"
                        + "<rect width='100%%' height='100%%' fill='#10151c' stroke='#3a4452'/>",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        List<Double> finite = losses.stream().filter(Double::isFinite).toList();
        if (finite.size() >= 2) {
            double max = finite.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double min = Math.min(0, finite.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            double span = max - min == 0 ? 1 : max - min;
            svg.append("<polyline fill='none' stroke='#ffb347' stroke-width='1.5' points='");
            for (int i = 0; i < finite.size(); i++) {
                double x = PAD + (WIDTH - 2.0 * PAD) * i / (finite.size() - 1);
                double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (finite.get(i) - min) / span;
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("'/>");
        }
        return svg.append("</svg>").toString();
    }

    static String dataUrl(List<Double> losses) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(losses).getBytes(StandardCharsets.UTF_8));
    }
}
