package io.budgetlens.events.serde;

import io.budgetlens.events.AnomalyDetected;

/** Deserializer of {@link AnomalyDetected} values. */
public class AnomalyDetectedDeserializer extends EventDeserializer<AnomalyDetected> {

    public AnomalyDetectedDeserializer() {
        super(AnomalyDetected.class);
    }
}
