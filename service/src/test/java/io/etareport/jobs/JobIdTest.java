package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class JobIdTest {

    @Test
    void aLowercaseUuidIsAJobId() {
        String id = UUID.randomUUID().toString();

        assertThat(JobId.parse(id)).map(JobId::value).contains(id);
    }

    @Test
    void anythingElseNamesNoJob() {
        assertThat(JobId.parse(null)).isEmpty();
        assertThat(JobId.parse("")).isEmpty();
        assertThat(JobId.parse(UUID.randomUUID().toString().toUpperCase())).isEmpty();
        assertThat(JobId.parse("00000000-0000-0000-0000-000000000000x")).isEmpty();
        assertThat(JobId.parse("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> new JobId("1 OR 1=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
