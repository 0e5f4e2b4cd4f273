package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.model.LeNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Arrays registered by the light service are still deallocated once they are garbage. */
@RequiresFastPath
class LightDeallocatorServiceTest {

    @Test
    void tuningInstallsItAndArraysItRegistersAreFreedAfterGarbageCollection() throws InterruptedException {
        LeNet.newNetwork(1);
        assertThat(Nd4j.getDeallocatorService()).isInstanceOf(LightDeallocatorService.class);
        LightDeallocatorService service = (LightDeallocatorService) Nd4j.getDeallocatorService();
        // Earlier tests in this JVM leave garbage arrays whose release would hide this test's registrations
        // (a fresh clone's run counted 24,686 before and 2,885 after): let it be collected first.
        int before = settled(service);

        List<INDArray> arrays = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            arrays.add(Nd4j.createUninitialized(DataType.FLOAT, 16));
        }
        assertThat(service.registered()).isGreaterThanOrEqualTo(before + 2_000);
        arrays.clear();

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (service.registered() > before + 200 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(service.registered()).isLessThanOrEqualTo(before + 200);
    }

    /** The registered count once collecting garbage no longer lowers it (bounded at 10 s). */
    private static int settled(LightDeallocatorService service) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = Integer.MAX_VALUE;
        int now = service.registered();
        while (now < last && System.nanoTime() < deadline) {
            last = now;
            System.gc();
            Thread.sleep(100);
            now = service.registered();
        }
        return now;
    }

    @Test
    void itNumbersOnFromTheServiceItReplaces() {
        DeallocatorService replaced = Nd4j.getDeallocatorService();
        long last = replaced.nextValue();

        assertThat(new LightDeallocatorService(replaced).nextValue()).isGreaterThan(last + 1);
    }
}
