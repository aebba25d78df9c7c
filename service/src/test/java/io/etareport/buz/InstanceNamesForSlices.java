package io.etareport.buz;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The factories' names as configured ({@code eta.buz.instances.<I>.display-name}), for another package's web slice:
 * the real {@link InstanceNames} over its bound settings, which are this package's own.
 */
@TestConfiguration
@EnableConfigurationProperties(BuzProperties.class)
@Import(InstanceNames.class)
public class InstanceNamesForSlices {
}
