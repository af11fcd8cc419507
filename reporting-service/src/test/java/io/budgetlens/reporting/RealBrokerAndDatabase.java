package io.budgetlens.reporting;

import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs on the real embedded KRaft broker and the real embedded PostgreSQL of
 * test-support. Quarkus starts a test resource for the whole module when {@code restrictToAnnotatedClass} is false,
 * whichever class declares it, so it is declared once, here, instead of on each test.
 */
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class RealBrokerAndDatabase {

    private RealBrokerAndDatabase() {
    }
}
