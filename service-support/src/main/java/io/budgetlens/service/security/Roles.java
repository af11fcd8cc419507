package io.budgetlens.service.security;

/**
 * The roles a caller's token carries in its {@code groups} claim. {@code reader}: public data (also open to anonymous
 * callers while {@code budgetlens.security.anonymous-read=true}); {@code submitter}: uploads documents and sees and
 * deletes only its own drafts; {@code admin}: re-parses, re-validates, and reads or deletes any draft.
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String SUBMITTER = "submitter";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
