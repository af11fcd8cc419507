package io.budgetlens.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** A verified token is reused only while it is valid and only for the same string; refused ones are never kept. */
class VerifiedTokenCacheTest {

    private static KeyPair keys;
    private static KeyPair otherKeys;
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private VerifiedTokenCache parser(long keepMillis) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), "issuer");
        return new VerifiedTokenCache(context, keepMillis, now::get);
    }

    private static String token(KeyPair signer, long secondsValid, String role) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("issuer");
        claims.setSubject("someone");
        claims.setStringListClaim("groups", List.of(role));
        long seconds = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(seconds - 5));
        claims.setExpirationTime(NumericDate.fromSeconds(seconds + secondsValid));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsKept() throws Exception {
        VerifiedTokenCache parser = parser(60_000);
        String token = token(keys, 3600, "submitter");
        JsonWebToken first = parser.parse(token);
        assertThat(first.getGroups()).containsExactly("submitter");
        now.addAndGet(59_000);
        assertThat(parser.parse(token)).isSameAs(first);
        now.addAndGet(2_000); // 61 s after the check: verified again
        JsonWebToken again = parser.parse(token);
        assertThat(again).isNotSameAs(first);
        assertThat(again.getSubject()).isEqualTo("someone");
    }

    @Test
    void aTokenIsNotKeptPastItsExpiry() throws Exception {
        VerifiedTokenCache parser = parser(600_000);
        String token = token(keys, 30, "reader");
        JsonWebToken first = parser.parse(token);
        now.addAndGet(29_000);
        assertThat(parser.parse(token)).isSameAs(first);
        now.addAndGet(2_000); // past exp on the cache's clock: not served from the cache
        assertThat(parser.parse(token)).isNotSameAs(first);
    }

    @Test
    void refusedTokensAreNeverKept() throws Exception {
        VerifiedTokenCache parser = parser(60_000);
        String good = token(keys, 3600, "admin");
        parser.parse(good);
        String[] parts = good.split("\\.");
        String otherClaims = token(keys, 3600, "reader").split("\\.")[1];
        String forged = parts[0] + "." + otherClaims + "." + parts[2]; // the admin token's signature on other claims
        for (String refused : new String[] {forged, token(otherKeys, 3600, "admin"), token(keys, -120, "admin"),
                "not.a.jwt"}) {
            assertThatThrownBy(() -> parser.parse(refused)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> parser.parse(refused)).isInstanceOf(ParseException.class);
        }
        assertThat(parser.size()).isEqualTo(1);
    }

    @Test
    void zeroSecondsTurnsTheCacheOff() throws Exception {
        VerifiedTokenCache parser = parser(0);
        String token = token(keys, 3600, "submitter");
        assertThat(parser.parse(token)).isNotSameAs(parser.parse(token));
        assertThat(parser.size()).isZero();
    }
}
