package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.pipeline.Detection;

import java.util.List;

/**
 * The matching rule evaluation uses everywhere: a wake, or the dense result of a wake, belongs to a
 * labelled interval when its waking window ends after the interval starts and at most one window after
 * the interval ends.
 */
final class Matching {

    private Matching() {
    }

    /** End of the waking window behind dense result {@code d}. */
    static long wakeEnd(Detection d, long windowUs) {
        return d.windowStartUs() + windowUs;
    }

    /** True when a waking window ending at {@code wakeEndUs} belongs to {@code iv}. */
    static boolean holds(LabelInterval iv, long wakeEndUs, long windowUs) {
        return wakeEndUs > iv.startUs() && wakeEndUs <= iv.endUs() + windowUs;
    }

    /** The first of {@code ivs} a waking window ending at {@code wakeEndUs} belongs to, or null. */
    static LabelInterval first(List<LabelInterval> ivs, long wakeEndUs, long windowUs) {
        for (LabelInterval iv : ivs) {
            if (holds(iv, wakeEndUs, windowUs)) {
                return iv;
            }
        }
        return null;
    }
}
