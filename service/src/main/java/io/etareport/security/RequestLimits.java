package io.etareport.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The most a client may send in a request body, checked before anything reads it.
 *
 * @param startBody the JSON body of {@code POST /eta/start}
 * @param formBody  a form, and any other request body
 * @param sessions  the most server sessions kept (per node in memory, or in PostgreSQL's table); past it the
 *                  oldest end first. Only people signing in get one.
 */
@ConfigurationProperties("eta.limits")
public record RequestLimits(
        @DefaultValue("4KB") DataSize startBody,
        @DefaultValue("64KB") DataSize formBody,
        @DefaultValue("2000") int sessions) {
}
