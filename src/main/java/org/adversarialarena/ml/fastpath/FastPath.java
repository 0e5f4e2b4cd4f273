package org.adversarialarena.ml.fastpath;

import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The one entry point of the speed layer: the parts of DL4J and ND4J it replaces with faster
 * equivalents that compute the same thing — convolutions, pooling, dense layers and activations
 * through oneDNN, ND4J's matrix products, shape descriptors and deallocator, Adam's update,
 * training steps that skip the input gradient DL4J throws away, and JavaCPP's native-memory check
 * (docs/benchmarks.md measures each).
 *
 * <p>{@link #install} runs once per process, before any network exists: the application does it
 * while Spring prepares its environment, tests when the JUnit launcher starts, every other
 * {@code main} on its first line. Then every network that is created, loaded or copied is
 * {@link #tune tuned}; {@code ml.model.Networks} does that for the app.
 *
 * <p>The switch {@value #SWITCH} ({@code false}: a system property, or a Spring property for the
 * application) leaves DL4J and ND4J as shipped, to bisect a wrong result and to check a DL4J upgrade
 * before this package is reviewed, with one exception that computes nothing differently: ops stay
 * reachable during their native calls ({@link ReachableOpExecutioner}), without which ND4J crashes
 * under concurrent load.
 */
public final class FastPath {

    /** The property that turns the fast path off ({@code false}) or on ({@code true}, the default). */
    public static final String SWITCH = "arena.ml.fast-path";

    /** Null until {@link #install} has run; then whether the fast path is on. */
    private static volatile Boolean on;

    private FastPath() {
    }

    /** The property that sets how many OpenMP threads one native network call may use; default 1. */
    public static final String NATIVE_THREADS = NativeThreads.PROPERTY;

    /**
     * Lets each native network call use {@code threads} OpenMP threads, unless the environment says
     * otherwise ({@link NativeThreads}); true if this call set it. A process setting, made whether the
     * fast path is on or off, and only before any native code has loaded.
     */
    public static boolean limitNativeThreads(int threads) {
        return NativeThreads.limit(threads);
    }

    /** {@link #install(boolean)} as the system property {@value #SWITCH} says (on unless it is {@code false}). */
    public static void install() {
        install(switchValue(System.getProperty(SWITCH)));
    }

    /**
     * Installs the process-wide replacements (if {@code fastPath}), once. Every private field of DL4J
     * and ND4J this package relies on is looked up first, so that a library that renamed one fails
     * here, naming it. A second call must agree with the first: what is installed stays installed.
     */
    public static synchronized void install(boolean fastPath) {
        if (on != null) {
            if (on != fastPath) {
                throw new IllegalStateException("The fast path is already installed " + (on ? "on" : "off")
                        + " in this process; set " + SWITCH + "=" + fastPath + " before it starts (-D" + SWITCH + "="
                        + fastPath + ")");
            }
            return;
        }
        if (fastPath) {
            NativeMemorySettings.applyBeforeNativeCode();
            LibraryField.resolveAll();
            ProcessTuning.install();
        } else {
            ProcessTuning.keepOpsReachable();
        }
        on = fastPath;
    }

    /** Whether this process runs the fast path (false before {@link #install}). */
    public static boolean isOn() {
        return Boolean.TRUE.equals(on);
    }

    /**
     * Gives an initialised network the fast layers and settings (kept per layer instance by DL4J, so a
     * clone or a loaded file starts without them); returns it. With the fast path off, returns it as it is.
     */
    public static MultiLayerNetwork tune(MultiLayerNetwork network) {
        if (!installedOn()) {
            return network;
        }
        return LayerConfigurationTuning.install(OneDnnLayers.install(OneDnnConvolution.install(network)));
    }

    /**
     * {@link #tune}, and each convolution's pre-activation kept from the forward pass for the
     * backward pass instead of computed a second time (DL4J's {@link CacheMode#DEVICE}). Only for
     * networks used through {@code output}, {@code fit} and {@code calculateGradients}, which always
     * run the forward pass that fills the cache right before the backward pass that reads it — not
     * for a bare {@code backpropGradient} after a separate forward pass, as the GAN trainer drives
     * its generator, which could read a cache left by an earlier batch.
     */
    public static MultiLayerNetwork tuneWithForwardCache(MultiLayerNetwork network) {
        if (!installedOn()) {
            return network;
        }
        // The network reads the mode from its configuration (to open the cache's workspace), the layers from their own field.
        tune(network).getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
        network.setCacheMode(CacheMode.DEVICE);
        return network;
    }

    /** Whether {@code network} went through {@link #tune} (its convolutions, if any, go through oneDNN). */
    public static boolean isTuned(MultiLayerNetwork network) {
        return isOn() && OneDnnConvolution.isInstalled(network) && OneDnnLayers.isInstalled(network);
    }

    /**
     * One training step, DL4J's {@code fit}, but with the fast path on without computing the gradient
     * with respect to the network's input, which {@code fit} throws away.
     */
    public static void fit(MultiLayerNetwork network, DataSet batch) {
        if (isOn()) {
            TrainingSteps.fit(network, batch);
        } else {
            network.fit(batch);
        }
    }

    static boolean switchValue(String property) {
        if (property == null || property.isBlank()) {
            return true;
        }
        return switch (property.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(SWITCH + " is true or false, was '" + property + "'");
        };
    }

    private static boolean installedOn() {
        Boolean installed = on;
        if (installed == null) {
            throw new IllegalStateException("FastPath.install() has not run in this process: the application and the "
                    + "tests install it at start, every other main must call it on its first line");
        }
        return installed;
    }
}
