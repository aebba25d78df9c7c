package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;

/** The version staff see in the footer: the build's version and commit, as /actuator/info and --version. */
class StaffPageModelTest {

    @Test
    void theFooterNamesTheVersionAndTheShortCommit() {
        Properties build = new Properties();
        build.setProperty("version", "0.1.0");
        Properties git = new Properties();
        git.setProperty("commit.id", "70ee37f8d98fc01e87aa1358ba05d76ca435a583");

        assertThat(StaffPageModel.version(new BuildProperties(build), new GitProperties(git)))
                .isEqualTo("0.1.0 · 70ee37f");
    }

    @Test
    void aBuildWithoutGitOrBuildInfoSaysWhatItKnows() {
        Properties build = new Properties();
        build.setProperty("version", "0.1.0");

        assertThat(StaffPageModel.version(new BuildProperties(build), null)).isEqualTo("0.1.0");
        assertThat(StaffPageModel.version(null, null)).isEqualTo("development build");
    }
}
