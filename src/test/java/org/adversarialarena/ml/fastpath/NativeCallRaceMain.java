package org.adversarialarena.ml.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Many threads adding a row to a small matrix, as a dense layer adds its bias, while the collector
 * runs often: the load under which ND4J's own executioner lets the collector free a broadcast's
 * dimension buffer while libnd4j still reads it ({@link ReachableOpExecutioner}). On ND4J's executioner
 * the JVM dies with a SIGSEGV within seconds; a run that ends prints its count.
 * <pre>java -Xmx256m -Xmn16m ... org.adversarialarena.ml.fastpath.NativeCallRaceMain [threads 256] [seconds 60] [keep ops reachable true]</pre>
 */
public final class NativeCallRaceMain {

    static final String DONE = "done: broadcasts ";

    private NativeCallRaceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean keepReachable = args.length <= 2 || Boolean.parseBoolean(args[2]);
        FastPath.limitNativeThreads(1);
        if (keepReachable) {
            FastPath.install(false);
        }
        System.out.println("executioner " + Nd4j.getExecutioner().getClass().getName());
        AtomicLong broadcasts = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 8);
                while (System.nanoTime() < end) {
                    INDArray activations = Nd4j.zeros(DataType.FLOAT, 4, 8);
                    for (int i = 0; i < 100; i++) {
                        activations.addiRowVector(bias);
                    }
                    broadcasts.addAndGet(100);
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        System.out.println(DONE + broadcasts.get());
    }
}
