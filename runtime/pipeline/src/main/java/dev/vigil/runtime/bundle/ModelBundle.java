package dev.vigil.runtime.bundle;

import dev.vigil.runtime.config.Sensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployment runs: at most one lane per sensor, in sensor order, and where it came from.
 *
 * @param lanes      the lanes
 * @param provenance tool, source files and training options
 */
public record ModelBundle(List<BundleLane> lanes, Provenance provenance) {

    public ModelBundle {
        Set<Sensor> seen = EnumSet.noneOf(Sensor.class);
        for (BundleLane l : lanes) {
            if (!seen.add(l.sensor())) {
                throw new IllegalArgumentException("two lanes for sensor " + l.sensor().label());
            }
        }
        lanes = lanes.stream().sorted(Comparator.comparing(BundleLane::sensor)).toList();
        if (provenance == null) {
            throw new IllegalArgumentException("provenance missing");
        }
    }

    /** The lane of {@code sensor}, if the bundle has one. */
    public Optional<BundleLane> lane(Sensor sensor) {
        return lanes.stream().filter(l -> l.sensor() == sensor).findFirst();
    }

    /** A copy in which {@code lane} replaces the lane of its sensor, or joins the others. */
    public ModelBundle with(BundleLane lane) {
        List<BundleLane> next = new ArrayList<>(lanes.stream().filter(l -> l.sensor() != lane.sensor()).toList());
        next.add(lane);
        return new ModelBundle(next, provenance);
    }

    /** A copy with other provenance. */
    public ModelBundle with(Provenance newProvenance) {
        return new ModelBundle(lanes, newProvenance);
    }

    /** The sensors of its lanes, e.g. {@code "dvs, audio"}. */
    public String sensors() {
        return String.join(", ", lanes.stream().map(l -> l.sensor().label()).toList());
    }
}
