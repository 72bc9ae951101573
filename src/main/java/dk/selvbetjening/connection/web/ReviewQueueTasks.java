package dk.selvbetjening.connection.web;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.shared.web.BackofficeTasks;
import org.springframework.stereotype.Component;

/** The start page's count of connection requests waiting for an editor: submitted and not yet decided. */
@Component
class ReviewQueueTasks implements BackofficeTasks {

    private final ConnectionReviewService review;
    private final ConnectionPages pages;

    ReviewQueueTasks(ConnectionReviewService review, ConnectionPages pages) {
        this.review = review;
        this.pages = pages;
    }

    @Override
    public List<Task> tasks() {
        return CurrentAccount.current().map(account -> {
            Map<ConnectionRequestStatus, Long> counts = review.counts(account);
            long waiting = ConnectionRequestStatus.waiting(counts);
            return List.of(new Task(10, pages.message("backoffice.home.task.requests", waiting),
                    ConnectionReviewWebController.QUEUE, waiting));
        }).orElse(List.of());
    }
}
