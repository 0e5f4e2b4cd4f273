package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * A black-box attack that edits an image the way a Fool player does: strokes of the game's round brush
 * (ink or eraser with a soft one-pixel rim, on 8-bit grey levels, as {@code pixel-canvas.ts} draws them),
 * clamped to the L∞ budget around the original. A stroke is kept when the model's margin falls, as a
 * player keeps what the live probe says helps. The edits are blotchy and local, unlike the image-wide
 * noise of gradient attacks, which is what the Sentinel detector must learn to see as well.
 *
 * <p>Distance measure: L∞.
 *
 * @param epsilon    the L∞ budget, as the level gives it
 * @param style      one player's brush habits
 * @param maxQueries model answers per image, the unedited start included
 * @param seed       seeds where the strokes go and how they bend
 */
public record BrushStrokeSearch(float epsilon, BrushStyle style, int maxQueries, long seed)
        implements BatchedAttack<ImageClassifier> {

    private static final float GREY_LEVELS = 255f;
    /** Stamps per pixel of stroke length: close enough that a stroke has no gaps at the smallest brush. */
    private static final float STAMPS_PER_PIXEL = 2f;

    public BrushStrokeSearch {
        AttackArguments.requirePositive("query budget", maxQueries);
        if (!(epsilon > 0f && epsilon <= 1f)) {
            throw new IllegalArgumentException("ε must be in (0, 1], was " + epsilon);
        }
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Brush strokes L∞ ε=%.2f (%s)", epsilon, style.describe());
    }

    /** One brush stroke: a polyline of image coordinates drawn with one brush. */
    record Stroke(float[] xs, float[] ys, float radius, float intensity, boolean erasing) {
    }

    @Override
    public List<AttackResult> run(ImageClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        Random random = new Random(seed);
        new RandomSearch(maxQueries, false).search(run, model, new RandomSearch.Candidates<List<Stroke>>() {
            @Override
            public List<Stroke> start(int i) {
                return List.of();
            }

            @Override
            public List<Stroke> propose(int i, List<Stroke> current, int query) {
                List<Stroke> next = new ArrayList<>(current);
                Stroke stroke = newStroke(run.original(i), random);
                if (next.size() < style.maxStrokes() && random.nextFloat() < 0.7f) {
                    next.add(stroke);
                } else if (!next.isEmpty()) {
                    next.set(random.nextInt(next.size()), stroke);
                } else {
                    next.add(stroke);
                }
                return next;
            }

            @Override
            public float[] imageOf(int i, List<Stroke> strokes) {
                return draw(run.original(i), strokes, epsilon);
            }
        });
        return run.results();
    }

    /** The original with {@code strokes} drawn on it in order, every pixel within ε of the original and in [0, 1]. */
    static float[] draw(float[] original, List<Stroke> strokes, float epsilon) {
        float[] pixels = original.clone();
        for (Stroke stroke : strokes) {
            stamp(pixels, original, stroke, stroke.xs()[0], stroke.ys()[0], epsilon);
            for (int s = 0; s + 1 < stroke.xs().length; s++) {
                float dx = stroke.xs()[s + 1] - stroke.xs()[s];
                float dy = stroke.ys()[s + 1] - stroke.ys()[s];
                int stamps = Math.max(1, (int) Math.ceil(Math.hypot(dx, dy) * STAMPS_PER_PIXEL));
                for (int k = 0; k <= stamps; k++) {
                    float t = k / (float) stamps;
                    stamp(pixels, original, stroke, stroke.xs()[s] + t * dx, stroke.ys()[s] + t * dy, epsilon);
                }
            }
        }
        return pixels;
    }

    private static void stamp(float[] pixels, float[] original, Stroke stroke, float cx, float cy, float epsilon) {
        int reach = (int) Math.ceil(stroke.radius() + 1);
        for (int row = (int) Math.floor(cy) - reach; row <= (int) Math.floor(cy) + reach; row++) {
            for (int col = (int) Math.floor(cx) - reach; col <= (int) Math.floor(cx) + reach; col++) {
                if (row < 0 || row >= ImagePixels.SIDE || col < 0 || col >= ImagePixels.SIDE) {
                    continue;
                }
                double d = Math.hypot(col + 0.5 - cx, row + 0.5 - cy);
                float cover = (float) Math.min(1, Math.max(0, stroke.radius() + 0.5 - d));
                if (cover <= 0) {
                    continue;
                }
                int i = row * ImagePixels.SIDE + col;
                float amount = stroke.intensity() * cover;
                float wanted = stroke.erasing() ? Math.min(pixels[i], 1 - amount) : Math.max(pixels[i], amount);
                float level = Math.round(wanted * GREY_LEVELS) / GREY_LEVELS;
                pixels[i] = Math.min(Math.min(1f, original[i] + epsilon), Math.max(Math.max(0f, original[i] - epsilon), level));
            }
        }
    }

    private Stroke newStroke(float[] original, Random random) {
        int start = startPixel(original, random);
        int points = style.minPoints() + random.nextInt(style.maxPoints() - style.minPoints() + 1);
        float[] xs = new float[points];
        float[] ys = new float[points];
        xs[0] = start % ImagePixels.SIDE + random.nextFloat();
        ys[0] = start / ImagePixels.SIDE + random.nextFloat();
        double heading = random.nextDouble() * 2 * Math.PI;
        for (int p = 1; p < points; p++) {
            heading += random.nextGaussian() * 0.6;
            float step = style.segmentLength() * (0.5f + random.nextFloat());
            xs[p] = clampToImage(xs[p - 1] + (float) (Math.cos(heading) * step));
            ys[p] = clampToImage(ys[p - 1] + (float) (Math.sin(heading) * step));
        }
        boolean erasing = random.nextFloat() < style.eraserShare();
        return new Stroke(xs, ys, style.radius(), style.intensity(), erasing);
    }

    /** Near the ink most of the time (where players draw), anywhere otherwise. */
    private int startPixel(float[] original, Random random) {
        if (random.nextFloat() < style.nearInk()) {
            for (int tries = 0; tries < 50; tries++) {
                int pixel = random.nextInt(ImagePixels.COUNT);
                if (original[pixel] > 0.3f) {
                    return pixel;
                }
            }
        }
        return random.nextInt(ImagePixels.COUNT);
    }

    private static float clampToImage(float coordinate) {
        return Math.max(0f, Math.min(ImagePixels.SIDE - 0.01f, coordinate));
    }

    /**
     * One player's habits with the brush.
     *
     * @param radius        brush radius in pixels (the canvas offers 0.5 to 4)
     * @param intensity     ink of the brush in (0, 1]
     * @param eraserShare   share of strokes drawn with the eraser
     * @param minPoints     fewest points of a stroke (1 is a dab)
     * @param maxPoints     most points of a stroke
     * @param segmentLength mean distance between a stroke's points, in pixels
     * @param nearInk       share of strokes that start on the digit
     * @param maxStrokes    most strokes the player keeps on the image
     */
    public record BrushStyle(float radius, float intensity, float eraserShare, int minPoints, int maxPoints,
            float segmentLength, float nearInk, int maxStrokes) {

        public BrushStyle {
            if (!(radius >= 0.5f && radius <= 4f) || !(intensity > 0f && intensity <= 1f)
                    || !(eraserShare >= 0f && eraserShare <= 1f) || !(nearInk >= 0f && nearInk <= 1f)) {
                throw new IllegalArgumentException("Brush style out of range: " + this);
            }
            if (minPoints < 1 || maxPoints < minPoints || maxStrokes < 1 || !(segmentLength > 0f)) {
                throw new IllegalArgumentException("Brush style out of range: " + this);
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "brush %.1f, ink %.1f, eraser %.0f%%, %d–%d points", radius, intensity,
                    eraserShare * 100, minPoints, maxPoints);
        }
    }
}
