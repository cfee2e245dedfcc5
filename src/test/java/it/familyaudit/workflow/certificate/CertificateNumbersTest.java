package it.familyaudit.workflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificate numbers are gap-free per year, also when the first certificates of a year are issued
 * at the same moment (on 1 January, or by several councils' decisions at once): each issue gets its
 * own number and none fails. On H2 here, on PostgreSQL by a subclass.
 */
class CertificateNumbersTest extends ApiTestBase {

    private static final int AT_ONCE = 4;

    @Autowired
    CertificateRepository certificates;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient db;

    @Test
    void theFirstIssuesOfAYearAtTheSameMomentGetOneNumberEach() throws Exception {
        TransactionTemplate issue = new TransactionTemplate(transactions);
        ExecutorService councils = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int year = 9000; year < 9020; year++) {
                // Each round meets a year with no certificate yet, as on 1 January.
                db.sql("DELETE FROM fa_certificate_counter WHERE counter_year = :year").param("year", year).update();
                int numbered = year;
                CyclicBarrier together = new CyclicBarrier(AT_ONCE);
                List<Future<Integer>> numbers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    numbers.add(councils.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return issue.execute(tx -> certificates.nextNumber(numbered));
                    }));
                }
                List<Integer> got = new ArrayList<>();
                for (Future<Integer> n : numbers) {
                    got.add(n.get(60, TimeUnit.SECONDS));
                }
                assertThat(got).as("numbers of %d", year).containsExactlyInAnyOrder(1, 2, 3, 4);
            }
        } finally {
            councils.shutdownNow();
        }
    }
}
