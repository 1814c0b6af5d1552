package dev.vigil.runtime.learn;

import dev.vigil.runtime.bundle.TrainingOptions;

import java.util.List;

/** Helpers over label intervals. */
public final class Labels {
    /** The class of windows outside every labelled interval. */
    public static final String BACKGROUND = TrainingOptions.BACKGROUND;

    private Labels() {
    }

    /** The label of the first interval of {@code sensor} overlapping {@code [fromUs, toUs)}, or null. */
    public static String at(List<LabelInterval> intervals, String sensor, long fromUs, long toUs) {
        for (LabelInterval i : intervals) {
            if (i.appliesTo(sensor) && i.overlaps(fromUs, toUs)) {
                return i.label();
            }
        }
        return null;
    }

    /** True when {@code [fromUs, toUs)} is at least {@code guardUs} away from every interval of {@code sensor}. */
    public static boolean isBackground(List<LabelInterval> intervals, String sensor, long fromUs, long toUs, long guardUs) {
        for (LabelInterval i : intervals) {
            if (i.appliesTo(sensor) && fromUs < i.endUs() + guardUs && toUs > i.startUs() - guardUs) {
                return false;
            }
        }
        return true;
    }
}
