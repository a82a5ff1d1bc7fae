"""The ``kb`` command: crawl sites into the knowledge base and publish it."""

from __future__ import annotations

import os
import sys

import click

from crawler.sources import DEFAULT_SOURCES, SourcesError, load_sources


@click.group()
@click.version_option(package_name="codingkb")
def cli() -> None:
    """Build and publish a knowledge base of medical billing and coding careers."""


@cli.command()
@click.option("--start-url", "start_urls", multiple=True, metavar="URL",
              help="Start here and follow links on the same host. Repeat for several.")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False),
              help=f"TOML file of sites to crawl (default when no --start-url: {DEFAULT_SOURCES.name}).")
@click.option("--db", default="kb.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file to write; created if missing, updated if present.")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop after this many responses.")
@click.option("--depth", type=click.IntRange(min=0), help="Follow links at most this deep (default 4).")
@click.option("--log-level", default="INFO", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
def crawl(start_urls: tuple[str, ...], sources: str | None, db: str, max_pages: int | None,
          depth: int | None, log_level: str) -> None:
    """Crawl start URLs or a sources file, obeying robots.txt, into the knowledge base."""
    from kb.crawl import UnreachableError, run_crawl
    from kb.summary import summary_lines

    if start_urls and sources:
        raise click.UsageError("give --start-url or --sources, not both")
    try:
        if sources:
            load_sources(sources)
        report = run_crawl(db, list(start_urls), sources, max_pages, depth, log_level.upper())
    except (SourcesError, UnreachableError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("\n".join(summary_lines(report)))
    if report.unreachable and not report.pages_stored:
        url, reason = next(iter(report.unreachable.items()))
        raise click.ClickException(
            f"could not reach any start URL ({len(report.unreachable)} failed, e.g. {url}: {reason}). "
            "Is the server up, and is this machine online?"
        )
    if report.status != "ok":
        raise click.ClickException("the crawl stored no pages; see the log above")


@cli.command()
@click.option("--db", default="kb.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="The knowledge base file to publish.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on (0: any free port).")
def serve(db: str, host: str, port: int) -> None:
    """Publish the knowledge base with Datasette (metadata, search, facets)."""
    click.echo(f"Serving {db} at http://{host}:{port}/", err=True)
    _publish(db, host, port)


def _publish(db: str, host: str, port: int) -> None:
    """Replace this process with Datasette serving ``db``."""
    from kb.serve import datasette_command

    command = datasette_command(db, host, port)
    sys.stdout.flush()
    os.execv(command[0], command)


@cli.command()
@click.option("--site", "site_dir", default="demo/site", show_default=True,
              type=click.Path(exists=True, file_okay=False), help="Folder of the demo site.")
@click.option("--db", default="kb.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file to build.")
@click.option("--site-port", default=8700, show_default=True, type=int,
              help="Port for the demo site (fixed, so that re-running updates the same pages).")
@click.option("--port", default=8001, show_default=True, type=int, help="Port for Datasette.")
def demo(site_dir: str, db: str, site_port: int, port: int) -> None:
    """Serve the bundled demo site on 127.0.0.1, crawl it into DB, then publish DB with Datasette."""
    from kb.crawl import run_crawl
    from kb.sitehost import serve_directory
    from kb.summary import summary_lines

    with serve_directory(site_dir, site_port) as base:
        click.echo(f"Demo site at {base}/ ; crawling it into {db}", err=True)
        report = run_crawl(db, [f"{base}/index.html"])
    click.echo("\n".join(summary_lines(report)))
    if report.status != "ok":
        raise click.ClickException("the demo crawl stored no pages")
    click.echo(f"\nKnowledge base ready: open http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    _publish(db, "127.0.0.1", port)
