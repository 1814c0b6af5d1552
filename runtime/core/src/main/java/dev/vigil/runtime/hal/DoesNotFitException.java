package dev.vigil.runtime.hal;

/** A network that does not fit a device, naming the layer, the resource and both figures. */
public final class DoesNotFitException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Layer {@code layer} needs {@code needed} of {@code resource} where the device offers {@code limit}. */
    public DoesNotFitException(String device, String layer, String resource, long needed, long limit) {
        super("layer '" + layer + "' does not fit device '" + device + "': needs " + needed + " " + resource
                + ", limit " + limit);
    }

    /** A free-form reason. */
    public DoesNotFitException(String message) {
        super(message);
    }
}
