#!/usr/bin/env python3
"""Checks the text content of an HTML report as Chromium parsed it (--dump-dom).

usage: check_html_report.py DOM_FILE fr|en
Fails (exit 1) with the reason when the verdict, the summary table, the chart or the
highlighted cells are missing.
"""
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []
        self.tags = {}
        self.bad_cells = 0
        self.summary_rows = 0
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "td" and attrs.get("class") == "bad":
            self.bad_cells += 1
        if tag == "table" and attrs.get("id") == "summary":
            self.in_summary = True
        if tag == "tr" and self.in_summary:
            self.summary_rows += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_summary = False

    def handle_data(self, data):
        self.text.append(data)


def main():
    path, lang = sys.argv[1], sys.argv[2]
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    text = " ".join(page.text)
    verdict = "Fichier invalide" if lang == "fr" else "Invalid file"
    summary = "Résumé" if lang == "fr" else "Summary"
    problems = []
    if verdict not in text:
        problems.append(f"verdict {verdict!r} not in the page text")
    if summary not in text:
        problems.append(f"heading {summary!r} not in the page text")
    if page.summary_rows < 2:
        problems.append("the summary table has no row")
    if page.tags.get("svg", 0) != 1 or page.tags.get("rect", 0) < 1:
        problems.append("no bar chart (svg with rect)")
    if page.bad_cells < 1:
        problems.append("no highlighted cell")
    if page.tags.get("script"):
        problems.append("the page has a script")
    if problems:
        sys.exit(f"{path}: " + "; ".join(problems))
    print(f"  ok: {page.summary_rows - 1} summary rows, {page.tags.get('rect')} bars, "
          f"{page.bad_cells} highlighted cells")


if __name__ == "__main__":
    main()
