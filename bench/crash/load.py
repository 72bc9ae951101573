#!/usr/bin/env python3
"""Submits connection requests from concurrent clients and kills the application with SIGKILL mid-load.

Usage: load.py BASE_URL APP_PID CLIENTS SECONDS ACKNOWLEDGED_FILE [AFTER_SECONDS]

Each client keeps one HTTP connection and POSTs valid requests to /api/v1/connection-requests, one after the
other. After SECONDS of load the application (APP_PID) gets SIGKILL while every client is still submitting.
The clients send nothing new from the kill on, and each stops at its first failure; a reply to a request in
flight that arrives after the kill still counts, since the application sent it before dying. Every reference answered with
201 goes to ACKNOWLEDGED_FILE, one a line. One line of totals goes to stdout:
    acknowledged=N other_status=N errors_before_kill=N seconds=S

With AFTER_SECONDS (a cluster behind a load balancer, APP_PID one of its nodes) the clients go on for AFTER_SECONDS
after the kill, as clients of a cluster do. Every request carries its own Idempotency-Key; a request that got no
answer or a 502/503/504 is sent again, same key and body, up to RETRIES times, and is given up after that
("unanswered": it may or may not be stored). ACKNOWLEDGED_FILE then has one line per request,
"REFERENCE<TAB>KEY" for 201 and "-<TAB>KEY" for one given up; the totals line adds
    failures_after_kill=N answered_on_retry=N unanswered=N
"""
import http.client
import json
import os
import signal
import sys
import threading
import time
from urllib.parse import urlsplit


def body(client, n):
    return json.dumps({
        "kind": "NEW",
        "title": f"Søg om tilskud {client}-{n}",
        "url": f"https://www.crash-test.dk/klient-{client}/ansoegning-{n}",
        "shortDescription": "Søg om tilskud til noget.",
        "supplierName": "Leverandør A/S",
        "supplierEmail": "support@leverandoer.dk",
        "topics": ["familie-og-boern"],
        "plannedGoLive": "2099-01-01",
        "actionPage": {"title": "Søg om tilskud", "intro": "Her kan du søge.", "beforeYouStart": ["MitID."]},
    }).encode("utf-8")


RETRIES = 5
UNANSWERED = (502, 503, 504)  # the load balancer's answers when no node gave one


def main():
    base, pid, clients, seconds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    after = float(sys.argv[6]) if len(sys.argv) > 6 else None
    target = urlsplit(base)
    killed = threading.Event()
    stop = threading.Event()
    lock = threading.Lock()
    acknowledged = []
    counts = {"other_status": 0, "errors_before_kill": 0, "failures_after_kill": 0, "answered_on_retry": 0,
              "unanswered": 0}
    statuses = {}

    def failure(fatal_after_kill):
        """Counts a request without an answer; True when the client is to stop."""
        with lock:
            if killed.is_set():
                counts["failures_after_kill"] += 1
            else:
                counts["errors_before_kill"] += 1
        return killed.is_set() and fatal_after_kill

    def client(number):
        connection = None
        n = 0
        while not (stop if after is not None else killed).is_set():
            n += 1
            key = f"crash-{number}-{n}"
            headers = {"Content-Type": "application/json", "Accept": "application/json"}
            if after is not None:
                headers["Idempotency-Key"] = key
            for attempt in range(RETRIES + 1 if after is not None else 1):
                try:
                    if connection is None:
                        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                    connection.request("POST", "/api/v1/connection-requests", body=body(number, n), headers=headers)
                    response = connection.getresponse()
                    payload = response.read()
                except (OSError, http.client.HTTPException):
                    if connection is not None:
                        connection.close()
                        connection = None
                    if failure(after is None):
                        return
                    time.sleep(0.1)
                    continue
                if after is not None and response.status in UNANSWERED:
                    failure(False)
                    time.sleep(0.1)
                    continue
                with lock:
                    if response.status == 201:
                        reference = json.loads(payload)["reference"]
                        acknowledged.append(reference if after is None else f"{reference}\t{key}")
                        if attempt > 0:
                            counts["answered_on_retry"] += 1
                    else:
                        counts["other_status"] += 1
                        statuses[response.status] = statuses.get(response.status, 0) + 1
                break
            else:
                if after is None:
                    continue
                with lock:
                    counts["unanswered"] += 1
                    acknowledged.append(f"-\t{key}")

    threads = [threading.Thread(target=client, args=(i + 1,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    killed.set()  # first, so that an error caused by the kill is not counted as one before it
    os.kill(pid, signal.SIGKILL)
    if after is not None:
        time.sleep(after)
        stop.set()
    elapsed = time.monotonic() - started
    for thread in threads:
        thread.join(60)
    with lock:
        with open(out, "w", encoding="utf-8") as file:
            file.writelines(reference + "\n" for reference in acknowledged)
        answered = sum(1 for line in acknowledged if not line.startswith("-"))
        print(f"acknowledged={answered} other_status={counts['other_status']} "
              f"errors_before_kill={counts['errors_before_kill']} seconds={elapsed:.1f}"
              + ("" if after is None else f" failures_after_kill={counts['failures_after_kill']} "
                 f"answered_on_retry={counts['answered_on_retry']} unanswered={counts['unanswered']}"))
        if statuses:
            print("statuses other than 201: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
