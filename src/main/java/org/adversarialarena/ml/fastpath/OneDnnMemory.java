package org.adversarialarena.ml.fastpath;

import java.lang.ref.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.primitive_desc_base;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the direct oneDNN helpers share: the CPU engine and how an ND4J array's memory is handed to oneDNN. */
final class OneDnnMemory {

    static final engine CPU = new engine(engine.kind.cpu, 0);
    private static final int MAX_CACHED_SHAPES = 8;

    private OneDnnMemory() {
    }

    /**
     * Attributes for primitives that bring their own scratch memory: oneDNN's library-managed
     * scratchpad is one per process unless oneDNN is built for concurrent execution, and served
     * networks run on several threads at once.
     */
    static primitive_attr ownScratchpad() {
        primitive_attr attributes = new primitive_attr();
        attributes.set_scratchpad_mode(dnnl.scratchpad_mode.user);
        return attributes;
    }

    /** Scratch memory for one primitive built with {@link #ownScratchpad()}, added to its arguments. */
    static void addScratchpad(IntMemoryMap arguments, primitive_desc_base descriptor, List<memory> keep) {
        memory scratchpad = new memory(descriptor.scratchpad_desc(), CPU);
        keep.add(scratchpad);
        arguments.put(dnnl.DNNL_ARG_SCRATCHPAD, scratchpad);
    }

    /** The address of the array's first element (a view's buffer may start before it). */
    static Pointer start(INDArray array) {
        FloatPointer buffer = (FloatPointer) array.data().addressPointer();
        long skipped = array.offset() - array.data().offset();
        return skipped == 0 ? buffer : new FloatPointer(buffer).position(buffer.position() + skipped);
    }

    /**
     * Keeps arrays whose addresses oneDNN was given reachable until here, after its call has returned:
     * a memory object holds only the address, and the collector may otherwise free an array that its
     * caller no longer uses while the call still reads it ({@link ReachableOpExecutioner}).
     */
    static void keepReachable(INDArray... arrays) {
        Reference.reachabilityFence(arrays);
        for (INDArray array : arrays) {
            Reference.reachabilityFence(array);
        }
    }

    /** Primitives per shape, for the few shapes a layer sees; the least recently used beyond that is dropped. */
    static <K, V> Map<K, V> shapeCache() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_CACHED_SHAPES;
            }
        };
    }

    /** The strides of a dense row-major array of this shape. */
    static long[] denseStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = step;
            step *= shape[i];
        }
        return strides;
    }
}
