package io.budgetlens.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three services as separate podman containers on this machine's Kafka and PostgreSQL: builds the images
 * (deploy/containers/images.sh), runs each container as its Kubernetes Deployment runs it ({@link PodmanRun}), waits
 * for readiness, and removes them again. Used by {@code ./budgetlens up --containers} and by the container smoke test.
 *
 * <p>Usage: {@code Containers up|down}; the launcher passes the settings as system properties (see {@link #main}).
 */
public final class Containers {

    public static final List<String> SERVICES = List.of("ingest-service", "validation-service", "reporting-service");

    /** The install command printed when podman or its helpers are missing. */
    public static final String INSTALL = "apt-get install podman runc mmdebstrap";

    /**
     * Where the containers' dependencies are and which host ports the services listen on.
     *
     * @param root     the repository (manifests, images.sh, the packaged services)
     * @param stateDir the ConfigMap files mounted into the containers and the containers' logs
     * @param stack    the containers' name prefix and label, so several stacks can share a machine
     */
    public record Settings(Path root, Path stateDir, String stack, String kafkaBootstrap, String jdbcUrl,
            String dbUser, String dbPassword, Map<String, Integer> ports) {

        int port(String service) {
            return ports.get(service);
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Containers(Settings settings) {
        this.settings = settings;
    }

    /** Why containers cannot run on this machine (a tool missing, not root), or empty. */
    public static Optional<String> missingTools() {
        for (String tool : List.of("podman", "runc", "mmdebstrap")) {
            if (!onPath(tool)) {
                return Optional.of(tool + " is not installed; the containers need podman, runc and (for the base "
                        + "image) mmdebstrap, as root: " + INSTALL);
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("podman runs containers as root here (rootless podman is not set up); run as root");
        }
        return Optional.empty();
    }

    /** Why podman cannot run a container of the built images here (its own words), or empty. */
    public Optional<String> cannotRunContainers() {
        List<String> probe = List.of("run", "--rm", "--network", "host", "--entrypoint", "/bin/true",
                PodmanRun.image("budgetlens/ingest-service"));
        try {
            podman(probe, true);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of("podman cannot run containers on this machine: " + e.getMessage());
        }
    }

    public String containerName(String service) {
        return settings.stack() + "-" + service;
    }

    public String url(String service) {
        return "http://localhost:" + settings.port(service);
    }

    public Path log(String service) {
        return settings.stateDir().resolve("logs").resolve(service + ".log");
    }

    /** Builds the base and service images when missing or stale; images.sh's messages go to {@code output}. */
    public void buildImages(ProcessBuilder.Redirect output) {
        ProcessBuilder builder = new ProcessBuilder("bash", settings.root().resolve("deploy/containers/images.sh")
                .toString(), "build").redirectErrorStream(true).redirectOutput(output);
        podmanEnvironment(builder);
        int exit = waitFor(start(builder), Duration.ofMinutes(20));
        if (exit != 0) {
            throw new IllegalStateException("deploy/containers/images.sh build failed (exit " + exit + ")");
        }
    }

    /** Starts the three containers (replacing leftovers of the same names); does not wait for readiness. */
    public void start() {
        PodmanRun manifests = new PodmanRun(settings.root().resolve("deploy/kubernetes/base"));
        Map<String, String> localValues = Map.of("budgetlens-kafka/bootstrap.servers", settings.kafkaBootstrap());
        Map<String, Map<String, String>> secrets = Map.of("budgetlens-db", Map.of(
                "jdbc-uri", settings.jdbcUrl(), "username", settings.dbUser(), "password", settings.dbPassword()));
        LocalKeys keys = new LocalKeys(settings.stateDir()).ensure();
        String publicKey;
        try {
            publicKey = java.nio.file.Files.readString(keys.publicKey());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String service : SERVICES) {
            Map<String, String> overrides = new LinkedHashMap<>();
            // The stack's own key pair (LocalKeys), Swagger UI and plain-text logs, as for the JVMs of ./budgetlens up
            overrides.put("MP_JWT_VERIFY_PUBLICKEY", publicKey);
            overrides.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
            overrides.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            if (service.equals("reporting-service")) {
                overrides.put("BUDGETLENS_DASHBOARD_LOCAL_TOKEN", keys.token(System.getProperty("user.name"),
                        List.of("submitter"), java.time.Duration.ofDays(30)));
            }
            // Host network: each service on its own host port, the others at localhost instead of their Services.
            overrides.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
            overrides.put("BUDGETLENS_INGEST_REPORTING_URL", url("reporting-service"));
            overrides.put("BUDGETLENS_INGEST_URL", url("ingest-service"));
            // the hosts `./budgetlens fetch` may reach although private or loopback, as for the JVM services
            String allow = System.getenv("BUDGETLENS_INGEST_FETCH_ALLOW");
            if (allow != null && !allow.isBlank() && service.equals("ingest-service")) {
                overrides.put("BUDGETLENS_INGEST_FETCH_ALLOW", allow);
            }
            String name = containerName(service);
            podman(List.of("rm", "--force", "--ignore", name), false);
            Path log = log(service);
            rotate(log);
            List<String> args = new ArrayList<>(List.of("run", "--log-driver=k8s-file", "--log-opt=path=" + log));
            args.addAll(manifests.arguments(service, name, settings.stack(), localValues, secrets, overrides,
                    settings.stateDir().resolve("containers").resolve(service)));
            podman(args, true);
        }
    }

    /** Waits until every service answers /q/health/ready with 200; fails early when a container exits. */
    public void awaitReady(Duration timeout, PrintStream out) {
        long started = System.nanoTime();
        for (String service : SERVICES) {
            while (!ready(service)) {
                if (!running(service)) {
                    throw new IllegalStateException(service + " container " + containerName(service)
                            + " exited during start-up; its log is " + log(service) + ":\n" + tail(log(service)));
                }
                if (System.nanoTime() - started > timeout.toNanos()) {
                    throw new IllegalStateException(service + " was not ready within " + timeout.toSeconds()
                            + " s; its log is " + log(service) + ":\n" + tail(log(service)));
                }
                pause();
            }
            out.printf("  %s up after %d s: %s (container %s)%n", service,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), url(service), containerName(service));
        }
    }

    /** Stops (SIGTERM, the Deployment's grace period) and removes every container of this stack. */
    public List<String> remove() {
        String ids = podman(List.of("ps", "--all", "--quiet", "--filter", "label=" + PodmanRun.STACK_LABEL + "="
                + settings.stack()), false);
        List<String> removed = new ArrayList<>();
        for (String id : ids.lines().filter(l -> !l.isBlank()).toList()) {
            String name = podman(List.of("inspect", "--format", "{{.Name}}", id), false).strip();
            podman(List.of("stop", id), false);
            podman(List.of("rm", "--force", "--ignore", id), false);
            removed.add(name);
        }
        return removed;
    }

    public boolean running(String service) {
        return "true".equals(podman(List.of("container", "inspect", "--format", "{{.State.Running}}",
                containerName(service)), false).strip());
    }

    /** The user id the container's main process runs as. */
    public String user(String service) {
        return podman(List.of("exec", containerName(service), "id", "-u"), true).strip();
    }

    public boolean ready(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs podman with this repository's containers.conf; returns its output, or throws when {@code check} fails. */
    public String podman(List<String> args, boolean check) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        podmanEnvironment(builder);
        Process process = start(builder);
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int exit = waitFor(process, Duration.ofMinutes(2));
        if (check && exit != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " failed (exit " + exit + "): "
                    + output.strip());
        }
        return exit == 0 ? output : "";
    }

    private void podmanEnvironment(ProcessBuilder builder) {
        builder.environment().putIfAbsent("CONTAINERS_CONF",
                settings.root().resolve("deploy/containers/containers.conf").toString());
    }

    public static void main(String[] args) {
        String command = args.length == 1 ? args[0] : "";
        Path root = Path.of(System.getProperty("budgetlens.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("budgetlens.state", root.resolve(".budgetlens").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest-service", Integer.getInteger("budgetlens.port.ingest-service", 8081));
        ports.put("validation-service", Integer.getInteger("budgetlens.port.validation-service", 8082));
        ports.put("reporting-service", Integer.getInteger("budgetlens.port.reporting-service", 8080));
        Settings settings = new Settings(root, state, System.getProperty("budgetlens.stack", "budgetlens"),
                "localhost:" + Integer.getInteger("budgetlens.kafka.port", 9092),
                "jdbc:postgresql://localhost:" + Integer.getInteger("budgetlens.pg.port", 15432) + "/"
                        + LocalPostgres.DATABASE, LocalPostgres.USER, "", ports);
        Containers containers = new Containers(settings);
        try {
            switch (command) {
                case "up" -> {
                    Optional<String> missing = missingTools();
                    if (missing.isPresent()) {
                        System.err.println("budgetlens: " + missing.get());
                        System.exit(2);
                    }
                    System.out.println("Building the container images when missing or stale (deploy/containers/images.sh) ...");
                    containers.buildImages(ProcessBuilder.Redirect.INHERIT);
                    containers.start();
                    containers.awaitReady(Duration.ofSeconds(Long.getLong("budgetlens.start.timeout", 180)), System.out);
                }
                case "down" -> containers.remove().forEach(name -> System.out.println("  container " + name + " removed"));
                default -> {
                    System.err.println("usage: Containers up|down");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("budgetlens: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + builder.command().get(0), e);
        }
    }

    private static int waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", process.info().commandLine().orElse("a command"))
                        + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
