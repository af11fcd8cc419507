package io.budgetlens.events.serde;

import io.budgetlens.events.DisclosureValidated;

/** Deserializer of {@link DisclosureValidated} values. */
public class DisclosureValidatedDeserializer extends EventDeserializer<DisclosureValidated> {

    public DisclosureValidatedDeserializer() {
        super(DisclosureValidated.class);
    }
}
