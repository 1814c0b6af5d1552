package dev.vigil.drivers.sensor;

import com.pi4j.context.Context;
import dev.vigil.runtime.provider.Providers;

/**
 * Service-provider interface through which drivers get the one Pi4J context of the process, built
 * explicitly by the boards module (declared in
 * {@code META-INF/services/dev.vigil.drivers.sensor.Pi4jContextProvider}).
 */
public interface Pi4jContextProvider {

    /** The shared context, built on first use. */
    Context context();

    /** The first provider on the class path, or an {@link IllegalStateException} saying what to add. */
    static Pi4jContextProvider find() {
        Providers<Pi4jContextProvider> providers = Providers.of("Pi4J context provider", Pi4jContextProvider.class,
                p -> p.getClass().getName());
        return providers.best().orElseThrow(() -> new IllegalStateException(providers.missing()
                + ": live sensors need the vigil-boards module (it builds the Pi4J context)"));
    }
}
