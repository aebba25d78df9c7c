package io.etareport.buz;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The name customers read for a factory ({@code eta.buz.instances.<I>.display-name}, env
 * {@code BUZ_<I>_DISPLAY_NAME}); the instance's code ({@code DD}, {@code CBR}) when none is set, so nothing changes
 * for operators who set nothing.
 */
@Component
public class InstanceNames {

    private final Map<Instance, String> names = new EnumMap<>(Instance.class);

    InstanceNames(BuzProperties properties) {
        for (Instance instance : Instance.values()) {
            String name = properties.settings(instance).displayName();
            if (name != null && !name.isBlank()) {
                names.put(instance, name.strip());
            }
        }
    }

    /** What customers read for this factory. */
    public String of(Instance instance) {
        return names.getOrDefault(instance, instance.name());
    }
}
