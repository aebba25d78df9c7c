package io.etareport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import io.etareport.db.TestPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Runs a {@link ServiceTest} on PostgreSQL instead of SQLite: each context gets a new database on the shared
 * embedded server ({@link TestPostgres}). The usual way to run a test on both engines is a subclass of the
 * SQLite test carrying this annotation and nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OnPostgres {

    /**
     * Staff sessions in the database, as in production. Off for MockMvc tests: MockMvc commits a page after 4 KB,
     * and Spring Session (like a real server) refuses to create a session then, which a test that signs in without
     * a session (with(authentication)) would need for the page's CSRF token. Real sign-ins test it over HTTP.
     */
    boolean sharedSessions() default false;

    /** Registered in META-INF/spring.factories: sets {@code DATABASE_URL} for classes with the annotation. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            OnPostgres onPostgres = TestContextAnnotationUtils.findMergedAnnotation(testClass, OnPostgres.class);
            return onPostgres == null ? null : new Customizer(onPostgres.sharedSessions());
        }
    }

    /** Equal to every other with the same setting, so PostgreSQL test classes with the same settings share a context, as SQLite ones do. */
    record Customizer(boolean sharedSessions) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("Test PostgreSQL", Map.of(
                    "eta.database.url", TestPostgres.newDatabase(),
                    "eta.database.username", "postgres",
                    "eta.database.shared-sessions", String.valueOf(sharedSessions))));
        }
    }
}
