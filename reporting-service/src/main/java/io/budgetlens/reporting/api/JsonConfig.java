package io.budgetlens.reporting.api;

import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.budgetlens.events.Decimals;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * API JSON as in the event contract: amounts as decimal strings ("1137.10", never a binary floating-point number a
 * client could round), dates as ISO-8601 strings.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("budgetlens-decimals")
                .addSerializer(BigDecimal.class, new Decimals.PlainString()));
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
