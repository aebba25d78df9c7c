package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;

/** The service's thread pools are Spring beans built by Boot's builder: named, stopped with the context, measured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExecutorMetricsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @CsvSource({"reportJobWorkers, report-job-, 32", "buzFetches, buz-fetch-, 2147483647", "buzBatchHelpers, buz-batch-, 4",
            "buzLiveCalls, buz-live-, 2147483647"})
    void eachPoolIsNamedSizedAndMeasured(String bean, String threadPrefix, int maxThreads) {
        ThreadPoolTaskExecutor pool = context.getBean(bean, ThreadPoolTaskExecutor.class);

        assertThat(pool.getThreadNamePrefix()).isEqualTo(threadPrefix);
        assertThat(pool.getMaxPoolSize()).isEqualTo(maxThreads);
        assertThat(meters.get("executor.pool.max").tag("name", bean).gauge().value()).isEqualTo(maxThreads);
    }
}
