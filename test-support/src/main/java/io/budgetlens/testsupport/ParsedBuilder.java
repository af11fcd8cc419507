package io.budgetlens.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.PageLayout;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.Section;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TextLine;
import io.budgetlens.events.Visibility;

/**
 * Parse results for tests, naming only what a test is about: {@code ParsedBuilder.from(corpus).documentId(id).build()}
 * for a variant of a fixture, {@code ParsedBuilder.parsed().facts(...).build()} for a small one built by hand. It holds
 * a value for each component of {@link DisclosureParsed} by name, so {@link #from} and {@link #build} follow the
 * record as the contract grows; a setter names the component it sets.
 */
public final class ParsedBuilder {

    private static final RecordComponent[] COMPONENTS = DisclosureParsed.class.getRecordComponents();
    private static final Constructor<DisclosureParsed> CANONICAL = canonical();

    private final Map<String, Object> values = new HashMap<>();

    private ParsedBuilder() {
    }

    /** A PARSED public disclosure with no content, the id "aaa…a", parsed at the epoch by parser "test". */
    public static ParsedBuilder parsed() {
        return new ParsedBuilder().documentId("a".repeat(64)).set("status", ParseStatus.PARSED).parserVersion("test")
                .parsedAt(Instant.EPOCH).visibility(Visibility.PUBLIC).contentType("text/plain")
                .set("rejectionReasons", List.of()).text("").sections(List.of()).facts(List.of()).tables(List.of())
                .summary(Map.of()).warnings(List.of()).performance(List.of());
    }

    /** Everything as in {@code p}, to change some of it. */
    public static ParsedBuilder from(DisclosureParsed p) {
        ParsedBuilder b = new ParsedBuilder();
        for (RecordComponent component : COMPONENTS) {
            try {
                b.values.put(component.getName(), component.getAccessor().invoke(p));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of a DisclosureParsed", e);
            }
        }
        return b;
    }

    public ParsedBuilder documentId(String value) {
        return set("documentId", value);
    }

    public ParsedBuilder parserVersion(String value) {
        return set("parserVersion", value);
    }

    public ParsedBuilder contentType(String value) {
        return set("contentType", value);
    }

    public ParsedBuilder visibility(Visibility value) {
        return set("visibility", value);
    }

    public ParsedBuilder meta(DisclosureMeta value) {
        return set("meta", value);
    }

    public ParsedBuilder text(String value) {
        return set("text", value);
    }

    public ParsedBuilder sections(List<Section> value) {
        return set("sections", value);
    }

    public ParsedBuilder facts(List<Fact> value) {
        return set("facts", value);
    }

    public ParsedBuilder tables(List<DisclosureTable> value) {
        return set("tables", value);
    }

    public ParsedBuilder summary(Map<String, SummaryEntry> value) {
        return set("summary", value);
    }

    public ParsedBuilder warnings(List<ParseWarning> value) {
        return set("warnings", value);
    }

    public ParsedBuilder performance(List<PerformanceEvaluation> value) {
        return set("performance", value);
    }

    public ParsedBuilder parsedAt(Instant value) {
        return set("parsedAt", value);
    }

    public ParsedBuilder pages(List<PageLayout> value) {
        return set("pages", value);
    }

    public ParsedBuilder lines(List<TextLine> value) {
        return set("lines", value);
    }

    /** The draft's owner (contract v1.1): the subject that uploaded it. */
    public ParsedBuilder owner(String value) {
        return set("owner", value);
    }

    public DisclosureParsed build() {
        Object[] arguments = Arrays.stream(COMPONENTS).map(c -> values.get(c.getName())).toArray();
        try {
            return CANONICAL.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a DisclosureParsed", e);
        }
    }

    private ParsedBuilder set(String component, Object value) {
        if (Arrays.stream(COMPONENTS).noneMatch(c -> c.getName().equals(component))) {
            throw new IllegalArgumentException("DisclosureParsed has no component " + component);
        }
        values.put(component, value);
        return this;
    }

    private static Constructor<DisclosureParsed> canonical() {
        try {
            return DisclosureParsed.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DisclosureParsed has no canonical constructor", e);
        }
    }
}
