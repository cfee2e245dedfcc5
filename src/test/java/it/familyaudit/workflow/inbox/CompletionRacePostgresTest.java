package it.familyaudit.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.PostgresAvailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many completions of one task at once, on PostgreSQL, where a failed statement poisons its whole transaction:
 * one wins, every other one is told 409, and nobody gets a server error.
 */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class CompletionRacePostgresTest extends ApiTestBase {

    private static final int ROUNDS = 50;
    private static final int AT_ONCE = 20;

    private final ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void twentyCompletionsOfOneTaskAtOnceFiftyTimesGiveOneWinnerAndNineteen409sEachTime() throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            driver.start();
            String task = driver.taskId(driver.referent, "SubmitApplicationTask");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return driver.call(driver.referent, "POST", "/api/tasks/" + task + "/completion",
                            ApiDriver.application(120)).getResponse().getStatus();
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(status, 1, Integer::sum);
                winners += status == 200 ? 1 : 0;
            }
            assertThat(winners).as("round %d: %s", round, statuses).isEqualTo(1);
            // Each round in an organisation of its own: one cycle at a time per organisation.
            driver = new ApiDriver(mvc, json, identity, organizations, management);
        }
        assertThat(statuses).containsOnlyKeys(200, 409);
        assertThat(statuses.get(409)).isEqualTo(ROUNDS * (AT_ONCE - 1));
    }
}
