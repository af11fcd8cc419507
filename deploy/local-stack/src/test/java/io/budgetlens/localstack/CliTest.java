package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's client: file selection, content types, table alignment and its answers when nothing runs. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void directoriesExpandToTheirVisibleFilesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("a.md"), "a");
        Files.writeString(dir.resolve(".hidden"), "h");
        assertThat(Cli.files(List.of(dir.toString()))).extracting(p -> p.getFileName().toString())
                .containsExactly("a.md", "b.txt");
        assertThatThrownBy(() -> Cli.files(List.of(dir.resolve("missing.txt").toString())))
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void contentTypeFollowsTheExtensionAndUnknownIsLeftToSniffing() {
        assertThat(Cli.contentType(Path.of("x.md"))).isEqualTo("text/markdown");
        assertThat(Cli.contentType(Path.of("x.HTML"))).isEqualTo("text/html");
        assertThat(Cli.contentType(Path.of("x.txt"))).isEqualTo("text/plain");
        assertThat(Cli.contentType(Path.of("x.pdf"))).isEqualTo("application/octet-stream");
    }

    @Test
    void chineseTakesTwoColumnsSoTablesLineUp() {
        assertThat(Cli.displayWidth("巴南区")).isEqualTo(6);
        assertThat(Cli.displayWidth("banan")).isEqualTo(5);
        assertThat(Cli.displayWidth("（一）")).isEqualTo(6);
    }

    @Test
    void aStoppedStackGivesAClearMessageAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("d.txt"), "2024年部门预算");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = new Cli("http://localhost:1", "http://localhost:1", Duration.ofSeconds(1), new PrintStream(out));
        assertThat(cli.run(List.of("check", file.toString()))).isEqualTo(Cli.EXIT_USAGE);
        assertThat(cli.run(List.of("nonsense"))).isEqualTo(Cli.EXIT_USAGE);
        assertThat(cli.run(List.of())).isEqualTo(Cli.EXIT_USAGE);
    }
}
