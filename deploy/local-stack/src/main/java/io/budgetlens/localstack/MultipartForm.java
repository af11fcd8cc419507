package io.budgetlens.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;

/**
 * Files as a {@code multipart/form-data} body the way a browser sends a form (HTML5): one file field per file
 * ({@code file1}, {@code file2}…, since ingest reads every file field and same-named fields could be nested), the file
 * name in UTF-8 as written (a {@code "} or a line break percent-encoded), each file streamed from disk. RESTEasy's
 * own multipart writer writes header bytes as ASCII, so a Chinese file name would arrive as {@code ????}.
 */
final class MultipartForm {

    private final List<Path> files;
    private final String boundary = "budgetlens-" + UUID.randomUUID();

    MultipartForm(List<Path> files) {
        this.files = List.copyOf(files);
    }

    MediaType mediaType() {
        return new MediaType("multipart", "form-data", Map.of("boundary", boundary));
    }

    /** Writes the body; a file that cannot be read (any more) fails the request with an {@link UncheckedIOException}. */
    void writeTo(OutputStream out) throws IOException {
        int n = 0;
        for (Path file : files) {
            n++;
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file" + n + "\"; filename=\""
                    + quoted(file.getFileName().toString()) + "\"\r\n"
                    + "Content-Type: " + Documents.contentType(file) + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                Files.copy(file, out);
            } catch (NoSuchFileException | AccessDeniedException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** A file name inside the quotes of Content-Disposition, escaped as the HTML standard's form encoding does. */
    static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
