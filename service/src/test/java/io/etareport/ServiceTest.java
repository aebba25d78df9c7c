package io.etareport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole service (MockMvc, its own database) against the shared Buz simulator over real HTTP, with a
 * {@link io.etareport.cache.MutableClock} that follows real time until a test sets it. Tests that change the
 * simulator's faults or set the clock put them back when they finish ({@link SimulatedBuzService}).
 * {@link #properties()} adds settings for one class; classes with the same settings share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@ContextCustomizerFactories(SimulatedBuzService.PropertiesFactory.class)
public @interface ServiceTest {

    /** Extra settings ({@code key=value}) for this test class, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
