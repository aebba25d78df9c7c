package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;

import org.junit.jupiter.api.Test;

class CustomerTest {

    private static Customer customer(String display, String dd, String cbr) {
        return new Customer(1, dd, cbr, "0123456789abcdef0123456789abcdef", FieldType.CUSTOMER_NAME, display);
    }

    @Test
    void theDisplayNameWinsWhenSet() {
        assertThat(customer("  Acme Blinds ", "ACME PTY LTD", "Acme").name()).isEqualTo("Acme Blinds");
    }

    @Test
    void withoutOneTheFactoryNamesAreJoined() {
        assertThat(customer(" ", "Acme Pty Ltd", " Acme Blinds ").name()).isEqualTo("Acme Pty Ltd / Acme Blinds");
        assertThat(customer(null, "Acme Pty Ltd", "Acme Blinds").name()).isEqualTo("Acme Pty Ltd / Acme Blinds");
    }

    @Test
    void theSameNameAtBothFactoriesIsShownOnce() {
        assertThat(customer("", "Acme Blinds ", " ACME BLINDS").name()).isEqualTo("Acme Blinds");
    }

    @Test
    void oneFactoryNameAloneIsShownAlone() {
        assertThat(customer(null, "Acme", null).name()).isEqualTo("Acme");
        assertThat(customer(null, " ", "Acme").name()).isEqualTo("Acme");
        assertThat(customer(null, null, null).name()).isEmpty();
    }

    @Test
    void aNewCustomerDefaultsToItsCbrNameElseItsDdName() {
        assertThat(Customer.defaultDisplayName("Acme DD", " Acme CBR ")).isEqualTo("Acme CBR");
        assertThat(Customer.defaultDisplayName(" Acme DD ", " ")).isEqualTo("Acme DD");
        assertThat(Customer.defaultDisplayName(null, null)).isEmpty();
    }

    @Test
    void eachNameIsLookedUpOnItsOwnInstanceAsCustomerOrGroup() {
        Customer group = new Customer(1, " North ", "", "0123456789abcdef0123456789abcdef", FieldType.CUSTOMER_GROUP,
                null);

        assertThat(group.scopes()).isEqualTo(Map.of(Instance.DD, CustomerScope.group("North")));
        assertThat(customer(null, "A", "B").scopes())
                .isEqualTo(Map.of(Instance.DD, CustomerScope.customer("A"), Instance.CBR, CustomerScope.customer("B")));
    }
}
