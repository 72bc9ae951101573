/*
 * Progressive enhancement for forms, with the design system's own components (DKFDS, dkfds.min.js loaded before
 * this file): the error summary takes focus when the page loads, so it is read first, and its links move focus to
 * the field with its label in view; a radio button with data-controls reveals its content only while it is chosen
 * (conditional reveal). Without JavaScript the summary's links still lead to the fields (CSS scroll-margin-top keeps
 * the label in view) and revealed content is simply always shown.
 */
(function () {
  'use strict';

  if (!window.DKFDS) {
    return;
  }

  var groups = document.querySelectorAll('.js-radio-toggle-group');
  for (var i = 0; i < groups.length; i++) {
    new window.DKFDS.RadioToggleGroup(groups[i]).init();
  }

  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary) {
    new window.DKFDS.ErrorSummary(summary).init();
  }
}());
