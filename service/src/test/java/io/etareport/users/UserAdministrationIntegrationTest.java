package io.etareport.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StaffWebTest
class UserAdministrationIntegrationTest {

    @Autowired
    UserAdministration administration;
    @Autowired
    JdbcClient db;

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceCannotLeaveNoActiveAdmin() throws Exception {
        for (int round = 0; round < 20; round++) {
            db.sql("DELETE FROM users").update();
            long first = Staff.add(db, "first@staff.test", "First", "admin", true);
            long second = Staff.add(db, "second@staff.test", "Second", "admin", true);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> outcomes = threads.invokeAll(List.of(deactivate(first, start),
                        deactivate(second, start)).stream().map(task -> (Callable<Boolean>) () -> {
                            start.countDown();
                            return task.call();
                        }).toList());

                long succeeded = 0;
                for (Future<Boolean> outcome : outcomes) {
                    succeeded += outcome.get() ? 1 : 0;
                }
                assertThat(succeeded).isEqualTo(1);
                assertThat(db.sql("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1")
                        .query(Integer.class).single()).isEqualTo(1);
            } finally {
                threads.shutdown();
            }
        }
    }

    private Callable<Boolean> deactivate(long id, CountDownLatch start) {
        return () -> {
            start.await();
            try {
                administration.toggleActive(id);
                return true;
            } catch (UserAdministration.Refused refused) {
                return false;
            }
        };
    }
}
