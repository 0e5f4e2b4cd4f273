package org.adversarialarena.ml.fastpath;

import java.lang.ref.ReferenceQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.deallocation.DeallocatableReference;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;

/**
 * ND4J's deallocator service, registering arrays without creating a {@code SecureRandom} for each.
 * ND4J picks one of its deallocator threads' queues at random for every array it allocates (also
 * in workspaces) through commons-lang3's {@code RandomUtils.nextInt}, which in the commons-lang3 this
 * project resolves (3.20) constructs a new {@code SecureRandom} per call: a provider look-up, reflection and ~1 KB of garbage,
 * 14 times per single-image prediction (docs/benchmarks.md). This one picks the queue with
 * {@link ThreadLocalRandom}; everything else — queues, threads, the deallocation itself — is ND4J's.
 * Installed in place of ND4J's by {@link ProcessTuning} (at {@link FastPath#install}).
 *
 * <p>The service also numbers every array, op context and workspace ({@link #nextValue()}), and the
 * numbers key its map of registered arrays: this one carries on from the numbers the service it
 * replaces has handed out, so no number is given twice.
 */
final class LightDeallocatorService extends DeallocatorService {

    private static final long NUMBERS_IN_FLIGHT = 1L << 20;

    private final List<List<ReferenceQueue<Deallocatable>>> queuesByDevice;
    private final Map<String, DeallocatableReference> references;
    private final boolean deallocationOff;

    LightDeallocatorService(DeallocatorService replaced) {
        // A margin for numbers the replaced service hands out to other threads while this one is installed.
        this.<AtomicLong>inherited(LibraryField.DEALLOCATOR_COUNTER).set(replaced.nextValue() + NUMBERS_IN_FLIGHT);
        queuesByDevice = inherited(LibraryField.DEALLOCATOR_QUEUES);
        references = inherited(LibraryField.DEALLOCATOR_REFERENCES);
        deallocationOff = Boolean.TRUE.equals(inherited(LibraryField.DEALLOCATION_OFF));
    }

    @Override
    public void pickObject(Deallocatable deallocatable) {
        if (deallocationOff) {
            super.pickObject(deallocatable);
            return;
        }
        List<ReferenceQueue<Deallocatable>> queues = queuesByDevice.get(deallocatable.targetDevice());
        ReferenceQueue<Deallocatable> queue = queues.get(ThreadLocalRandom.current().nextInt(queues.size()));
        references.put(deallocatable.getUniqueId(), new DeallocatableReference(deallocatable, queue));
    }

    /** How many arrays are registered and not yet deallocated. */
    int registered() {
        return references.size();
    }

    @SuppressWarnings("unchecked")
    private <T> T inherited(LibraryField field) {
        return (T) field.get(this);
    }
}
