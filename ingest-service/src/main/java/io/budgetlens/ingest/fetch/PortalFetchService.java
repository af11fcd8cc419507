package io.budgetlens.ingest.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.intake.Intake;
import io.budgetlens.ingest.intake.IntakeException;
import io.budgetlens.ingest.intake.ZipParts;
import io.budgetlens.service.security.Caller;
import io.quarkus.runtime.StartupEvent;

/**
 * The CDI side of fetching (thin): builds the {@link PortalFetcher} from configuration and the injected
 * {@link Resolver} and {@link Connector}, turns what it fetched into the parts of one document — a ZIP attachment
 * unpacked into its files, an attachment the intake cannot read skipped with the reason — and hands them to
 * {@link Intake#acceptParts}, each part with the URL it came from.
 */
@ApplicationScoped
public class PortalFetchService {

    private static final Logger LOG = Logger.getLogger(PortalFetchService.class);

    /** A part of the fetched document: where it came from, its name and size. */
    public record FetchedPart(String sourceUri, String filename, long bytes) {
    }

    /** What a fetch did: the document accepted, every exchange, its parts, the links skipped. */
    public record Outcome(Intake.Accepted accepted, List<PortalFetcher.Exchange> exchanges, List<FetchedPart> parts,
                          List<PortalFetcher.Skipped> skipped) {
    }

    @Inject
    Intake intake;

    @Inject
    IngestConfig ingestConfig;

    @Inject
    FetchConfig config;

    @Inject
    Resolver resolver;

    @Inject
    Connector connector;

    private PortalFetcher fetcher;

    /** Built at start-up, so that a malformed allow-list stops the service with its message. */
    void onStart(@Observes StartupEvent event) {
        fetcher();
    }

    synchronized PortalFetcher fetcher() {
        if (fetcher == null) {
            AllowList allow = AllowList.of(config.allow().orElse(List.of()));
            fetcher = new PortalFetcher(new TargetGuard(resolver, allow), connector, new PortalFetcher.Limits(
                    ingestConfig.maxDocumentBytes(), config.maxAttachments(), config.maxRedirects(),
                    config.connectTimeout(), config.responseTimeout(), config.totalTimeout()));
            if (!allow.isEmpty()) {
                LOG.infof("Fetching allowed from special-purpose hosts and ranges: %s", allow);
            }
        }
        return fetcher;
    }

    /**
     * @throws IntakeException (or {@link FetchException}) with the status to answer
     */
    public Outcome fetch(String url, String visibility, Caller caller) {
        if (visibility != null && !visibility.isBlank()
                && !List.of("public", "draft").contains(visibility.strip().toLowerCase(Locale.ROOT))) {
            throw new IntakeException(400, "visibility must be 'public' or 'draft', got '" + visibility + "'.");
        }
        PortalFetcher.Result result = fetcher().fetch(url);
        List<PortalFetcher.Skipped> skipped = new ArrayList<>(result.skipped());
        List<Intake.PartSubmission> parts = new ArrayList<>();
        for (int i = 0; i < result.files().size(); i++) {
            parts.addAll(parts(result.files().get(i), i > 0, skipped));
        }
        int maxParts = config.maxAttachments() + 1;
        if (parts.size() > maxParts) {
            throw new IntakeException(400, "The page and its attachments make " + parts.size() + " files (ZIP "
                    + "archives unpacked); one disclosure has at most " + maxParts + ".");
        }
        String first = result.files().get(0).sourceUri();
        Intake.Accepted accepted = intake.acceptParts(parts, first, visibility, caller);
        LOG.infof("Fetched %s: %d parts, %d exchanges, %d links skipped -> %s%s", first, parts.size(),
                result.exchanges().size(), skipped.size(), accepted.documentId(),
                accepted.duplicate() ? " (duplicate)" : "");
        List<FetchedPart> fetched = parts.stream().map(p -> new FetchedPart(p.sourceUri(), p.filename(),
                p.content().length)).toList();
        return new Outcome(accepted, result.exchanges(), fetched, List.copyOf(skipped));
    }

    /**
     * The parts one fetched file makes: a ZIP its files, anything else itself. The page or file the URL named
     * must be readable (the intake answers otherwise); an attachment, or a file of a ZIP attachment, that the intake
     * cannot read (400, 415) is skipped with the reason. Over a limit (413) always answers.
     */
    private List<Intake.PartSubmission> parts(PortalFetcher.FetchedFile file, boolean attachment,
                                              List<PortalFetcher.Skipped> skipped) {
        List<Intake.PartSubmission> parts = new ArrayList<>();
        try {
            if (ZipParts.isArchive(file.mediaType(), file.content())) {
                for (Intake.PartSubmission p : ZipParts.expand(file.content(), ingestConfig.maxDocumentBytes())) {
                    parts.add(new Intake.PartSubmission(p.content(), p.mediaType(), p.charset(), p.filename(),
                            file.sourceUri()));
                }
            } else {
                parts.add(new Intake.PartSubmission(file.content(), file.mediaType(), file.charset(), file.filename(),
                        file.sourceUri()));
            }
        } catch (IntakeException e) {
            if (e.status() == 413 || !attachment) {
                throw e;
            }
            skipped.add(new PortalFetcher.Skipped(file.sourceUri(), e.getMessage()));
            return List.of();
        }
        if (!attachment) {
            return parts;
        }
        List<Intake.PartSubmission> readable = new ArrayList<>();
        for (Intake.PartSubmission p : parts) {
            try {
                intake.toReceived(new Intake.Submission(p.content(), p.mediaType(), p.charset(), p.sourceUri(),
                        p.filename(), null));
                readable.add(p);
            } catch (IntakeException e) {
                if (e.status() == 413) {
                    throw e;
                }
                skipped.add(new PortalFetcher.Skipped(p.sourceUri(), (p.filename() == null ? "" : p.filename()
                        + ": ") + e.getMessage()));
            }
        }
        return readable;
    }
}
