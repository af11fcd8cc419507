package io.budgetlens.events.serde;

import io.budgetlens.events.DisclosureReceived;

/** Deserializer of {@link DisclosureReceived} values. */
public class DisclosureReceivedDeserializer extends EventDeserializer<DisclosureReceived> {

    public DisclosureReceivedDeserializer() {
        super(DisclosureReceived.class);
    }
}
