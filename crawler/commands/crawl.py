"""``scrapy crawl``: Scrapy's command, with bad spider arguments or a missing contact told in one line."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.sources import ContactError, SourcesError, sites_for
from crawler.spiders.articles import agent_for


class Command(ScrapyCrawl):
    """Checks the start URLs, the sources file and the contact before the crawler starts (its errors are tracebacks)."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            agent_for(self.settings, sites_for(opts.spargs.get("start_url"), opts.spargs.get("sources")))
        except (SourcesError, ContactError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        super().run(args, opts)
