package org.adversarialarena.ml.fastpath;

/**
 * Process settings for the native memory behind ND4J's arrays, which must be made before the first
 * JavaCPP class loads: {@link FastPath#install} makes them first.
 */
final class NativeMemorySettings {

    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemorySettings() {
    }

    /**
     * Turns off JavaCPP's check of the process's resident memory, unless the command line set it.
     * JavaCPP makes that check each time a native object gets a deallocator — every ND4J array, in
     * workspaces too — by reading {@code /proc/self/statm}: four or five system calls per single-image
     * prediction, and without them its p50 fell by a quarter (docs/benchmarks.md). Native memory stays
     * bounded by JavaCPP's count of the bytes it allocated ({@code org.bytedeco.javacpp.maxBytes},
     * by default the heap's size), which triggers garbage collection the same way.
     */
    static void applyBeforeNativeCode() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
