package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSessionEvent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class SessionCapTest {

    @Test
    void pastTheCeilingTheOldestSessionsEndFirst() {
        SessionCap cap = new SessionCap(3);
        List<MockHttpSession> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MockHttpSession session = new MockHttpSession(null, "session-" + i);
            sessions.add(session);
            cap.sessionCreated(new HttpSessionEvent(session));
        }

        assertThat(sessions).extracting(MockHttpSession::isInvalid).containsExactly(true, true, false, false, false);
        assertThat(cap.live()).isEqualTo(3);
    }

    @Test
    void anEndedSessionFreesItsPlace() {
        SessionCap cap = new SessionCap(2);
        MockHttpSession first = new MockHttpSession(null, "first");
        MockHttpSession second = new MockHttpSession(null, "second");
        cap.sessionCreated(new HttpSessionEvent(first));
        cap.sessionCreated(new HttpSessionEvent(second));
        cap.sessionDestroyed(new HttpSessionEvent(first));

        MockHttpSession third = new MockHttpSession(null, "third");
        cap.sessionCreated(new HttpSessionEvent(third));

        assertThat(second.isInvalid()).isFalse();
        assertThat(third.isInvalid()).isFalse();
        assertThat(cap.live()).isEqualTo(2);
    }
}
