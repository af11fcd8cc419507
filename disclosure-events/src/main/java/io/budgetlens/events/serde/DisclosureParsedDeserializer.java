package io.budgetlens.events.serde;

import io.budgetlens.events.DisclosureParsed;

/** Deserializer of {@link DisclosureParsed} values. */
public class DisclosureParsedDeserializer extends EventDeserializer<DisclosureParsed> {

    public DisclosureParsedDeserializer() {
        super(DisclosureParsed.class);
    }
}
