package io.budgetlens.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import io.budgetlens.ingest.fetch.PortalServer.Answer;

/**
 * The JDK-socket connector on loopback: TLS to the vetted address with the name as SNI and for the certificate
 * check (a certificate made here with keytool for {@code portal.test}), content codings, and responses that are
 * not HTTP or too large in their headers.
 */
class HttpConnectorTest {

    static final char[] PASSWORD = "changeit".toCharArray();
    static final TargetGuard GUARD = new TargetGuard(new StubResolver(), AllowList.of(List.of("*.portal.test",
            "portal.test")));

    @TempDir
    static Path keys;
    static HttpsServer https;
    static SSLContext client;
    static final List<String> SERVER_NAMES = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void tls() throws Exception {
        Path store = keys.resolve("portal.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "portal", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=portal.test", "-ext", "SAN=dns:portal.test", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("portal", keyStore.getCertificate("portal"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", exchange -> {
            ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            session.getRequestedServerNames().forEach(n -> SERVER_NAMES.add(((SNIHostName) n).getAsciiName()));
            byte[] body = ("host=" + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        https.start();
    }

    @AfterAll
    static void stop() {
        if (https != null) {
            https.stop(0);
        }
    }

    static String body(Connector.Response response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static long deadline() {
        return System.nanoTime() + Duration.ofSeconds(10).toNanos();
    }

    @Test
    void tlsGoesToTheVettedAddressWithTheNameAsSniAndCertificateName() throws IOException {
        SERVER_NAMES.clear();
        VettedTarget target = GUARD.vet("https://portal.test:" + https.getAddress().getPort() + "/disclosure");
        Connector.Response response = new HttpConnector(client.getSocketFactory())
                .open(target, Duration.ofSeconds(2), deadline());
        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("host=portal.test:" + https.getAddress().getPort());
        assertThat(SERVER_NAMES).containsExactly("portal.test");
    }

    @Test
    void aCertificateForAnotherNameOrAnUntrustedOneIsRefused() {
        VettedTarget other = GUARD.vet("https://files.portal.test:" + https.getAddress().getPort() + "/");
        assertThatThrownBy(() -> new HttpConnector(client.getSocketFactory()).open(other, Duration.ofSeconds(2),
                deadline())).isInstanceOf(SSLHandshakeException.class);
        VettedTarget target = GUARD.vet("https://portal.test:" + https.getAddress().getPort() + "/");
        assertThatThrownBy(() -> new HttpConnector().open(target, Duration.ofSeconds(2), deadline()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void gzipBodiesAreDecoded() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("<p>2024年部门预算</p>".getBytes(StandardCharsets.UTF_8));
        }
        try (PortalServer portal = new PortalServer()) {
            portal.answer("/p", Answer.of("text/html", zipped.toByteArray()).withHeader("Content-Encoding", "gzip"));
            Connector.Response response = new HttpConnector().open(GUARD.vet(portal.url("portal.test", "/p")),
                    Duration.ofSeconds(2), deadline());
            assertThat(body(response)).isEqualTo("<p>2024年部门预算</p>");
        }
    }

    /** A raw server answering one connection with the given bytes. */
    static String rawAnswer(byte[] answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                    s.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                    // The client gave up first.
                }
            });
            try {
                Connector.Response response = new HttpConnector().open(
                        GUARD.vet("http://portal.test:" + server.getLocalPort() + "/"), Duration.ofSeconds(2),
                        deadline());
                return body(response);
            } finally {
                served.join();
            }
        }
    }

    @Test
    void whatIsNotHttpOrHasTooManyHeadersIsAnError() throws Exception {
        assertThatThrownBy(() -> rawAnswer("SSH-2.0-OpenSSH_9.2\r\n".getBytes()))
                .hasMessageContaining("not an HTTP/1.x response");
        StringBuilder headers = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 300; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("x".repeat(300)).append("\r\n");
        }
        assertThatThrownBy(() -> rawAnswer(headers.append("\r\n").toString().getBytes()))
                .hasMessageContaining("response headers are larger");
        assertThatThrownBy(() -> rawAnswer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort".getBytes()))
                .hasMessageContaining("before the announced length");
        assertThat(rawAnswer(("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n").getBytes())).isEqualTo("hello world");
        assertThat(rawAnswer("HTTP/1.0 200 OK\r\n\r\nuntil close".getBytes())).isEqualTo("until close");
    }
}
