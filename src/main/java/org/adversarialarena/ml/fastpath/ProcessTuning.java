package org.adversarialarena.ml.fastpath;

import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.cpu.nativecpu.blas.CpuLevel3;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.BaseNDArrayFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J settings that hold for the whole process, made once by {@link FastPath#install} before any
 * network exists: matrix products through oneDNN ({@link OneDnnGemm}, {@link OneDnnMmulExecutioner}),
 * shared shape descriptors ({@link ShapeInfoCache}), arrays registered for deallocation without a
 * new {@code SecureRandom} each ({@link LightDeallocatorService}), and ops kept reachable during their
 * native calls ({@link ReachableOpExecutioner}, also with the fast path off). ND4J has no setters for these, so its own
 * objects are replaced where it keeps them; on another backend (CUDA) nothing is replaced.
 */
final class ProcessTuning {

    private ProcessTuning() {
    }

    /**
     * Only the fix without which ND4J's executioner crashes under concurrency ({@link ReachableOpExecutioner}),
     * for a process with the fast path off.
     */
    static void keepOpsReachable() {
        LibraryField.OP_EXECUTIONER.resolve();
        if (Nd4j.getExecutioner().getClass() == NativeOpExecutioner.class) {
            replaceExecutioner(new ReachableOpExecutioner());
        }
    }

    static void install() {
        if (Nd4j.factory() instanceof BaseNDArrayFactory factory && factory.level3() instanceof CpuLevel3) {
            LibraryField.LEVEL_3_BLAS.set(factory, new OneDnnGemm());
        }
        if (Nd4j.getExecutioner().getClass() == NativeOpExecutioner.class) {
            replaceExecutioner(new OneDnnMmulExecutioner());
        }
        if (Nd4j.getShapeInfoProvider() instanceof DirectShapeInfoProvider) {
            LibraryField.SHAPE_INFO_PROVIDER.set(null, new ShapeInfoCache());
        }
        DeallocatorService deallocation = Nd4j.getDeallocatorService();
        if (deallocation.getClass() == DeallocatorService.class) {
            // ND4J's own service keeps its threads for the arrays already registered with it.
            LibraryField.DEALLOCATOR_SERVICE.set(null, new LightDeallocatorService(deallocation));
        }
    }

    private static void replaceExecutioner(NativeOpExecutioner executioner) {
        executioner.setProfilingMode(Nd4j.getExecutioner().getProfilingMode());
        LibraryField.OP_EXECUTIONER.set(null, executioner);
    }
}
