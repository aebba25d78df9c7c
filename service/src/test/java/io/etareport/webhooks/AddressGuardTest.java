package io.etareport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only https to public addresses, judged by every DNS answer, unless private addresses are allowed. */
class AddressGuardTest {

    /** A DNS zone for the test: names and their answers, written as literals (no lookup happens). */
    private static final Map<String, String[]> ZONE = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "sneaky.example.com", new String[] {"93.184.216.34", "10.1.2.3"},
            "rebound.example.com", new String[] {"127.0.0.1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answers = ZONE.get(host);
        if (answers == null) {
            // A literal address resolves to itself without DNS; any other name is unknown here.
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
    }

    private final AddressGuard guard = new AddressGuard(false, AddressGuardTest::resolve);

    @Test
    void anHttpsAddressWhoseEveryAnswerIsPublicIsAllowed() throws Exception {
        assertThat(guard.check("https://hooks.example.com/eta?token=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(guard.check("https://93.184.216.34/hook")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://10.0.0.8/", "https://172.16.4.4/", "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://0.0.0.0/",
            "https://224.0.0.1/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[ff02::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
            "https://sneaky.example.com/", "https://rebound.example.com/"})
    void anAddressOnAPrivateNetworkIsRefused(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(AddressGuard.Refused.class)
                .hasMessageContaining("private network");
    }

    @Test
    void onlyHttpsAndAddressesWithoutCredentialsOrUnknownHosts() {
        assertThatThrownBy(() -> guard.check("http://hooks.example.com/")).hasMessageContaining("https://");
        assertThatThrownBy(() -> guard.check("ftp://hooks.example.com/")).hasMessageContaining("https://");
        assertThatThrownBy(() -> guard.check("https://user:pw@hooks.example.com/"))
                .hasMessageContaining("user name or password");
        assertThatThrownBy(() -> guard.check("https://nowhere.example.com/")).hasMessageContaining("not be found");
        assertThatThrownBy(() -> guard.check("not a url at all")).isInstanceOf(AddressGuard.Refused.class);
    }

    @Test
    void withPrivateAddressesAllowedHttpAndLoopbackPass() throws Exception {
        AddressGuard intranet = new AddressGuard(true, AddressGuardTest::resolve);
        assertThat(intranet.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThat(intranet.check("https://rebound.example.com/")).isNotNull();
    }
}
