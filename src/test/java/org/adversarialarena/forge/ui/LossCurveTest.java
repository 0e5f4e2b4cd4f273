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

    @Test
    void theAxesAreLabelledInTheReadersWordsWithTheLossRange() {
        String svg = LossCurve.svg(List.of(0.8, 0.5, 0.25), new LossCurve.Axes("Trainingsschritt →", "Verlust <"));

        assertThat(svg).contains(">Trainingsschritt →</text>").contains(">Verlust &lt;</text>");
        assertThat(svg).contains(">0.80</text>").contains(">0.00</text>");
    }
}
