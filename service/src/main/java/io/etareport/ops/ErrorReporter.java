package io.etareport.ops;

import java.util.Map;

import io.sentry.Sentry;
import org.springframework.stereotype.Component;

/** Reports failures that no request sees, such as a report job's, to Sentry; does nothing when Sentry is off. */
@Component
public class ErrorReporter {

    /**
     * Sends a test event, so an admin can check that errors reach Sentry; answers whether one was sent
     * (false when Sentry is off).
     */
    public boolean sendTestEvent() {
        if (!Sentry.isEnabled()) {
            return false;
        }
        Sentry.captureMessage("Test event from eta-report, asked for by an admin", scope ->
                scope.setTag("test_event", "true"));
        return true;
    }

    /** A report job failed: sent with the job and the customer, so it can be traced to both. */
    public void jobFailed(String jobId, long customerId, Throwable error) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Sentry.captureException(error, scope -> {
            scope.setTag("job_id", jobId);
            scope.setTag("customer_id", String.valueOf(customerId));
            scope.setContexts("job", Map.of("job_id", jobId, "customer_id", customerId));
        });
    }
}
