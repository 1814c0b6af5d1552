package dev.vigil.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a lane turns its sensor's stream into the front end's input spikes. The input's size comes from
 * the front end (its input shape); these are the rest of the settings, as the config's
 * {@code sensors.<sensor>} section spells them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = EventEncoding.class, name = EventEncoding.KIND),
        @JsonSubTypes.Type(value = BandEncoding.class, name = BandEncoding.KIND)})
public sealed interface EncoderSettings permits EventEncoding, BandEncoding {

    /** {@code events} or {@code bands}, as the bundle names it. */
    String kind();
}
