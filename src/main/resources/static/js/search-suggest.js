/*
 * Suggestions while typing in a search box (progressive enhancement; the search works without it): the ARIA 1.2
 * combobox pattern with a list box. Down/Up move through the suggestions, Enter opens the chosen one's action page,
 * Escape closes the list; a live region says how many suggestions there are. Reads GET /api/v1/search/suggest?q=.
 */
(function () {
  'use strict';
  var DELAY = 150;

  function setUp(input, index) {
    var form = input.form;
    var wrapper = input.parentNode;
    if (getComputedStyle(wrapper).position === 'static') {
      wrapper.style.position = 'relative';
    }
    var listId = 'search-suggestions-' + index;
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'search-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', (input.labels && input.labels[0] ? input.labels[0].textContent : ''));
    list.hidden = true;
    var status = document.createElement('div');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, n) {
        li.setAttribute('aria-selected', n === i ? 'true' : 'false');
      });
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', list.children[i].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function show(suggestions) {
      items = suggestions;
      list.textContent = '';
      suggestions.forEach(function (s, n) {
        var li = document.createElement('li');
        li.id = listId + '-' + n;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = s.title;
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          window.location.href = s.actionPageUrl;
        });
        list.appendChild(li);
      });
      active = -1;
      if (suggestions.length > 0) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        status.textContent = suggestions.length + ' forslag. Brug pil op og ned for at vælge.';
      } else {
        close();
        status.textContent = '';
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2 || q.length > 200) {
        show([]);
        return;
      }
      var ask = ++latest;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q), {headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (s) { if (ask === latest) { show(s); } })
        .catch(function () { show([]); });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        if (list.hidden && items.length > 0) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        if (items.length > 0) {
          choose((active + 1) % items.length);
          e.preventDefault();
        }
      } else if (e.key === 'ArrowUp') {
        if (items.length > 0 && !list.hidden) {
          choose(active <= 0 ? items.length - 1 : active - 1);
          e.preventDefault();
        }
      } else if (e.key === 'Enter') {
        if (!list.hidden && active >= 0) {
          e.preventDefault();
          window.location.href = items[active].actionPageUrl;
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) {
          e.preventDefault();
          close();
        }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
    if (form) {
      form.addEventListener('submit', close);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest]'), setUp);
}());
