package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.aggregates.Aggregate;
import org.nd4j.linalg.api.ops.aggregates.Batch;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

class ReachableOpExecutionerTest {

    private static final List<Class<?>> HOLDERS_OF_NATIVE_BUFFERS = List.of(Op.class, CustomOp.class, OpContext.class,
            INDArray.class, Aggregate.class, Batch.class, List.class);

    @Test
    void nd4jsExecutionerIsReplacedWhetherTheFastPathIsOnOrOff() {
        assertThat(Nd4j.getExecutioner()).isInstanceOf(ReachableOpExecutioner.class);
        assertThat(Nd4j.getExecutioner().getClass())
                .isEqualTo(FastPath.isOn() ? OneDnnMmulExecutioner.class : ReachableOpExecutioner.class);
    }

    @Test
    void everyEntryOfNd4jsExecutionerThatIsGivenAnOpOrAnArrayKeepsItReachable() {
        List<String> unguarded = Arrays.stream(NativeOpExecutioner.class.getMethods())
                .filter(method -> method.getDeclaringClass() == NativeOpExecutioner.class)
                .filter(method -> !Modifier.isStatic(method.getModifiers()) && !method.isBridge())
                .filter(method -> Arrays.stream(method.getParameterTypes()).anyMatch(this::holdsNativeBuffers))
                .filter(method -> !declaredByReachableOpExecutioner(method))
                .map(Method::toGenericString)
                .toList();

        assertThat(unguarded).isEmpty();
    }

    private boolean holdsNativeBuffers(Class<?> parameter) {
        return HOLDERS_OF_NATIVE_BUFFERS.stream().anyMatch(holder -> holder.isAssignableFrom(parameter));
    }

    private static boolean declaredByReachableOpExecutioner(Method method) {
        try {
            ReachableOpExecutioner.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
