package dk.selvbetjening.portal.web;

import java.util.List;

/** One page of self-services. {@code page} counts from 0. */
record ServicePageResponse(List<ServiceSummaryResponse> items, int page, int size, long totalItems) {
}
