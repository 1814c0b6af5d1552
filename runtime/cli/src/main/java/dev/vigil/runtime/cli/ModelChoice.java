package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleException;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.TrainingOptions;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model bundles a command's lanes run. Per sensor, the first that holds a lane for it: the
 * command line's {@code --model}, the config's {@code lanes.<sensor>.model} (which must hold one), the
 * config's {@code model}; sensors none of them covers run the built-in front end. Paths in the config
 * are relative to the config file.
 *
 * @param bundle the lanes picked, with the provenance of the first file that gave one; null when every
 *               lane is built in
 * @param given  the files that gave lanes, in that order
 */
record ModelChoice(ModelBundle bundle, List<Given> given) {

    /**
     * A file that gave lanes.
     *
     * @param file    where it was read
     * @param read    what it holds
     * @param sensors the sensors whose lanes it gave
     */
    record Given(Path file, ModelBundle read, List<Sensor> sensors) {
    }

    /** No bundle: every lane runs the built-in front end. */
    static ModelChoice builtIn() {
        return new ModelChoice(null, List.of());
    }

    /** The bundles {@code cliModel} (null: none) and {@code cfg} (read from {@code configFile}, null: defaults) name. */
    static ModelChoice resolve(VigilConfig cfg, Path configFile, Path cliModel) throws UserError {
        Path base = configFile == null || configFile.toAbsolutePath().getParent() == null ? Path.of("")
                : configFile.toAbsolutePath().getParent();
        Map<Path, ModelBundle> read = new LinkedHashMap<>();
        Map<Path, List<Sensor>> gave = new LinkedHashMap<>();
        Map<Sensor, BundleLane> picked = new EnumMap<>(Sensor.class);
        if (cliModel != null) {
            for (BundleLane l : read(cliModel, cfg, read).lanes()) {
                pick(picked, gave, cliModel, l);
            }
        }
        for (Sensor s : Sensor.values()) {
            String name = cfg.lanes().of(s).model();
            if (picked.containsKey(s) || name.isEmpty()) {
                continue;
            }
            Path file = base.resolve(name);
            ModelBundle b = read(file, cfg, read);
            pick(picked, gave, file, b.lane(s).orElseThrow(() -> new UserError("lanes." + s.label() + ".model: " + file
                    + " holds no " + s.label() + " lane (it holds: " + (b.lanes().isEmpty() ? "none" : b.sensors()) + ")")));
        }
        if (!cfg.model().isEmpty()) {
            Path file = base.resolve(cfg.model());
            for (BundleLane l : read(file, cfg, read).lanes()) {
                pick(picked, gave, file, l);
            }
        }
        if (picked.isEmpty()) {
            return builtIn();
        }
        List<Given> given = gave.entrySet().stream().map(e -> new Given(e.getKey(), read.get(e.getKey()), e.getValue())).toList();
        return new ModelChoice(new ModelBundle(new ArrayList<>(picked.values()), given.getFirst().read().provenance()), given);
    }

    private static void pick(Map<Sensor, BundleLane> picked, Map<Path, List<Sensor>> gave, Path file, BundleLane lane) {
        if (picked.putIfAbsent(lane.sensor(), lane) == null) {
            gave.computeIfAbsent(file, f -> new ArrayList<>()).add(lane.sensor());
        }
    }

    private static ModelBundle read(Path file, VigilConfig cfg, Map<Path, ModelBundle> cache) throws UserError {
        ModelBundle known = cache.get(file);
        if (known != null) {
            return known;
        }
        try {
            ModelBundle b = BundleCodec.read(file, cfg);
            cache.put(file, b);
            return b;
        } catch (BundleException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read model bundle " + file + ": " + e.getMessage());
        }
    }

    /** {@code cfg} with each picked lane's wake rules, as the lanes start with them (for live settings). */
    VigilConfig applyTo(VigilConfig cfg) {
        VigilConfig out = cfg;
        if (bundle != null) {
            for (BundleLane l : bundle.lanes()) {
                out = out.withWake(l.sensor(), l.wake());
            }
        }
        return out;
    }

    /** The negative labels the bundle was trained with, none when it was not trained. */
    List<String> negatives() {
        TrainingOptions t = bundle == null ? null : bundle.provenance().training();
        return t == null ? List.of() : t.negatives();
    }

    /** What runs, for standard error: a line per file, a line per lane it gives, noting a device other than its own. */
    List<String> describe(String device) {
        List<String> lines = new ArrayList<>();
        for (Given g : given) {
            String lanes = String.join(", ", g.sensors().stream().map(Sensor::label).toList());
            TrainingOptions t = g.read().provenance().training();
            String line = t != null ? "using the trained model bundle (" + t.describeSeeds() + ", lanes " + lanes + ") from " + g.file()
                    : "using the model bundle " + g.file() + " (lanes " + lanes + ")";
            if (g.read().provenance().tool().equals(BundleCodec.LEGACY_FORMAT)) {
                line += "; it is in the older format " + BundleCodec.LEGACY_FORMAT + ": its heads run on this config's built-in"
                        + " front end, as before ('vigil train' writes the current format)";
            }
            lines.add(line);
        }
        for (BundleLane l : bundle == null ? List.<BundleLane>of() : bundle.lanes()) {
            String target = l.frontEnd().device();
            int models = l.head().models().size();
            lines.add("lane " + l.sensor().label() + ": " + l.frontEnd().describe() + ", head '" + l.head().model().name() + "' "
                    + l.head().model().labels() + (models > 1 ? " (an ensemble of " + models + " models, answering from their mean)" : "")
                    + (target.equals(device) ? "" : "; runs on '" + device + "'"));
        }
        return lines;
    }
}
