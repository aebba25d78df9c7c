package io.etareport.cache;

import java.util.Objects;
import java.util.StringJoiner;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;

/**
 * What an upstream result is stored under, e.g. {@code open_orders:DD:customer:<name>}. The
 * subject (a customer or group name, an order number) is the last part; {@link #logName()} leaves
 * it out, because logs never name customers.
 *
 * @param kind     what was fetched: {@code open_orders}, {@code open_orders_by_group},
 *                 {@code statuses}, {@code order}
 * @param instance the instance it came from
 * @param detail   a fixed qualifier between instance and subject, or null
 * @param subject  whose data, or null
 */
record CacheKey(String kind, Instance instance, String detail, String subject) {

    public CacheKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instance, "instance");
    }

    /** {@code open_orders:<inst>:customer:<name>} or {@code open_orders_by_group:<inst>:<group>}. */
    public static CacheKey openOrders(Instance instance, CustomerScope scope) {
        return switch (scope.kind()) {
            case CUSTOMER -> new CacheKey("open_orders", instance, "customer", scope.name());
            case GROUP -> new CacheKey("open_orders_by_group", instance, null, scope.name());
        };
    }

    /** {@code group_members:<inst>:<group>}: who is in a customer group. */
    public static CacheKey groupMembers(Instance instance, String group) {
        return new CacheKey("group_members", instance, null, group);
    }

    /** {@code statuses:<inst>}. */
    public static CacheKey statuses(Instance instance) {
        return new CacheKey("statuses", instance, null, null);
    }

    /** {@code order:<inst>:<entity set>:<refno>}. */
    public static CacheKey order(Instance instance, String entitySet, String refNo) {
        return new CacheKey("order", instance, entitySet, refNo);
    }

    /** The key as stored. */
    public String value() {
        return join(true);
    }

    /** The key without its subject, e.g. {@code open_orders:DD:customer}: safe to log. */
    public String logName() {
        return join(false);
    }

    private String join(boolean withSubject) {
        StringJoiner key = new StringJoiner(":").add(kind).add(instance.name());
        if (detail != null) {
            key.add(detail);
        }
        if (withSubject && subject != null) {
            key.add(subject);
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return logName();
    }
}
