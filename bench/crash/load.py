#!/usr/bin/env python3
"""Submits connection requests from concurrent clients and kills the application with SIGKILL mid-load.

Usage: load.py BASE_URL APP_PID CLIENTS SECONDS ACKNOWLEDGED_FILE

Each client keeps one HTTP connection and POSTs valid requests to /api/v1/connection-requests, one after the
other. After SECONDS of load the application (APP_PID) gets SIGKILL while every client is still submitting.
The clients send nothing new from the kill on, and each stops at its first failure; a reply to a request in
flight that arrives after the kill still counts, since the application sent it before dying. Every reference answered with
201 goes to ACKNOWLEDGED_FILE, one a line. One line of totals goes to stdout:
    acknowledged=N other_status=N errors_before_kill=N seconds=S
Standard library only.
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


def main():
    base, pid, clients, seconds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    target = urlsplit(base)
    killed = threading.Event()
    lock = threading.Lock()
    acknowledged = []
    counts = {"other_status": 0, "errors_before_kill": 0}
    statuses = {}

    def client(number):
        connection = None
        n = 0
        while True:
            if killed.is_set():
                return
            n += 1
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                connection.request("POST", "/api/v1/connection-requests", body=body(number, n),
                                   headers={"Content-Type": "application/json", "Accept": "application/json"})
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException):
                if connection is not None:
                    connection.close()
                    connection = None
                if killed.is_set():
                    return
                with lock:
                    counts["errors_before_kill"] += 1
                time.sleep(0.1)
                continue
            with lock:
                if response.status == 201:
                    acknowledged.append(json.loads(payload)["reference"])
                else:
                    counts["other_status"] += 1
                    statuses[response.status] = statuses.get(response.status, 0) + 1

    threads = [threading.Thread(target=client, args=(i + 1,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    killed.set()  # first, so that an error caused by the kill is not counted as one before it
    os.kill(pid, signal.SIGKILL)
    elapsed = time.monotonic() - started
    for thread in threads:
        thread.join(60)
    with lock:
        with open(out, "w", encoding="utf-8") as file:
            file.writelines(reference + "\n" for reference in acknowledged)
        print(f"acknowledged={len(acknowledged)} other_status={counts['other_status']} "
              f"errors_before_kill={counts['errors_before_kill']} seconds={elapsed:.1f}")
        if statuses:
            print("statuses other than 201: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
