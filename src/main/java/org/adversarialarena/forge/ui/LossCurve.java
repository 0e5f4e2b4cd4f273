package org.adversarialarena.forge.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The detective's loss curve as a small SVG line chart, delivered as a data URL for an
 * {@code <img>}: no chart library and no frontend code for a few hundred points. Its axes are
 * labelled (training steps across, loss up, with the loss's range), since an unlabelled line teaches
 * nothing.
 */
final class LossCurve {

    static final int WIDTH = 260;
    static final int HEIGHT = 110;
    /** Room on the left for the loss's values and at the bottom for the steps' label. */
    private static final int LEFT = 34;
    private static final int BOTTOM = 18;
    private static final int PAD = 4;

    /** What the axes say, in the reader's language. */
    record Axes(String steps, String loss) {
        static final Axes PLAIN = new Axes("training step →", "loss");
    }

    private LossCurve() {
    }

    /** The SVG document; an empty curve is an empty frame with its axes. */
    static String svg(List<Double> losses) {
        return svg(losses, Axes.PLAIN);
    }

    static String svg(List<Double> losses, Axes axes) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d'"
                        + " font-family='sans-serif' font-size='9' fill='#c9d1d9'>"
                        + "<rect width='100%%' height='100%%' fill='#10151c' stroke='#3a4452'/>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#6e7781'/>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#6e7781'/>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, PAD, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH - PAD,
                HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%s</text>", WIDTH - PAD,
                HEIGHT - 5, escape(axes.steps())));
        svg.append(String.format(Locale.ROOT,
                "<text x='10' y='%d' text-anchor='middle' transform='rotate(-90 10 %d)'>%s</text>",
                (HEIGHT - BOTTOM) / 2, (HEIGHT - BOTTOM) / 2, escape(axes.loss())));
        List<Double> finite = losses.stream().filter(Double::isFinite).toList();
        if (finite.size() >= 2) {
            double max = finite.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double min = Math.min(0, finite.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            double span = max - min == 0 ? 1 : max - min;
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%.2f</text>", LEFT - 2, PAD + 8,
                    max));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%.2f</text>", LEFT - 2,
                    HEIGHT - BOTTOM, min));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>1</text>", LEFT, HEIGHT - 5));
            svg.append("<polyline fill='none' stroke='#ffb347' stroke-width='1.5' points='");
            double plotWidth = WIDTH - PAD - LEFT;
            double plotHeight = HEIGHT - BOTTOM - PAD;
            for (int i = 0; i < finite.size(); i++) {
                double x = LEFT + plotWidth * i / (finite.size() - 1);
                double y = HEIGHT - BOTTOM - plotHeight * (finite.get(i) - min) / span;
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("'/>");
        }
        return svg.append("</svg>").toString();
    }

    static String dataUrl(List<Double> losses) {
        return dataUrl(losses, Axes.PLAIN);
    }

    static String dataUrl(List<Double> losses, Axes axes) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(losses, axes).getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
