package io.etareport.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Staff sessions in PostgreSQL when {@code DATABASE_URL} is set, so a sign-in on one node holds on every
 * node behind the load balancer. On SQLite (one node) sessions stay in the servlet container, as before:
 * Boot's own JDBC session configuration is switched off in application.yml for that reason. The tables
 * come with the PostgreSQL migrations; the cookie keeps its name and flags (server.servlet.session.cookie).
 * {@code eta.database.shared-sessions=false} keeps them in each node's memory (one node, or sticky sessions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("!'${eta.database.url:}'.isBlank() and ${eta.database.shared-sessions:true}")
@EnableJdbcHttpSession
class ClusterSessionConfig {

    @Bean
    SessionTableCap sessionTableCap(JdbcClient db, RequestLimits limits) {
        return new SessionTableCap(db, limits.sessions());
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }
}
