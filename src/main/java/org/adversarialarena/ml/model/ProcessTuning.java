package org.adversarialarena.ml.model;

import java.lang.reflect.Field;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.cpu.nativecpu.blas.CpuLevel3;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.BaseNDArrayFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J settings that hold for the whole process, made once, the first time any network is
 * tuned: matrix products through oneDNN ({@link OneDnnGemm}, {@link OneDnnMmulExecutioner}),
 * shared shape descriptors ({@link ShapeInfoCache}) and arrays registered for deallocation without a
 * new {@code SecureRandom} each ({@link LightDeallocatorService}). ND4J has no setters for these, so its own
 * objects are replaced where it keeps them; on another backend (CUDA) nothing is replaced.
 */
final class ProcessTuning {

    private static volatile boolean installed;

    private ProcessTuning() {
    }

    static void installOnce() {
        if (installed) {
            return;
        }
        synchronized (ProcessTuning.class) {
            if (installed) {
                return;
            }
            if (Nd4j.factory() instanceof BaseNDArrayFactory factory && factory.level3() instanceof CpuLevel3) {
                replace(BaseNDArrayFactory.class, "level3", factory, new OneDnnGemm());
            }
            if (Nd4j.getExecutioner().getClass() == NativeOpExecutioner.class) {
                OneDnnMmulExecutioner executioner = new OneDnnMmulExecutioner();
                executioner.setProfilingMode(Nd4j.getExecutioner().getProfilingMode());
                replace(Nd4j.class, "OP_EXECUTIONER_INSTANCE", null, executioner);
            }
            if (Nd4j.getShapeInfoProvider() instanceof DirectShapeInfoProvider) {
                replace(Nd4j.class, "shapeInfoProvider", null, new ShapeInfoCache());
            }
            DeallocatorService deallocation = Nd4j.getDeallocatorService();
            if (deallocation.getClass() == DeallocatorService.class) {
                // ND4J's own service keeps its threads for the arrays already registered with it.
                replace(Nd4j.class, "deallocatorService", null, new LightDeallocatorService(deallocation));
            }
            installed = true;
        }
    }

    private static void replace(Class<?> owner, String fieldName, Object instance, Object replacement) {
        try {
            Field field = owner.getDeclaredField(fieldName);
            field.setAccessible(true);
            field.set(instance, replacement);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This ND4J version has no " + owner.getSimpleName() + "." + fieldName
                    + "; revisit " + replacement.getClass().getSimpleName(), e);
        }
    }
}
