package org.adversarialarena.forge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss curve is drawn as one polyline through every finite loss, or as an empty frame. */
class LossCurveTest {

    @Test
    void everyFiniteLossIsAPointAndNaNIsSkipped() {
        String svg = LossCurve.svg(List.of(0.5, 0.4, Double.NaN, 0.3));

        String points = svg.substring(svg.indexOf("points='") + 8, svg.indexOf("'/>", svg.indexOf("points='")));
        assertThat(points.trim().split(" ")).hasSize(3);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void tooFewLossesLeaveAnEmptyFrame() {
        assertThat(LossCurve.svg(List.of())).doesNotContain("polyline");
        assertThat(LossCurve.svg(List.of(0.7))).doesNotContain("polyline");
        assertThat(LossCurve.dataUrl(List.of(0.2, 0.1))).startsWith("data:image/svg+xml;base64,");
    }
}
