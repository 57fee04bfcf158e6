#!/usr/bin/env python3
"""An oracle for the insights of the fake GitHub's "constellation" organization.

It asks the API as any client would (standard library only) and computes, independently of
Hubshelf's code, what Hubshelf's insights must show for it:

- new contributors per month: every page of /orgs/constellation/repos, forks left out; each
  repository's /stats/contributors (all are asked once, then those that answered 202 again after a
  short sleep, up to 5 times; one still computing after that is skipped and named; a 204 has no
  contributors). A contributor (a login, compared case-insensitively; a null author is nobody)
  joins in the month, in UTC, of the start `w` of the earliest week with c > 0. The months run
  from the first month anyone joined to the last month with any week with c > 0 (null authors
  included), zero months too; each has new_contributors and total_contributors, the running total.
- the same months with forks included (constellation-contributors-with-forks.csv).
- languages over the non-fork repositories (the still-computing one included: its languages are
  ready): language, bytes (sum), share (bytes / all bytes, 4 decimals), repositories (how many have
  the language), by bytes descending, then language ascending.

Usage:
  insights_oracle.py http://127.0.0.1:PORT [--output-dir DIR]
  insights_oracle.py --fakegithub build/tests/fakegithub/fakegithub [--output-dir DIR]
The files go to tests/cli/golden/insights unless --output-dir says otherwise.
"""

import argparse
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

ORGANIZATION = "constellation"
TOKEN = "ghp_fakeOctocatPrimary00000000000000000000"
RETRIES = 5
RETRY_SLEEP_SECONDS = 0.5
DEFAULT_OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "golden", "insights")


def get(url):
    """Returns (status, headers, body) of a GET; error statuses are answers too."""
    request = urllib.request.Request(url, headers={
        "Accept": "application/vnd.github+json",
        "User-Agent": "hubshelf-insights-oracle",  # not curl: the fake would pretty-print
        "Authorization": "token " + TOKEN,
    })
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def next_link(headers):
    for part in (headers.get("Link") or "").split(","):
        match = re.match(r'\s*<([^>]*)>\s*;\s*rel="next"', part)
        if match:
            return match.group(1)
    return None


def list_repositories(api):
    repositories = []
    url = f"{api}/orgs/{ORGANIZATION}/repos?per_page=100"
    while url:
        status, headers, body = get(url)
        if status != 200:
            sys.exit(f"{url}: HTTP {status}")
        repositories.extend(json.loads(body))
        url = next_link(headers)
    return repositories


def contributor_statistics(api, full_names):
    """The contributor entries of each repository, and the repositories still computing them.

    GitHub starts computing on the first request and answers 202 until it is done, so every
    repository is asked once before the sleeps, not one after the other."""
    statistics = {}
    pending = list(full_names)
    for attempt in range(1 + RETRIES):
        if attempt > 0:
            time.sleep(RETRY_SLEEP_SECONDS)
        computing = []
        for full_name in pending:
            url = f"{api}/repos/{full_name}/stats/contributors"
            status, _, body = get(url)
            if status == 200:
                statistics[full_name] = json.loads(body)
            elif status == 204:
                statistics[full_name] = []
            elif status == 202:
                computing.append(full_name)
            else:
                sys.exit(f"{url}: HTTP {status}")
        pending = computing
        if not pending:
            break
    return statistics, pending


def month_of(week_start):
    return datetime.datetime.fromtimestamp(week_start, datetime.timezone.utc).strftime("%Y-%m")


def months_between(first, last):
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def new_contributors(statistics_by_repository):
    """Rows of month, new_contributors, total_contributors, and the number of contributors."""
    first_week = {}  # lower-case login -> earliest week with commits
    last_week = None
    for entries in statistics_by_repository:
        for entry in entries:
            active = [week["w"] for week in entry["weeks"] if week["c"] > 0]
            if not active:
                continue
            last_week = max(active) if last_week is None else max(last_week, max(active))
            if entry["author"] is None:
                continue
            login = entry["author"]["login"].lower()
            first_week[login] = min(first_week.get(login, min(active)), min(active))
    if not first_week:
        return [], 0
    joined = {}
    for week in first_week.values():
        joined[month_of(week)] = joined.get(month_of(week), 0) + 1
    rows = []
    total = 0
    for month in months_between(min(joined), month_of(last_week)):
        total += joined.get(month, 0)
        rows.append({"month": month, "new_contributors": joined.get(month, 0), "total_contributors": total})
    return rows, len(first_week)


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\r\n")  # RFC 4180, as Hubshelf writes CSV
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[key] for key in header])


def start_fakegithub(binary):
    process = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    port = int(process.stdout.readline().strip())
    return process, f"http://127.0.0.1:{port}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("api", nargs="?", help="the fake's API URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--fakegithub", help="start this fakegithub binary and ask it")
    parser.add_argument("--output-dir", default=DEFAULT_OUTPUT)
    arguments = parser.parse_args()
    if bool(arguments.api) == bool(arguments.fakegithub):
        parser.error("give either the API URL or --fakegithub")

    process = None
    api = arguments.api
    if arguments.fakegithub:
        process, api = start_fakegithub(arguments.fakegithub)
    try:
        api = api.rstrip("/")
        repositories = list_repositories(api)
        statistics, still_computing = contributor_statistics(api, [r["full_name"] for r in repositories])
        empty = [r["full_name"] for r in repositories if statistics.get(r["full_name"]) == []]

        sources = [r for r in repositories if not r["fork"]]
        forks = [r for r in repositories if r["fork"]]
        rows, contributors = new_contributors(
            [statistics[r["full_name"]] for r in sources if r["full_name"] in statistics])
        rows_with_forks, contributors_with_forks = new_contributors(
            [statistics[r["full_name"]] for r in repositories if r["full_name"] in statistics])

        bytes_by_language = {}
        repositories_by_language = {}
        for repository in sources:
            status, _, body = get(f"{api}/repos/{repository['full_name']}/languages")
            if status != 200:
                sys.exit(f"{repository['full_name']}/languages: HTTP {status}")
            for language, size in json.loads(body).items():
                bytes_by_language[language] = bytes_by_language.get(language, 0) + size
                repositories_by_language[language] = repositories_by_language.get(language, 0) + 1
        all_bytes = sum(bytes_by_language.values())
        by_bytes = sorted(bytes_by_language.items(), key=lambda item: (-item[1], item[0]))
        languages = [{"language": language, "bytes": size, "share": f"{size / all_bytes:.4f}",
                      "repositories": repositories_by_language[language]} for language, size in by_bytes]
    finally:
        if process:
            process.terminate()
            process.wait()

    os.makedirs(arguments.output_dir, exist_ok=True)
    header = ["month", "new_contributors", "total_contributors"]
    write_csv(os.path.join(arguments.output_dir, "constellation-contributors.csv"), header, rows)
    write_csv(os.path.join(arguments.output_dir, "constellation-contributors-with-forks.csv"), header,
              rows_with_forks)
    json_path = os.path.join(arguments.output_dir, "constellation-contributors.json")
    with open(json_path, "w", encoding="utf-8") as file:
        file.write(json.dumps(rows, indent=4) + "\n")  # as QJsonDocument::Indented
    write_csv(os.path.join(arguments.output_dir, "constellation-languages.csv"),
              ["language", "bytes", "share", "repositories"], languages)

    print(f"repositories: {len(repositories)} ({len(forks)} forks, {len(sources)} sources)")
    print(f"contributors: {contributors} in sources, {contributors_with_forks} with forks")
    print(f"months: {rows[0]['month']} to {rows[-1]['month']} ({len(rows)}, "
          f"{sum(1 for row in rows if row['new_contributors'] == 0)} without a new contributor)")
    print(f"with forks: {rows_with_forks[0]['month']} to {rows_with_forks[-1]['month']}")
    print(f"still computing after {RETRIES} retries, skipped: {', '.join(still_computing) or 'none'}")
    print(f"empty (204): {', '.join(empty) or 'none'}")
    print(f"languages: {len(languages)}, {all_bytes} bytes")
    print(f"written to {os.path.normpath(arguments.output_dir)}")


if __name__ == "__main__":
    main()
