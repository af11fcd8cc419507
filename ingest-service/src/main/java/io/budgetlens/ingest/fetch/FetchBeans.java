package io.budgetlens.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The production {@link Resolver} (the system's DNS) and {@link Connector} (JDK sockets); tests replace them. */
@ApplicationScoped
public class FetchBeans {

    @Produces
    @Singleton
    @DefaultBean
    Resolver resolver() {
        return Resolver.system();
    }

    @Produces
    @Singleton
    @DefaultBean
    Connector connector() {
        return new HttpConnector();
    }
}
