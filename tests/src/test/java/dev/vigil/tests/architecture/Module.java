package dev.vigil.tests.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vigil's modules, each with the modules its main code may use (docs/modules.md). A class belongs
 * to the module it was compiled in: read from where its class file lies ({@code <module>/target/classes}
 * or {@code vigil-<module>-<version>.jar}), not from its package name.
 */
enum Module {
    SENSORS("sensors", "streams, log formats and encoders stand on their own"),
    WAKE_POLICY("wake-policy", "wake policies are pure logic"),
    CORE("core", "the core is the contract devices implement; it sees nothing of ours"),
    MODELS("models", "models are built on the network model and the HAL only", CORE),
    PIPELINE("pipeline", "the pipeline runs models on sensors' streams and wakes; it knows nothing of delivery",
            CORE, MODELS, SENSORS, WAKE_POLICY),
    DELIVERY("delivery", "delivery is handed what it publishes; it knows neither the pipeline nor the config"),
    CLI("cli", "the commands are the composition root", CORE, MODELS, PIPELINE, DELIVERY, SENSORS, WAKE_POLICY),
    DEVICE_DRIVERS("device-drivers", "device drivers see the core only, and sensors' source contract",
            CORE, SENSORS),
    ONNX("onnx", "the ONNX dense device is a device driver shipped apart: it sees the core only", CORE),
    BOARDS("boards", "boards package everything", CORE, MODELS, PIPELINE, DELIVERY, CLI, SENSORS, WAKE_POLICY,
            DEVICE_DRIVERS);

    private static final Pattern JAR = Pattern.compile("/vigil-([a-z-]+)-\\d[^/]*\\.jar!/");
    private static final Pattern DIR = Pattern.compile("/([a-z-]+)/target/classes/");

    private final String name;
    private final String why;
    private final Set<Module> mayUse;

    Module(String name, String why, Module... mayUse) {
        this.name = name;
        this.why = why;
        this.mayUse = mayUse.length == 0 ? Set.of() : Set.of(mayUse);
    }

    /** The module a class (or an array's element class) was compiled in, if it is one of Vigil's. */
    static Optional<Module> of(JavaClass c) {
        return c.getBaseComponentType().getSource().map(s -> s.getUri().toString()).flatMap(Module::ofLocation);
    }

    private static Optional<Module> ofLocation(String uri) {
        Matcher m = JAR.matcher(uri);
        if (!m.find()) {
            m = DIR.matcher(uri);
            if (!m.find()) {
                return Optional.empty();
            }
        }
        String found = m.group(1);
        for (Module module : values()) {
            if (module.name.equals(found)) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    /** This module and the ones its main code may use. */
    Set<Module> mayUse() {
        Set<Module> s = EnumSet.of(this);
        s.addAll(mayUse);
        return s;
    }

    String artifact() {
        return "vigil-" + name;
    }

    String why() {
        return why;
    }
}
