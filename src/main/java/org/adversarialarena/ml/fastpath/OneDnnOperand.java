package org.adversarialarena.ml.fastpath;

import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One argument of a cached oneDNN primitive: the caller's array, described by its own layout, and —
 * where the primitive computes in another layout (channels-last or blocked, whose kernels are 2–4×
 * faster than the plain-layout ones at the training batch, docs/benchmarks.md) — a copy in that
 * layout with cached reorders between the two. Where the layouts agree the primitive works on the
 * caller's array itself.
 */
final class OneDnnOperand {

    private final memory user;
    private final memory inner;
    private final reorder toInner;
    private final reorder toUser;
    private final IntMemoryMap toInnerArguments = new IntMemoryMap();
    private final IntMemoryMap toUserArguments = new IntMemoryMap();

    /** {@code keep}: where the scratch memories this operand's reorders own are held alive. */
    OneDnnOperand(memory.desc userLayout, memory.desc innerLayout, List<memory> keep) {
        user = new memory(userLayout, OneDnnMemory.CPU, new Pointer());
        if (userLayout.equals(innerLayout)) {
            inner = user;
            toInner = null;
            toUser = null;
            return;
        }
        inner = new memory(innerLayout, OneDnnMemory.CPU);
        toInner = reorder(user, inner, toInnerArguments, keep);
        toUser = reorder(inner, user, toUserArguments, keep);
    }

    private static reorder reorder(memory from, memory to, IntMemoryMap arguments, List<memory> keep) {
        reorder.primitive_desc descriptor = new reorder.primitive_desc(OneDnnMemory.CPU, from.get_desc(), OneDnnMemory.CPU,
                to.get_desc(), OneDnnMemory.ownScratchpad(), false);
        arguments.put(dnnl.DNNL_ARG_FROM, from);
        arguments.put(dnnl.DNNL_ARG_TO, to);
        OneDnnMemory.addScratchpad(arguments, descriptor, keep);
        return new reorder(descriptor);
    }

    /** The memory to hand the primitive. */
    memory memory() {
        return inner;
    }

    /** Points this operand at {@code array} (laid out as the user layout says). */
    OneDnnOperand attach(INDArray array) {
        user.set_data_handle(OneDnnMemory.start(array));
        return this;
    }

    /** Brings the attached array into the primitive's layout (a primitive's input). */
    void read(stream stream) {
        if (toInner != null) {
            toInner.execute(stream, toInnerArguments);
        }
    }

    /** Writes the primitive's result back into the attached array (a primitive's output). */
    void write(stream stream) {
        if (toUser != null) {
            toUser.execute(stream, toUserArguments);
        }
    }
}
