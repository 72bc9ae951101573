#!/usr/bin/env python3
"""An editor who saves an action page every INTERVAL seconds through the real web form (bench/scale/run.sh).

Logs in with the form login (CSRF token, password; the bench turns the editor passkey requirement off), then SAVES
times: opens the action page editor of SLUG, puts a marker "(rettet N)" at the end of the intro's last sentence and posts the form to
"gem-og-udgiv" (save as a new revision and publish), as the sticky bar's "Udgiv" button does. After the answer (the
commit is done: the catalogue's after-commit listener ran before it), it polls the citizen page
/handlingsside/SLUG?kommunekode=CODE until the marker is on it. Prints one line per save: the post's round trip
and the time from the post's answer to the sentence on the citizen page (ms), tab-separated.

Usage: editor.py BASE_URL EMAIL PASSWORD SLUG CODE SAVES INTERVAL
"""
import html.parser
import re
import http.cookiejar
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, email, password, slug, code, saves, interval = sys.argv[1:8]
saves, interval = int(saves), float(interval)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


cookies = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), NoRedirect())


def request(path, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(base + path, data=body), timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace"), response.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), e.headers


class FormFields(html.parser.HTMLParser):
    """The named inputs and textareas of the first form whose action ends with ACTION."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.done, self.fields, self.textarea = action, False, False, {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("action") or "").endswith(self.action):
            self.inside = True
        elif self.inside and tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields[a["name"]] = a.get("value") or ""
        elif self.inside and tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form(path, action):
    status, page, _ = request(path)
    if status != 200:
        sys.exit(f"GET {path} answered {status}")
    parser = FormFields(action)
    parser.feed(page)
    if not parser.fields:
        sys.exit(f"no form posting to {action} on {path}")
    return parser.fields


login = form("/redaktion/log-ind", "/redaktion/log-ind")
login.update(email=email, password=password)
status, _, headers = request("/redaktion/log-ind", login)
if status != 302 or "error" in (headers.get("Location") or ""):
    sys.exit(f"login answered {status} {headers.get('Location')}")

editor = f"/redaktion/selvbetjeninger/{slug}/handlingsside"
citizen = f"/handlingsside/{slug}?kommunekode={code}"
started = time.monotonic()
for i in range(saves):
    fields = form(editor, "/gem")
    intro = re.sub(r" \(rettet \d+\)", "", fields["intro"]).rstrip()
    marker = f"(rettet {time.time_ns()})"
    fields["intro"] = f"{intro[:-1]} {marker}." if intro.endswith(".") else f"{intro} {marker}"
    posted = time.monotonic()
    status, body, _ = request(editor + "/gem-og-udgiv", fields)
    answered = time.monotonic()
    if status != 303:
        sys.exit(f"save {i} answered {status}: " + " ".join(re.findall(r"class=\"alert[^\"]*\"[^>]*>(.*?)</", body, re.S))[:500])
    while True:
        status, page, _ = request(citizen)
        if status == 200 and marker in page:
            break
        if time.monotonic() - answered > 30:
            sys.exit(f"save {i}: the new text was not on {citizen} within 30 s")
    visible = time.monotonic()
    print(f"{(answered - posted) * 1000:.1f}\t{(visible - answered) * 1000:.1f}", flush=True)
    next_at = started + (i + 1) * interval
    time.sleep(max(0.0, next_at - time.monotonic()))
