package dev.vigil.runtime.dense;

/** Makes a {@link DenseDevice}; registered in {@code META-INF/services}. */
public interface DenseDeviceProvider {

    /** The id of the devices it makes. */
    String id();

    /** A new device. */
    DenseDevice create();
}
