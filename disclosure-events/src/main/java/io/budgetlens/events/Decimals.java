package io.budgetlens.events;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Amounts travel as decimal strings in plain notation ("3027.50", never 3027.5 as a JSON number and never
 * "3.0275E+3"), so the printed precision survives and no consumer parses money as binary floating point.
 */
public final class Decimals {

    private Decimals() {
    }

    /** Jackson serializer writing a {@link BigDecimal} as a plain-notation JSON string. */
    public static final class PlainString extends StdSerializer<BigDecimal> {
        public PlainString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
