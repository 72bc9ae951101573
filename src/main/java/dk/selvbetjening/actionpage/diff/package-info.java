/**
 * Word-level differences between two revisions of an action page, field by field, as the revision page shows them.
 * Internal to actionpage: reached through {@code ActionPageService.diff}.
 */
package dk.selvbetjening.actionpage.diff;
