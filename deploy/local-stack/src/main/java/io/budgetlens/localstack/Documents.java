package io.budgetlens.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The documents a command was given: files and directories (their visible files, in name order), and their types. */
public final class Documents {

    private Documents() {
    }

    /** Every file named, directories expanded to their visible regular files in name order. */
    public static List<Path> files(List<String> args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new CliException("cannot list " + path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CliException("No such file or directory: " + arg);
            }
        }
        return files;
    }

    /** Content-Type by file extension; any other is left to ingest-service's sniffing. */
    private static final Map<String, String> TYPES = Map.of("md", "text/markdown", "markdown", "text/markdown",
            "html", "text/html", "htm", "text/html", "txt", "text/plain");

    /** The Content-Type a file is sent with. */
    public static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
