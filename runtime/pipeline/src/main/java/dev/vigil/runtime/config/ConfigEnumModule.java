package dev.vigil.runtime.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads and writes every enum of the config (e.g. {@link WakeRule}, the fusion mode) as
 * {@link ConfigNames} spells it. A value that names no constant fails with an
 * {@link InvalidFormatException} whose target type is the enum, so {@link ConfigLoader} can list the
 * allowed spellings.
 */
public final class ConfigEnumModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module, ready to register with a mapper. */
    public ConfigEnumModule() {
        super("vigil-config-enums");
        setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new LabelDeserializer(type.getRawClass());
            }
        });
        setSerializerModifier(new BeanSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType valueType,
                                                          BeanDescription beanDesc, JsonSerializer<?> serializer) {
                return new LabelSerializer();
            }
        });
    }

    private static final class LabelDeserializer extends StdScalarDeserializer<Enum<?>> {
        private static final long serialVersionUID = 1L;

        LabelDeserializer(Class<?> type) {
            super(type);
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Enum<?>) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            return ConfigNames.lookup(handledType(), text).orElseThrow(() -> InvalidFormatException.from(p,
                    "not one of " + ConfigNames.allowed(handledType()), text.toLowerCase(Locale.ROOT), handledType()));
        }
    }

    private static final class LabelSerializer extends StdScalarSerializer<Enum<?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        LabelSerializer() {
            super((Class<Enum<?>>) (Class<?>) Enum.class);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(ConfigNames.label(value));
        }
    }
}
