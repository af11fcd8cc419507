package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for the tests, signed with the test-only key pair ({@code budgetlens-test-jwt/}) that every service's
 * {@code %test} profile trusts: issuer {@code budgetlens-test}, audience {@code budgetlens}, the role in
 * {@code groups}. {@link #environment()} gives packaged services (end-to-end tests) the same trust.
 */
public final class TestTokens {

    public static final String ISSUER = "budgetlens-test";
    public static final String AUDIENCE = "budgetlens";
    /** The subject of {@link #submitter()} and {@link #admin()}. */
    public static final String SUBMITTER = "test-submitter";
    public static final String ADMIN = "test-admin";

    private static final String DIR = "budgetlens-test-jwt/";

    private TestTokens() {
    }

    public static String submitter() {
        return token(SUBMITTER, "submitter");
    }

    public static String submitter(String subject) {
        return token(subject, "submitter");
    }

    public static String admin() {
        return token(ADMIN, "admin");
    }

    public static String reader() {
        return token("test-reader", "reader");
    }

    /** A token of {@code subject} with the given roles, valid for an hour. */
    public static String token(String subject, String... roles) {
        return sign(subject, ISSUER, AUDIENCE, 3600, roles);
    }

    /** A token whose claims differ from what the services accept (expired, another issuer…), for refusal tests. */
    public static String sign(String subject, String issuer, String audience, long secondsValid, String... roles) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setStringListClaim("groups", List.of(roles));
            long now = System.currentTimeMillis() / 1000;
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now - 5));
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + secondsValid));
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(privateKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    /** The Authorization header value of a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public key (PEM) the services must trust to accept these tokens. */
    public static String publicKeyPem() {
        return resource("publicKey.pem");
    }

    /** Environment variables that make a packaged service trust these tokens (issuer, audience, public key). */
    public static Map<String, String> environment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", publicKeyPem(), "MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    }

    private static PrivateKey privateKey() {
        String pem = resource("privateKey.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test private key does not read", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
