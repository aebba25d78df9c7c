package io.etareport.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keep how long audit entries are kept; older ones go with {@code purge-jobs --confirm}
 */
@ConfigurationProperties("eta.audit")
record AuditProperties(@DefaultValue("730d") Duration keep) {
}
