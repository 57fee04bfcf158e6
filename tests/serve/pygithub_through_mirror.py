#!/usr/bin/python3
"""A real client through `hubshelf serve`: PyGithub (Debian's python3-github) with base_url set to
the mirror, the plain way a script reads an organization's repositories. It follows the body's
"url" and the Link headers; PyGithub refuses URLs off its base_url, so every page must come back
rewritten to the mirror. Twice: the second pass must cost no upstream request.

usage: pygithub_through_mirror.py MIRROR_URL TOKEN ORG EXPECTED_COUNT
"""
import json
import sys
import urllib.request

from github import Github


def stats(base_url):
    with urllib.request.urlopen(base_url + "/stats") as answer:
        return json.load(answer)


def main():
    base_url, token, org, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    github = Github(token, base_url=base_url, per_page=100)
    first = [repository.full_name for repository in github.get_organization(org).get_repos()]
    after_first = stats(base_url)
    second = [repository.full_name for repository in github.get_organization(org).get_repos()]
    after_second = stats(base_url)
    failures = []
    if len(first) != expected:
        failures.append(f"first pass read {len(first)} repositories, not {expected}")
    if second != first:
        failures.append("the second pass read other repositories")
    pages = (expected + 99) // 100
    if after_first["upstream_requests"] < pages + 1:  # the organization, then every page
        failures.append(f"only {after_first['upstream_requests']} requests came through the mirror; "
                        f"the client followed URLs off it")
    upstream = after_second["upstream_requests"] - after_first["upstream_requests"]
    if upstream != 0:
        failures.append(f"the second pass sent {upstream} upstream requests, not 0")
    print(f"first pass: {len(first)} repositories, {after_first['upstream_requests']} upstream requests; "
          f"second pass: {len(second)} repositories, {upstream} upstream requests; stats {after_second}")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
