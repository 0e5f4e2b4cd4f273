package org.adversarialarena.ml.detective;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;

/**
 * A live detective's record: its version, the forgeries it has judged and which of the recent ones it
 * caught, its accuracy on held-out real images, the steps its health check rolled back, and its
 * latest training losses. Thread-safe: requests count verdicts while the trainer records steps.
 */
final class TrackRecord {

    private final DatasetId dataset;
    private final int recentWindow;
    private final int lossCurveLength;
    private final Deque<Boolean> recentCaught = new ArrayDeque<>();
    private final Deque<Double> lossCurve = new ArrayDeque<>();
    private long version;
    private long forgeriesSeen;
    private double realAccuracy;
    private int rollbacks;

    /** A record carried on from a checkpoint's version, counters and the losses of earlier steps. */
    TrackRecord(DatasetId dataset, DetectiveOptions options, long version, long forgeriesSeen, List<Boolean> recentCatches,
            int rollbacks, List<Double> losses, double realAccuracy) {
        this.dataset = dataset;
        this.recentWindow = options.recentWindow();
        this.lossCurveLength = options.lossCurveLength();
        this.version = version;
        this.forgeriesSeen = forgeriesSeen;
        this.rollbacks = rollbacks;
        this.realAccuracy = realAccuracy;
        recentCatches.forEach(this::addCatch);
        losses.forEach(this::addLoss);
    }

    /**
     * Takes up the training state of a checkpoint another node's trainer wrote (version, losses, the
     * accuracy of its weights, its rollbacks); the counters of judged forgeries stay this node's own, who
     * counts every stored forgery itself.
     */
    synchronized void adopt(DetectiveCheckpoint trained, double accuracy) {
        version = trained.version();
        realAccuracy = accuracy;
        rollbacks = trained.rollbacks();
        lossCurve.clear();
        trained.lossCurve().forEach(this::addLoss);
    }

    /** Whether it caught each of its latest forgeries, oldest first: what a checkpoint keeps of the catch rate. */
    synchronized List<Boolean> recentCatches() {
        return new ArrayList<>(recentCaught);
    }

    /** Counts a forgery judged with real-probability {@code verdict}: caught if the detective judged it fake. */
    synchronized void judged(double verdict) {
        forgeriesSeen++;
        addCatch(!DetectiveVerdict.judgedReal(verdict));
    }

    /** Records an accepted training step and returns the detective's new version. */
    synchronized long stepAccepted(double loss, double accuracy) {
        version++;
        realAccuracy = accuracy;
        addLoss(loss);
        return version;
    }

    synchronized void stepRolledBack() {
        rollbacks++;
    }

    synchronized long version() {
        return version;
    }

    /** The accuracy on held-out real images after the last accepted step. */
    synchronized double realAccuracy() {
        return realAccuracy;
    }

    synchronized DetectiveStats stats() {
        long caught = recentCaught.stream().filter(Boolean::booleanValue).count();
        double catchRate = recentCaught.isEmpty() ? Double.NaN : (double) caught / recentCaught.size();
        return new DetectiveStats(dataset, version, forgeriesSeen, catchRate, recentCaught.size(), realAccuracy,
                rollbacks, new ArrayList<>(lossCurve));
    }

    private void addCatch(boolean caught) {
        recentCaught.addLast(caught);
        while (recentCaught.size() > recentWindow) {
            recentCaught.removeFirst();
        }
    }

    private void addLoss(double loss) {
        lossCurve.addLast(loss);
        while (lossCurve.size() > lossCurveLength) {
            lossCurve.removeFirst();
        }
    }
}
