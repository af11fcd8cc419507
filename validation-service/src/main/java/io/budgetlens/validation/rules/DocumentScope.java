package io.budgetlens.validation.rules;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.budgetlens.events.DisclosureParsed;

/**
 * What the rules of one validation share about its document (the {@link Narrative}, the template family, whether it
 * has other uses of money…), computed at most once per validation instead of once per rule. {@link RuleEngine#validate}
 * opens the scope (a rule evaluated on its own opens one for its evaluation); nothing outlives it, so no thread keeps
 * a document after its validation. The views are pure functions of the
 * document, so sharing them changes no verdict.
 */
final class DocumentScope {

    private static final ThreadLocal<DocumentScope> CURRENT = new ThreadLocal<>();

    private final DisclosureParsed document;
    private final Map<Object, Object> views = new HashMap<>();
    /**
     * Views of parts of the document (a table, a row…), per kind of view and by the part's identity: records' equals
     * would compare contents.
     */
    private final Map<Object, Map<Object, Object>> perObject = new HashMap<>();

    private DocumentScope(DisclosureParsed document) {
        this.document = document;
    }

    /** Runs {@code work} with the views of {@code document} shared, then forgets them. */
    static <T> T during(DisclosureParsed document, Supplier<T> work) {
        DocumentScope outer = CURRENT.get();
        CURRENT.set(new DocumentScope(document));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Whether a validation of this very document is running on this thread. */
    static boolean active(DisclosureParsed document) {
        DocumentScope scope = CURRENT.get();
        return scope != null && scope.document == document;
    }

    /** The view {@code key} of the document: computed once per validation, or afresh outside one. */
    @SuppressWarnings("unchecked")
    static <T> T view(DisclosureParsed document, Object key, Function<DisclosureParsed, T> compute) {
        DocumentScope scope = CURRENT.get();
        if (scope == null || scope.document != document) {
            return compute.apply(document);
        }
        // get/put rather than computeIfAbsent: a view may itself read another view.
        if (scope.views.containsKey(key)) {
            return (T) scope.views.get(key);
        }
        T value = compute.apply(document);
        scope.views.put(key, value);
        return value;
    }

    /**
     * The view {@code key} of one part of the running validation's document (a table, a row), computed once; afresh
     * outside one.
     */
    @SuppressWarnings("unchecked")
    static <P, T> T perObject(Object key, P part, Function<P, T> compute) {
        DocumentScope scope = CURRENT.get();
        if (scope == null) {
            return compute.apply(part);
        }
        Map<Object, Object> views = scope.perObject.computeIfAbsent(key, k -> new IdentityHashMap<>());
        Object known = views.get(part);
        if (known == null) {
            known = compute.apply(part);
            views.put(part, known);
        }
        return (T) known;
    }
}
