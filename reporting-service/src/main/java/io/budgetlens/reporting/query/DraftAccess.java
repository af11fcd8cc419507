package io.budgetlens.reporting.query;

import jakarta.ws.rs.NotFoundException;

import io.budgetlens.events.Visibility;
import io.budgetlens.service.security.Caller;
import io.quarkus.security.UnauthorizedException;

/**
 * Who sees drafts: their owner (the token subject that uploaded them) and admins, nobody else. Anonymous callers asking
 * for drafts get 401; someone else's draft is answered as if it did not exist (404), so draft ids reveal nothing.
 */
public final class DraftAccess {

    private DraftAccess() {
    }

    /**
     * Restricts a list to the visibility asked for; for drafts, to the caller's own unless the caller is an admin.
     *
     * @param table the disclosure table's alias in the query ("" or "d.")
     */
    public static void restrict(Where where, String table, Visibility visibility, Caller caller) {
        where.and(table + "visibility = ?", visibility.name());
        if (visibility == Visibility.DRAFT) {
            ownedOnly(where, table, caller);
        }
    }

    /** Restricts a list of drafts to the caller's own (an admin's: all); 401 for an anonymous caller. */
    public static void ownedOnly(Where where, String table, Caller caller) {
        requireSignedIn(caller);
        where.andIf(!caller.admin(), table + "owner = ?", caller.subject());
    }

    /** Whether this caller may see a stored document with this visibility and owner. */
    public static boolean mayRead(Visibility visibility, String owner, Caller caller) {
        return visibility != Visibility.DRAFT || caller.owns(owner);
    }

    /** Throws 401 for an anonymous caller and 404 for someone else's draft. */
    public static void requireReadable(Visibility visibility, String owner, Caller caller, String documentId) {
        if (visibility == Visibility.DRAFT) {
            requireSignedIn(caller);
            if (!caller.owns(owner)) {
                throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
            }
        }
    }

    /** 401 for an anonymous caller. */
    public static void requireSignedIn(Caller caller) {
        if (caller.anonymous()) {
            throw new UnauthorizedException("Drafts are shown only to their owner: send a bearer token.");
        }
    }
}
