package org.adversarialarena.ml.fastpath;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.BaseNDArrayFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The private fields of DL4J and ND4J that the fast path reads or replaces, for want of setters.
 * {@link FastPath#install} looks them all up before it changes anything, so that a library upgrade
 * which renamed one stops the process at start with a message naming the field and the class of
 * ours to revisit, rather than as an {@code ExceptionInInitializerError} at the first network.
 */
enum LibraryField {
    CONVOLUTION_HELPER(ConvolutionLayer.class, "helper", OneDnnConvolution.class),
    LAYER_MAP(MultiLayerNetwork.class, "layerMap", OneDnnLayers.class),
    LEVEL_3_BLAS(BaseNDArrayFactory.class, "level3", OneDnnGemm.class),
    OP_EXECUTIONER(Nd4j.class, "OP_EXECUTIONER_INSTANCE", ReachableOpExecutioner.class),
    SHAPE_INFO_PROVIDER(Nd4j.class, "shapeInfoProvider", ShapeInfoCache.class),
    DEALLOCATOR_SERVICE(Nd4j.class, "deallocatorService", LightDeallocatorService.class),
    DEALLOCATOR_COUNTER(DeallocatorService.class, "counter", LightDeallocatorService.class),
    DEALLOCATOR_QUEUES(DeallocatorService.class, "deviceMap", LightDeallocatorService.class),
    DEALLOCATOR_REFERENCES(DeallocatorService.class, "referenceMap", LightDeallocatorService.class),
    DEALLOCATION_OFF(DeallocatorService.class, "noPointerGc", LightDeallocatorService.class);

    private final Class<?> owner;
    private final String name;
    private final Class<?> user;
    private volatile Field field;

    LibraryField(Class<?> owner, String name, Class<?> user) {
        this.owner = owner;
        this.name = name;
        this.user = user;
    }

    /** Looks up every field; throws naming the first one this DL4J/ND4J version lacks. */
    static void resolveAll() {
        for (LibraryField libraryField : values()) {
            libraryField.resolve();
        }
    }

    Object get(Object instance) {
        try {
            return field().get(instance);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(this + " is not accessible", e);
        }
    }

    void set(Object instance, Object value) {
        try {
            field().set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(this + " is not accessible", e);
        }
    }

    @Override
    public String toString() {
        return owner.getName() + "." + name;
    }

    void resolve() {
        field = lookUp(owner, name, user);
    }

    /** The accessible field {@code owner.name}, or an exception naming it and {@code user}, the class to revisit. */
    static Field lookUp(Class<?> owner, String name, Class<?> user) {
        try {
            Field declared = owner.getDeclaredField(name);
            declared.setAccessible(true);
            return declared;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("This DL4J/ND4J version has no accessible field " + owner.getName() + "."
                    + name + ", which " + user.getName() + " relies on: revisit that class, or start with -D"
                    + FastPath.SWITCH + "=false to run plain DL4J", e);
        }
    }

    private Field field() {
        Field resolved = field;
        if (resolved == null) {
            throw new IllegalStateException(this + " has not been looked up: FastPath.install() must run first");
        }
        return resolved;
    }
}
