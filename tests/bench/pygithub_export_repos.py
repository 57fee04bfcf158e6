#!/usr/bin/python3
"""The same export as `hubshelf export repos ORG -o FILE`, written the way a scripting user would
with PyGithub (Debian's python3-github): the comparison in bench_cli.sh. Run with /usr/bin/python3.

usage: pygithub_export_repos.py BASE_URL TOKEN ORG OUTPUT
"""
import csv
import sys

from github import Github

COLUMNS = ["full_name", "description", "private", "fork", "archived", "language", "stargazers_count",
           "forks_count", "open_issues_count", "default_branch", "created_at", "updated_at", "pushed_at",
           "html_url"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


def main():
    base_url, token, org, output = sys.argv[1:5]
    github = Github(token, base_url=base_url, per_page=100)
    with open(output, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for repo in github.get_organization(org).get_repos():
            writer.writerow([cell(getattr(repo, column)) for column in COLUMNS])


if __name__ == "__main__":
    main()
