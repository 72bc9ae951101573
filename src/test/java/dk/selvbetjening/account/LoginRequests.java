package dk.selvbetjening.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Logins as a client at a given address sends them, one at a time or many at once. */
final class LoginRequests {

    private LoginRequests() {
    }

    /** The request comes from {@code address}. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A read of the API with HTTP Basic: 200 when the login is accepted, else the refusal. */
    static MvcTestResult api(MockMvcTester mvc, String authorization, String address) {
        return mvc.get().uri("/api/v1/topics").header("Authorization", authorization).with(from(address)).exchange();
    }

    /** Sends every request at once, each from its own thread; an exception escaping the application counts as 500. */
    static List<Integer> inParallel(List<Supplier<MvcTestResult>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Supplier<MvcTestResult> request : requests) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    try {
                        MvcTestResult result = request.get();
                        return result.getUnresolvedException() != null ? 500 : result.getResponse().getStatus();
                    } catch (RuntimeException e) {
                        return 500;
                    }
                }));
            }
            start.countDown();
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                result.add(status.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} wrong passwords for {@code email} on the API, spread over {@code addresses} addresses. */
    static List<Supplier<MvcTestResult>> wrongPasswords(MockMvcTester mvc, String email, int count,
            String addressPrefix, int addresses) {
        List<Supplier<MvcTestResult>> guesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String guess = basic(email, "forkert-" + i);
            String address = addressPrefix + (i % addresses);
            guesses.add(() -> api(mvc, guess, address));
        }
        return guesses;
    }
}
