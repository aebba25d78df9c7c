package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;

import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void keysAreTheDescriptiveOnesOfTheSpec() {
        assertThat(CacheKey.openOrders(Instance.DD, CustomerScope.customer("O'Malley Blinds")).value())
                .isEqualTo("open_orders:DD:customer:O'Malley Blinds");
        assertThat(CacheKey.openOrders(Instance.CBR, CustomerScope.group("Retail: North")).value())
                .isEqualTo("open_orders_by_group:CBR:Retail: North");
        assertThat(CacheKey.statuses(Instance.CBR).value()).isEqualTo("statuses:CBR");
        assertThat(CacheKey.order(Instance.DD, "WorkInProgress", "12345").value())
                .isEqualTo("order:DD:WorkInProgress:12345");
    }

    @Test
    void theLogNameLeavesOutWhoseDataItIs() {
        CacheKey customer = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Acme"));
        CacheKey group = CacheKey.openOrders(Instance.CBR, CustomerScope.group("Acme Group"));

        assertThat(customer.logName()).isEqualTo("open_orders:DD:customer");
        assertThat(group.logName()).isEqualTo("open_orders_by_group:CBR");
        assertThat(CacheKey.order(Instance.DD, "JobsScheduleDetailed", "12345").logName())
                .isEqualTo("order:DD:JobsScheduleDetailed");
        assertThat(customer).hasToString("open_orders:DD:customer");
        assertThat(group.toString()).doesNotContain("Acme");
    }
}
