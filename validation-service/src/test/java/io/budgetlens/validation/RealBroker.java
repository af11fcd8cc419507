package io.budgetlens.validation;

import io.budgetlens.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs on the real embedded KRaft broker of test-support. Quarkus starts a
 * test resource for the whole module when {@code restrictToAnnotatedClass} is false, whichever class declares it, so
 * it is declared once, here, instead of on each test.
 */
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
public final class RealBroker {

    private RealBroker() {
    }
}
