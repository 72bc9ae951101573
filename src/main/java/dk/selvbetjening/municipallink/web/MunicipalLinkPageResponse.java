package dk.selvbetjening.municipallink.web;

import java.util.List;

/** One page of the completeness matrix's cells. {@code page} counts from 0. */
record MunicipalLinkPageResponse(List<MunicipalLinkResponse> items, int page, int size, long totalItems) {
}
