package io.budgetlens.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.budgetlens.localstack.StackClient.Disclosure;

/** Follows sent documents through the pipeline until each is VALIDATED or REJECTED, printing progress as it changes. */
final class Pipeline {

    private static final Duration POLL = Duration.ofMillis(500);

    private Pipeline() {
    }

    /**
     * @param ids documentId → name to show
     * @return documentId → the finished disclosure
     */
    static Map<String, Disclosure> awaitAll(StackClient client, Map<String, String> ids, Duration timeout,
                                            PrintStream progress) {
        return awaitAll(client, ids, 1, timeout, progress);
    }

    /**
     * @param ids documentId → name to show
     * @param revision the revision each must reach (a part added to a document makes its next revision); an older
     *                 one counts as SENT
     * @return documentId → the finished disclosure
     */
    static Map<String, Disclosure> awaitAll(StackClient client, Map<String, String> ids, int revision,
                                            Duration timeout, PrintStream progress) {
        Map<String, Disclosure> finished = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastLine = "";
        while (true) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (String id : ids.keySet()) {
                Disclosure view = finished.containsKey(id) ? finished.get(id)
                        : client.disclosure(id).filter(d -> d.revision() >= revision).orElse(null);
                byStatus.merge(view == null ? "SENT" : view.stage(), 1, Integer::sum);
                if (view != null && view.finished()) {
                    finished.put(id, view);
                }
            }
            String line = "waiting: " + byStatus;
            if (!line.equals(lastLine)) {
                progress.println(line);
                lastLine = line;
            }
            if (finished.size() == ids.size()) {
                return finished;
            }
            if (System.nanoTime() > deadline) {
                throw new CliException("gave up after " + timeout.toSeconds() + " s waiting for " + (ids.size()
                        - finished.size()) + " document(s) to be validated; see the service logs (./budgetlens status)");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted");
            }
        }
    }
}
