package io.etareport.buz;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The name customers read for a factory ({@code eta.buz.instances.<I>.display-name}, env
 * {@code BUZ_<I>_DISPLAY_NAME}); the instance's code ({@code DD}, {@code CBR}) when none is set, so nothing changes
 * for operators who set nothing.
 */
@Component
public class InstanceNames {

    private final Map<Instance, String> names = new EnumMap<>(Instance.class);

    InstanceNames(Settings settings) {
        if (settings.instances() != null) {
            settings.instances().forEach((instance, named) -> {
                if (named != null && named.displayName() != null && !named.displayName().isBlank()) {
                    names.put(instance, named.displayName().strip());
                }
            });
        }
    }

    /** What customers read for this factory. */
    public String of(Instance instance) {
        return names.getOrDefault(instance, instance.name());
    }

    /** Whether an operator named this factory (then downloads name it too). */
    public boolean isSet(Instance instance) {
        return names.containsKey(instance);
    }

    /** The display names under {@code eta.buz.instances}, beside the connection settings {@link BuzProperties} reads. */
    @ConfigurationProperties("eta.buz")
    record Settings(Map<Instance, Named> instances) {

        record Named(String displayName) {
        }
    }
}
