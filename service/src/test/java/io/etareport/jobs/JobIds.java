package io.etareport.jobs;

/** Reads the job id a loading page names, for tests that follow a job. */
public final class JobIds {

    private JobIds() {
    }

    public static String of(String loadingPage) {
        return CustomerReportTest.jobId(loadingPage);
    }
}
