package dev.vigil.sensors;

/** What a stream carries. The code is the byte stored in Vigil recordings. */
public enum StreamKind {
    /** Address-events from an event camera: x, y, polarity, time. */
    DVS(1, "dvs"),
    /** PCM audio frames. */
    AUDIO(2, "audio"),
    /** Accelerometer or piezo samples, one to three axes. */
    VIBRATION(3, "vibration"),
    /** Detections emitted by Vigil, as JSON lines. */
    DETECTIONS(4, "detections");

    private final int code;
    private final String label;

    StreamKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The byte that identifies this kind in a Vigil recording. */
    public int code() {
        return code;
    }

    /** The lower-case name used in configs, topics and summaries. */
    public String label() {
        return label;
    }

    /** The kind stored under {@code code}, or {@code null} if the code is unknown. */
    public static StreamKind ofCode(int code) {
        for (StreamKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
