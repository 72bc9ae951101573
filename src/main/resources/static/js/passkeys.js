/*
 * Passkeys (WebAuthn) in the backoffice, ADR 0027: the ceremonies between the browser's authenticator and Spring
 * Security's endpoints. On the login page, the "Log ind med adgangsnøgle" button (#passkey-login); on the passkey
 * page, the form that registers one (#passkey-register). Both are hidden in the HTML and shown here, where a notice
 * that says a passkey needs JavaScript is hidden instead; a browser without WebAuthn is told so. Every text comes
 * from the page (data attributes, in Danish); requests carry the page's CSRF token in its header.
 */
(function () {
  'use strict';

  function decode(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** A list of credential descriptors from the server, with their ids as the bytes the browser wants. */
  function decodeIds(credentials) {
    return (credentials || []).map(function (credential) {
      return Object.assign({}, credential, {id: decode(credential.id)});
    });
  }

  function post(element, path, body) {
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (element.dataset.csrfHeader && element.dataset.csrfToken) {
      headers[element.dataset.csrfHeader] = element.dataset.csrfToken;
    }
    var base = (element.dataset.context || '/').replace(/\/$/, '');
    return fetch(base + path, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + ' from ' + path);
      }
      return response.json();
    });
  }

  function showError(box, text) {
    box.querySelector('.alert-text').textContent = text;
    box.hidden = false;
    box.setAttribute('tabindex', '-1');
    box.focus();
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
  }

  function login(button) {
    var error = document.getElementById('passkey-login-error');
    button.disabled = true;
    error.hidden = true;
    post(button, '/webauthn/authenticate/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = decodeIds(options.allowCredentials);
      return navigator.credentials.get({publicKey: options});
    }).then(function (credential) {
      var response = credential.response;
      return post(button, '/login/webauthn', {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (answer) {
      if (!answer || !answer.authenticated || !answer.redirectUrl) {
        throw new Error('Not logged in');
      }
      window.location.href = answer.redirectUrl;
    }).catch(function (problem) {
      button.disabled = false;
      showError(error, error.dataset.failed);
      if (window.console) {
        window.console.error(problem);
      }
    });
  }

  function labelError(form, field, text) {
    var group = field.closest('.form-group');
    var message = document.getElementById(field.id + '-error');
    if (!text) {
      group.classList.remove('form-error');
      if (message) {
        message.remove();
      }
      field.setAttribute('aria-describedby', field.id + '-hint');
      return;
    }
    if (!message) {
      message = document.createElement('span');
      message.className = 'form-error-message';
      message.id = field.id + '-error';
      field.parentNode.insertBefore(message, field);
    }
    message.textContent = text;
    group.classList.add('form-error');
    field.setAttribute('aria-describedby', field.id + '-hint ' + message.id);
    field.focus();
  }

  function register(form) {
    var field = form.querySelector('#passkeyLabel');
    var error = document.getElementById('passkey-register-error');
    var status = document.getElementById('passkey-register-status');
    var button = form.querySelector('button[type=submit]');
    var label = field.value.trim();
    error.hidden = true;
    if (!label) {
      labelError(form, field, form.dataset.labelMissing);
      return;
    }
    labelError(form, field, null);
    button.disabled = true;
    status.textContent = form.dataset.working;
    post(form, '/webauthn/register/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.user = Object.assign({}, options.user, {id: decode(options.user.id)});
      options.excludeCredentials = decodeIds(options.excludeCredentials);
      return navigator.credentials.create({publicKey: options});
    }).then(function (credential) {
      var response = credential.response;
      return post(form, '/webauthn/register', {
        publicKey: {
          credential: {
            id: credential.id,
            rawId: encode(credential.rawId),
            response: {
              attestationObject: encode(response.attestationObject),
              clientDataJSON: encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          },
          label: label
        }
      });
    }).then(function (answer) {
      if (!answer || !answer.success) {
        throw new Error('Not registered');
      }
      window.location.href = form.dataset.done;
    }).catch(function (problem) {
      button.disabled = false;
      status.textContent = '';
      showError(error, error.dataset.failed);
      if (window.console) {
        window.console.error(problem);
      }
    });
  }

  function enhance(control, notice, start) {
    if (!control) {
      return;
    }
    if (!supported()) {
      (notice.querySelector('.alert-text') || notice).textContent = notice.dataset.unsupported;
      return;
    }
    notice.hidden = true;
    control.hidden = false;
    start(control);
  }

  var loginNotice = document.getElementById('passkey-login-notice');
  enhance(document.getElementById('passkey-login'), loginNotice, function (button) {
    button.addEventListener('click', function () {
      login(button);
    });
  });

  var registerNotice = document.getElementById('passkey-register-notice');
  enhance(document.getElementById('passkey-register'), registerNotice, function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      register(form);
    });
  });
}());
