package io.etareport.customers;

import java.util.EnumMap;
import java.util.Map;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;

/**
 * A trade customer as the {@code customers} table holds it. The obfuscated id is the key in the
 * customer's private link.
 */
public record Customer(long id, String ddName, String cbrName, String obfuscatedId, FieldType fieldType,
                       String displayName) {

    /** What to fetch from each instance: {@code dd_name} from DD, {@code cbr_name} from CBR. */
    public Map<Instance, CustomerScope> scopes() {
        Map<Instance, CustomerScope> scopes = new EnumMap<>(Instance.class);
        put(scopes, Instance.DD, ddName);
        put(scopes, Instance.CBR, cbrName);
        return scopes;
    }

    private void put(Map<Instance, CustomerScope> scopes, Instance instance, String name) {
        if (name != null && !name.isBlank()) {
            String trimmed = name.trim();
            scopes.put(instance, fieldType == FieldType.CUSTOMER_GROUP
                    ? CustomerScope.group(trimmed) : CustomerScope.customer(trimmed));
        }
    }

    /**
     * The name customers see: {@code display_name}, or else the DD and CBR names combined (one of
     * them when they are the same or the other is empty).
     */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.trim();
        }
        String dd = ddName == null ? "" : ddName.trim();
        String cbr = cbrName == null ? "" : cbrName.trim();
        if (dd.isEmpty()) {
            return cbr;
        }
        if (cbr.isEmpty() || cbr.equalsIgnoreCase(dd)) {
            return dd;
        }
        return dd + " / " + cbr;
    }

    /** The display name a new customer gets when staff leave it empty: the CBR name, else the DD name. */
    public static String defaultDisplayName(String ddName, String cbrName) {
        if (cbrName != null && !cbrName.isBlank()) {
            return cbrName.trim();
        }
        return ddName == null ? "" : ddName.trim();
    }
}
