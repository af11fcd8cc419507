package io.budgetlens.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** RestAssured requests sent with a bearer token of {@link TestTokens}: {@code asSubmitter().post(…)}. */
public final class AsCaller {

    private AsCaller() {
    }

    public static RequestSpecification asSubmitter() {
        return with(TestTokens.submitter());
    }

    /** A submitter with another subject (another owner of drafts). */
    public static RequestSpecification asSubmitter(String subject) {
        return with(TestTokens.submitter(subject));
    }

    public static RequestSpecification asAdmin() {
        return with(TestTokens.admin());
    }

    public static RequestSpecification asReader() {
        return with(TestTokens.reader());
    }

    public static RequestSpecification with(String token) {
        return given().auth().oauth2(token);
    }
}
