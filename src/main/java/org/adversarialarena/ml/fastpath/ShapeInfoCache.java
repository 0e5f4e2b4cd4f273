package org.adversarialarena.ml.fastpath;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;

/**
 * Shares one native shape descriptor among all arrays of the same shape, strides and type, as
 * ND4J's CPU backend means to: its {@code DirectShapeInfoProvider} caches only calls it never gets
 * in 1.0.0-M2.1 (arrays ask through another overload) and stops caching after 1,000 shapes. So every
 * array — every view, reshape and intermediate result — allocated a native shape buffer with its own
 * deallocator: 33 per single-image LeNet inference, which the garbage collector then had to copy and
 * clear (young pauses of ~100 ms, docs/benchmarks.md). Descriptors are immutable ("constant") buffers,
 * so sharing them is safe; the cache is emptied when it grows past {@link #MAX_SHAPES}. Made ND4J's
 * provider by {@link ProcessTuning} (at {@link FastPath#install}).
 */
final class ShapeInfoCache extends DirectShapeInfoProvider {

    static final int MAX_SHAPES = 20_000;

    private final Map<Key, Pair<DataBuffer, long[]>> shapes = new ConcurrentHashMap<>();

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride, char order,
            DataType dataType, boolean empty) {
        Pair<DataBuffer, long[]> cached = shapes.get(new Key(shape, stride, elementWiseStride, order, dataType, empty));
        if (cached != null) {
            return cached;
        }
        if (shapes.size() >= MAX_SHAPES) {
            // Arrays keep the descriptors they hold; only sharing restarts.
            shapes.clear();
        }
        // The key keeps copies: callers may reuse their arrays.
        return shapes.computeIfAbsent(new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty),
                k -> super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty));
    }

    private record Key(long[] shape, long[] stride, long elementWiseStride, char order, DataType dataType, boolean empty) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(shape, k.shape) && Arrays.equals(stride, k.stride)
                    && elementWiseStride == k.elementWiseStride && order == k.order && dataType == k.dataType
                    && empty == k.empty;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(stride)) + Long.hashCode(elementWiseStride) + order
                    + dataType.hashCode() + (empty ? 1 : 0);
        }
    }
}
