package io.budgetlens.reporting.query;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with positional parameters (?1, ?2…) for a native query. */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds a condition whose {@code ?} marks are replaced by the next positional parameters. */
    public Where and(String condition, Object... values) {
        StringBuilder sql = new StringBuilder();
        int v = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                parameters.add(values[v++]);
                sql.append('?').append(parameters.size());
            } else {
                sql.append(c);
            }
        }
        conditions.add(sql.toString());
        return this;
    }

    public Where andIf(boolean present, String condition, Object... values) {
        return present ? and(condition, values) : this;
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public void bind(jakarta.persistence.Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
