package org.adversarialarena.ml.detective;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints one learning curve of the live detective: its verdict on a fixed kind of forgery (a blocky,
 * hand-drawn-looking 7) against training steps, after 24 such forgeries were submitted, next to its
 * mean verdict on held-out real 7s (it must not simply learn to reject every 7) and its accuracy on
 * held-out real images, and its mean verdict on 100 generator samples of 7 (the GAN game's own
 * equilibrium figure: about 0.5 when the detective goes live on the v3 pair). Arguments: [steps (default 40)]
 * [seed (default 1)] [learning rate (default: the detective's)] [GAN version (default 3, the pair Forge uses)].
 *
 * <pre>./mvnw -q -o exec:java -Dexec.mainClass=org.adversarialarena.ml.detective.DetectiveLearningMain</pre>
 */
public final class DetectiveLearningMain {

    private static final int SEVEN = 7;
    private static final int FORGERIES = 24;

    private DetectiveLearningMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int ganVersion = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ConditionalGan gan = GanFiles.loadShipped(DatasetId.MNIST, ganVersion);
        DatasetSplit mnist = Datasets.load(DatasetId.MNIST);
        DetectiveOptions options = args.length > 2 ? DetectiveOptions.defaults(seed).withLearningRate(Double.parseDouble(args[2]))
                : DetectiveOptions.defaults(seed);
        Detective detective = Detective.fromGan(gan, mnist.train(), mnist.test(), options);
        ImageSet realSevens = mnist.test().ofClass(SEVEN).subset(0, 100);
        int[] sevens = new int[realSevens.size()];
        Arrays.fill(sevens, SEVEN);
        float[][] generatedSevens = gan.generate(Nd4j.randn(seed, new long[] {sevens.length,
                gan.latentSize()}), sevens).toFloatMatrix();
        float[] forgery = blockySeven(0, 0);

        Random random = new Random(seed);
        for (int i = 0; i < FORGERIES; i++) {
            float[] submitted = blockySeven(random.nextInt(3) - 1, random.nextInt(3) - 1);
            detective.observe(submitted, SEVEN, detective.realness(submitted, SEVEN));
        }
        System.out.printf(Locale.ROOT, "MNIST detective (cGAN v%d), lr %.0e, batch %d real + %d forgeries + %d generated,"
                + " seed %d%n", ganVersion, options.learningRate(), options.realPerStep(), options.forgeriesPerStep(),
                options.generatedPerStep(), seed);
        System.out.println("step  version  D(forged 7)  mean D(real 7s)  mean D(generated 7s)  real accuracy  loss");
        print(0, detective, forgery, realSevens, generatedSevens, Double.NaN);
        long started = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            StepOutcome outcome = detective.trainStep();
            if (step <= 10 || step % 5 == 0) {
                print(step, detective, forgery, realSevens, generatedSevens, outcome.loss());
            }
        }
        System.out.printf(Locale.ROOT, "%d steps in %.1f s, %d rolled back%n", steps,
                (System.nanoTime() - started) / 1e9, detective.stats().rollbacks());
        timeOneStrokesVerdict(detective, forgery);
    }

    /** What the server computes per stroke in Forge: D's verdict, D's saliency and the LeNet's probabilities. */
    private static void timeOneStrokesVerdict(Detective detective, float[] forgery) {
        ClassifierPool lenet = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-lenet", 1)), 1);
        int warmUp = 50;
        int timed = 300;
        long[] nanos = new long[timed];
        for (int i = 0; i < warmUp + timed; i++) {
            long start = System.nanoTime();
            detective.realness(forgery, SEVEN);
            detective.saliency(forgery, SEVEN);
            lenet.logits(new float[][] {forgery});
            if (i >= warmUp) {
                nanos[i - warmUp] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "server work per stroke (D verdict + D saliency + LeNet), %d calls: median %.2f ms,"
                + " p90 %.2f ms%n", timed, nanos[timed / 2] / 1e6, nanos[timed * 9 / 10] / 1e6);
    }

    private static void print(int step, Detective detective, float[] forgery, ImageSet realSevens, float[][] generatedSevens,
            double loss) {
        float[][] images = new float[realSevens.size()][];
        int[] classes = new int[realSevens.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = realSevens.image(i);
            classes[i] = SEVEN;
        }
        double meanReal = 0;
        for (float verdict : detective.realness(images, classes)) {
            meanReal += verdict / images.length;
        }
        double meanGenerated = 0;
        for (float verdict : detective.realness(generatedSevens, classes)) {
            meanGenerated += verdict / generatedSevens.length;
        }
        System.out.printf(Locale.ROOT, "%4d  %7d  %11.4f  %15.4f  %20.4f  %13.3f  %s%n", step, detective.version(),
                detective.realness(forgery, SEVEN), meanReal, meanGenerated, detective.stats().realAccuracy(),
                Double.isNaN(loss) ? "-" : String.format(Locale.ROOT, "%.4f", loss));
    }

    /**
     * A 7 as a player might draw it with a mouse: a two-pixel bar along the top and a two-pixel
     * diagonal down to the bottom, shifted by (dx, dy). The tests' standard forgery, too.
     */
    public static float[] blockySeven(int dx, int dy) {
        float[] image = ImagePixels.blank();
        for (int x = 7; x <= 20; x++) {
            ink(image, x + dx, 6 + dy);
            ink(image, x + dx, 7 + dy);
        }
        for (int y = 8; y <= 22; y++) {
            int x = 20 - (y - 8) * 8 / 14;
            ink(image, x + dx, y + dy);
            ink(image, x + 1 + dx, y + dy);
        }
        return image;
    }

    private static void ink(float[] image, int x, int y) {
        if (x >= 0 && x < ImagePixels.SIDE && y >= 0 && y < ImagePixels.SIDE) {
            image[y * ImagePixels.SIDE + x] = 1f;
        }
    }
}
