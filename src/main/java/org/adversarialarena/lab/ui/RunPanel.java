package org.adversarialarena.lab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.LineChart;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.jobs.RunProgressPoint;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.lab.LabSnapshot;
import org.adversarialarena.ml.gan.GanMeters;
import org.jspecify.annotations.Nullable;

/**
 * One run as it learns: its state, the samples from its fixed latent vectors, the class coverage of its
 * samples (the mode-collapse meter) and its curves. The Lab shows the watched run in one and a run to
 * compare in another.
 */
class RunPanel extends Div {

    /**
     * Okabe–Ito vermilion and blue: told apart with any common colour-vision deficiency and by lightness
     * alone; each line is named in the legend too, and the reference lines are dashed.
     */
    private static final String D_COLOR = "#d55e00";
    private static final String G_COLOR = "#0072b2";
    private static final String REFERENCE_COLOR = "#6b7785";

    final H3 title = new H3();
    final Paragraph status = new Paragraph();
    final Div samples = new Div();
    final ClassBars coverage = new ClassBars();
    final LineChart losses;
    final LineChart verdicts;
    final LineChart distance;
    /** The finished generator's latent interpolation; hidden until the run has finished. */
    final Div interpolation = new Div();
    private final List<PixelImage> images = new ArrayList<>();
    private final List<PixelImage> strip = new ArrayList<>();
    private @Nullable String datasetShown;

    RunPanel(String idPrefix) {
        setId(idPrefix);
        addClassName("lab-run-panel");
        status.setId(idPrefix + "-status");
        samples.setId(idPrefix + "-samples");
        samples.addClassName("lab-samples");
        samples.getStyle().set("display", "grid").set("grid-template-columns", "repeat(10, 44px)").set("gap", "2px");
        for (int i = 0; i < GanMeters.GRID; i++) {
            PixelImage image = new PixelImage(new float[784], PixelImage.Palette.GRAY, "");
            image.setDisplaySize("44px");
            images.add(image);
            samples.add(image);
        }
        coverage.setId(idPrefix + "-coverage");
        String steps = getTranslation("lab.chart.step");
        losses = new LineChart(getTranslation("lab.chart.losses"), steps, getTranslation("lab.chart.loss"));
        losses.setId(idPrefix + "-losses");
        verdicts = new LineChart(getTranslation("lab.chart.verdicts"), steps, getTranslation("lab.chart.verdict"));
        verdicts.setId(idPrefix + "-verdicts");
        distance = new LineChart(getTranslation("lab.chart.fid"), steps, getTranslation("lab.chart.fid-axis"));
        distance.setId(idPrefix + "-fid");
        Div charts = new Div(losses, verdicts, distance);
        charts.addClassName("lab-charts");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem");
        Paragraph coverageTitle = new Paragraph(getTranslation("lab.coverage"));
        add(title, status, samples, coverageTitle, coverage, charts, interpolationStrip(idPrefix));
    }

    private Div interpolationStrip(String idPrefix) {
        interpolation.setId(idPrefix + "-interpolation");
        Div images = new Div();
        images.addClassName("lab-interpolation");
        images.getStyle().set("display", "flex").set("gap", "2px");
        for (int i = 0; i < GanMeters.INTERPOLATION; i++) {
            PixelImage image = new PixelImage(new float[784], PixelImage.Palette.GRAY, "");
            image.setDisplaySize("44px");
            strip.add(image);
            images.add(image);
        }
        interpolation.add(new Paragraph(getTranslation("lab.interpolation")), images);
        interpolation.setVisible(false);
        return interpolation;
    }

    void show(LabSnapshot snapshot) {
        TrainingRun run = snapshot.run();
        title.setText(getTranslation("lab.run.title", Long.toString(run.id()), getTranslation(SettingsForm.lossKey(snapshot.settings().loss()))));
        status.setText(getTranslation("lab.run.status", getTranslation("lab.status." + run.status().name()),
                Integer.toString(run.step()), Integer.toString(run.totalSteps()), getTranslation("lab.pace." + run.pace().name())));
        String dataset = snapshot.settings().dataset().slug();
        for (int i = 0; i < images.size(); i++) {
            if (i < snapshot.samples().size()) {
                images.get(i).setPixels(snapshot.samples().get(i));
            }
            images.get(i).setLabel(getTranslation("lab.sample", Integer.toString(i + 1)));
        }
        if (!dataset.equals(datasetShown)) {
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < snapshot.settings().dataset().classCount(); c++) {
                labels.add(getTranslation("dataset." + dataset + ".class." + c));
            }
            coverage.setLabels(labels);
            datasetShown = dataset;
        }
        coverage.setValues(coverageOf(snapshot));
        showCurves(snapshot.curve());
        showInterpolation(snapshot.interpolation());
    }

    private void showInterpolation(List<float[]> images) {
        interpolation.setVisible(!images.isEmpty());
        for (int i = 0; i < strip.size() && i < images.size(); i++) {
            strip.get(i).setPixels(images.get(i));
            strip.get(i).setLabel(getTranslation("lab.interpolation.image", Integer.toString(i + 1),
                    Integer.toString(images.size())));
        }
    }

    private static float[] coverageOf(LabSnapshot snapshot) {
        int classes = snapshot.settings().dataset().classCount();
        float[] shares = new float[classes];
        Map<String, Double> metrics = snapshot.run().metrics();
        for (int c = 0; c < classes; c++) {
            Double share = metrics.get("coverage." + c);
            shares[c] = share == null ? 0f : (float) Math.max(0, Math.min(1, share.doubleValue()));
        }
        return shares;
    }

    private void showCurves(List<RunProgressPoint> curve) {
        int[] steps = curve.stream().mapToInt(RunProgressPoint::step).toArray();
        losses.show(List.of(new LineChart.Line(getTranslation("lab.chart.d-loss"), D_COLOR, false),
                        new LineChart.Line(getTranslation("lab.chart.g-signal"), G_COLOR, false)),
                steps, List.of(column(curve, RunProgressPoint::discriminatorLoss),
                        column(curve, RunProgressPoint::generatorSignal)));
        verdicts.show(List.of(new LineChart.Line(getTranslation("lab.chart.d-real"), D_COLOR, false),
                        new LineChart.Line(getTranslation("lab.chart.d-fake"), G_COLOR, false),
                        new LineChart.Line(getTranslation("lab.chart.equilibrium"), REFERENCE_COLOR, true)),
                steps, List.of(column(curve, point -> point.metrics().get("meanDReal")),
                        column(curve, point -> point.metrics().get("meanDFake")), column(curve, point -> 0.5)));
        distance.show(List.of(new LineChart.Line(getTranslation("lab.chart.fid-line"), G_COLOR, false),
                        new LineChart.Line(getTranslation("lab.chart.fid-baseline"), REFERENCE_COLOR, true)),
                steps, List.of(column(curve, point -> point.metrics().get("fid")),
                        column(curve, point -> point.metrics().get("fidBaseline"))));
    }

    private static @Nullable Double[] column(List<RunProgressPoint> curve, Function<RunProgressPoint, @Nullable Double> value) {
        @Nullable Double[] values = new Double[curve.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(curve.get(i));
        }
        return values;
    }
}
