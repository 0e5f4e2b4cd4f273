package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server side of {@code <lab-chart>}: lines over training steps drawn by uPlot (MIT), with a title
 * and labelled axes; texts come translated from the view. The Lab's curves came first (hence the
 * tag); a workshop's Forge reveal draws its class detective's loss with it too.
 */
@Tag("lab-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./components/lab-chart.ts")
@CssImport("uplot/dist/uPlot.min.css")
public class LineChart extends Component implements HasSize {

    /** One line: its legend label, colour, and whether it is a dashed reference line. */
    public record Line(String label, String color, boolean dashed) {
    }

    public LineChart(String title, String xLabel, String yLabel) {
        getElement().setProperty("chartTitle", title);
        getElement().setProperty("xLabel", xLabel);
        getElement().setProperty("yLabel", yLabel);
    }

    /** The lines and their values at each step; {@code columns.get(i)[j]} is line i at {@code steps[j]}, null if none. */
    public void show(List<Line> lines, int[] steps, List<@Nullable Double[]> columns) {
        ArrayNode series = JacksonUtils.createArrayNode();
        for (Line line : lines) {
            ObjectNode node = series.addObject();
            node.put("label", line.label());
            node.put("color", line.color());
            node.put("dash", line.dashed());
        }
        ArrayNode data = JacksonUtils.createArrayNode();
        ArrayNode x = data.addArray();
        for (int step : steps) {
            x.add(step);
        }
        for (@Nullable Double[] column : columns) {
            ArrayNode y = data.addArray();
            for (Double value : column) {
                if (value == null || !Double.isFinite(value)) {
                    y.addNull();
                } else {
                    y.add(value);
                }
            }
        }
        getElement().setPropertyJson("series", series);
        getElement().setPropertyJson("data", data);
    }
}
