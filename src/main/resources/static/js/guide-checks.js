/*
 * Live guide checks for the action page editor (progressive enhancement). While the author types, the form's text
 * is sent to the check API (debounced) and each field's findings and LIX score are rewritten in place, in the
 * aria-live regions the server rendered. Without JavaScript, or when the API cannot be reached, the findings the
 * server rendered stay, and the "Tjek teksten" button does the same job with a page load.
 */
(function () {
  'use strict';

  var DELAY_MS = 400;

  // An error summary (form errors, or checks that stopped publishing) takes focus, so it is read first.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }

  var form = document.querySelector('form.action-page-editor[data-check-url]');
  if (!form || !window.fetch || !window.JSON) {
    return;
  }
  var timer = null;
  var sequence = 0;
  var bands = (form.getAttribute('data-lix-bands') || '').split('|');

  Array.prototype.forEach.call(document.querySelectorAll('.js-only[hidden]'), function (element) {
    element.hidden = false;
  });

  function value(name) {
    var element = form.elements.namedItem(name);
    return element && typeof element.value === 'string' ? element.value : '';
  }

  function orNull(text) {
    return text.trim() === '' ? null : text;
  }

  function instant(local) {
    if (!local) {
      return null;
    }
    var date = new Date(local);
    return isNaN(date.getTime()) ? null : date.toISOString();
  }

  function downtime() {
    var from = instant(value('downtimeFrom'));
    var until = instant(value('downtimeUntil'));
    var message = value('downtimeMessage');
    if (!from || !until || message.trim() === '' || until <= from) {
      return null;
    }
    return {from: from, until: until, message: message};
  }

  function body() {
    return {
      title: value('title'),
      intro: value('intro'),
      beforeYouStart: value('beforeYouStart').split(/\r?\n/).filter(function (line) {
        return line.trim() !== '';
      }),
      startLabel: orNull(value('startLabel')),
      continuesOn: orNull(value('continuesOn')),
      alternatives: orNull(value('alternatives')),
      afterwards: orNull(value('afterwards')),
      moreInformation: orNull(value('moreInformation')),
      rules: orNull(value('rules')),
      fees: orNull(value('fees')),
      deadlines: orNull(value('deadlines')),
      plannedDowntime: downtime(),
      mandatoryWave: form.getAttribute('data-mandatory-wave') === 'true'
    };
  }

  function band(lix) {
    if (lix < 25) { return bands[0]; }
    if (lix < 35) { return bands[1]; }
    if (lix < 45) { return bands[2]; }
    if (lix < 55) { return bands[3]; }
    return bands[4];
  }

  function paragraph(className, text) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }

  /** Rewrites one field's region, only when its content changes (so screen readers hear real news only). */
  function render(region, findings, lix) {
    var signature = JSON.stringify([findings, lix]);
    if (region.getAttribute('data-signature') === signature) {
      return;
    }
    var fragment = document.createDocumentFragment();
    if (findings.length > 0) {
      var list = document.createElement('ul');
      list.className = 'guide-list';
      findings.forEach(function (finding) {
        var error = finding.severity === 'ERROR';
        var item = document.createElement('li');
        item.className = 'guide-finding ' + (error ? 'guide-error' : 'guide-warning');
        var severity = document.createElement('strong');
        severity.className = 'guide-severity';
        severity.textContent = form.getAttribute(error ? 'data-label-error' : 'data-label-warning');
        var message = document.createElement('span');
        message.textContent = finding.message;
        item.appendChild(severity);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(message);
        list.appendChild(item);
      });
      fragment.appendChild(list);
    }
    if (typeof lix === 'number') {
      fragment.appendChild(paragraph('guide-lix', form.getAttribute('data-label-lix') + ' ' + lix + ' – ' + band(lix)));
    }
    while (region.firstChild) {
      region.removeChild(region.firstChild);
    }
    region.appendChild(fragment);
    region.setAttribute('data-signature', signature);
  }

  // LIX is shown only on a field with enough words for it to mean something (GuideView.LIX_MIN_WORDS).
  var lixMinWords = parseInt(form.getAttribute('data-lix-min-words') || '0', 10);

  function words(field) {
    var input = document.getElementById(field === 'plannedDowntime' ? 'downtimeMessage' : field);
    var matches = input && input.value ? input.value.match(/[\p{L}\p{N}]+/gu) : null;
    return matches ? matches.length : 0;
  }

  function show(report) {
    var findings = Array.isArray(report.findings) ? report.findings : [];
    var lix = report.lix || {};
    Array.prototype.forEach.call(form.querySelectorAll('[data-guide-field]'), function (region) {
      var field = region.getAttribute('data-guide-field');
      var shownLix = words(field) >= lixMinWords ? lix[field] : undefined;
      render(region, findings.filter(function (f) { return f.field === field; }), shownLix);
    });
    var counts = document.querySelector('.guide-counts');
    var template = form.getAttribute('data-label-counts');
    if (counts && template) {
      var errors = findings.filter(function (f) { return f.severity === 'ERROR'; }).length;
      counts.textContent = template.replace('{0}', errors).replace('{1}', findings.length - errors);
    }
  }

  function check() {
    var mine = ++sequence;
    fetch(form.getAttribute('data-check-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body())
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('check failed: ' + response.status);
      }
      return response.json();
    }).then(function (report) {
      if (mine === sequence) {
        show(report);
      }
    }).catch(function () {
      // Network or server trouble: the findings already on the page stay; "Tjek teksten" still works.
    });
  }

  form.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DELAY_MS);
  });
}());
