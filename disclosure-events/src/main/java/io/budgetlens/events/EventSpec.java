package io.budgetlens.events;

/**
 * One event type of the contract: the topic it is published on, its CloudEvents type, the Java record of its value
 * and the classpath location of its JSON Schema (draft-07).
 */
public record EventSpec(String topic, String ceType, Class<?> valueType, String schemaResource) {

    public static final EventSpec RECEIVED = of(Topics.RECEIVED, DisclosureReceived.TYPE, DisclosureReceived.class);
    public static final EventSpec PARSED = of(Topics.PARSED, DisclosureParsed.TYPE, DisclosureParsed.class);
    public static final EventSpec VALIDATED = of(Topics.VALIDATED, DisclosureValidated.TYPE, DisclosureValidated.class);
    public static final EventSpec ANOMALY = of(Topics.ANOMALY, AnomalyDetected.TYPE, AnomalyDetected.class);

    /** Every event type, in pipeline order. */
    public static final java.util.List<EventSpec> ALL = java.util.List.of(RECEIVED, PARSED, VALIDATED, ANOMALY);

    private static EventSpec of(String topic, String ceType, Class<?> valueType) {
        return new EventSpec(topic, ceType, valueType, "/schemas/" + topic + ".schema.json");
    }
}
