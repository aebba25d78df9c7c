package io.etareport.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class that drives Debian's Chromium: skipped without it outside CI ({@link BrowserTestPolicy}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            BrowserTestPolicy policy = BrowserTestPolicy.here();
            if (policy.verdict() == BrowserTestPolicy.Verdict.RUN) {
                return ConditionEvaluationResult.enabled(policy.browserInstalled()
                        ? "Chromium installed" : "under CI the browser tests must run");
            }
            if (context.getTestMethod().isEmpty()) {
                System.out.println(BrowserTestPolicy.SKIPPED); // once per class, where a developer sees it
            }
            return ConditionEvaluationResult.disabled(BrowserTestPolicy.SKIPPED);
        }
    }
}
