"""The ``kb`` command: crawl sites into the knowledge base and publish it."""

from __future__ import annotations

import os
import socket
import sys

import click

from crawler.sources import DEFAULT_SOURCES, ContactError, SourcesError, load_sources

DB_OPTION = click.option("--db", default="kb.db", show_default=True, type=click.Path(dir_okay=False),
                         help="SQLite file to write; created if missing, updated if present.")
SET_OPTION = click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE",
                          help="A Scrapy setting for this run, e.g. DOWNLOAD_TIMEOUT=10. Repeat for several.")
REDIS_OPTION = click.option("--redis", "redis_url", metavar="URL",
                            help="Redis database of a shared crawl, e.g. redis://127.0.0.1:6379/0.")
LOG_LEVEL_OPTION = click.option("--log-level", default="INFO", show_default=True,
                                type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))


@click.group()
@click.version_option(package_name="codingkb")
def cli() -> None:
    """Build and publish a knowledge base of medical billing and coding careers."""


@cli.command()
@click.option("--start-url", "start_urls", multiple=True, metavar="URL",
              help="Start here and follow links on the same host. Repeat for several.")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False),
              help=f"TOML file of sites to crawl (default when no --start-url: {DEFAULT_SOURCES.name}).")
@DB_OPTION
@click.option("--max-pages", type=click.IntRange(min=1),
              help="Stop after this many responses (with --redis: pages stored, counted for all workers).")
@click.option("--depth", type=click.IntRange(min=0), help="Follow links at most this deep (default 4).")
@REDIS_OPTION
@SET_OPTION
@LOG_LEVEL_OPTION
def crawl(start_urls: tuple[str, ...], sources: str | None, db: str, max_pages: int | None,
          depth: int | None, redis_url: str | None, overrides: tuple[str, ...], log_level: str) -> None:
    """Crawl start URLs or a sources file, obeying robots.txt, into the knowledge base.

    Pages already stored are fetched with conditional requests and re-extracted only when
    their content changed. An interrupted crawl is resumed by running the same command again.
    With --redis, this process is one worker of a crawl shared in Redis: run as many as you
    like, on any machines, and one `kb ingest` to write the file.
    """
    if start_urls and sources:
        raise click.UsageError("give --start-url or --sources, not both")
    options = {"start_urls": list(start_urls), "sources": sources, "max_pages": max_pages, "depth": depth}
    _no_db_with_redis(redis_url)
    if redis_url:
        _work(redis_url, log_level, overrides, **options)
    else:
        _run(db, log_level, overrides, **options)


@cli.command()
@DB_OPTION
@click.option("--sources", type=click.Path(exists=True, dir_okay=False),
              help=f"TOML file of sites to re-crawl (default: {DEFAULT_SOURCES.name}).")
@click.option("--full", is_flag=True, help="Re-fetch and re-extract every page, even unchanged ones.")
@REDIS_OPTION
@SET_OPTION
@LOG_LEVEL_OPTION
def refresh(db: str, sources: str | None, full: bool, redis_url: str | None, overrides: tuple[str, ...],
            log_level: str) -> None:
    """Re-crawl every source and every stored page; re-extract only what changed.

    Facts that vanished from their page are kept and marked retracted; pages that now
    answer 404 or 410 are marked gone. The run is recorded in crawl_runs, its errors in
    crawl_errors. Exits non-zero when the run failed or another run holds the file.
    With --redis, this process is one worker of a shared refresh that `kb ingest` writes.
    """
    _no_db_with_redis(redis_url)
    if redis_url:
        _work(redis_url, log_level, overrides, sources=sources, refresh=True, full=full)
    else:
        _run(db, log_level, overrides, sources=sources, refresh=True, full=full)


def _run(db: str, log_level: str, overrides: tuple[str, ...] = (), **options: object) -> None:
    from kb.crawl import UnreachableError, run_crawl
    from kb.runs import DatabaseFileError, RunLockedError
    from kb.summary import first_errors, summary_lines

    settings = _settings(overrides, options)
    try:
        report = run_crawl(db, log_level=log_level.upper(), settings=settings, **options)
    except (SourcesError, ContactError, UnreachableError, RunLockedError, DatabaseFileError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("\n".join(summary_lines(report)))
    if report.status == "ok":
        return
    if report.unreachable:
        url, reason = next(iter(report.unreachable.items()))
        raise click.ClickException(
            f"could not reach any start URL ({len(report.unreachable)} failed, e.g. {url}: {reason}). "
            "Is the server up, and is this machine online?"
        )
    errors = first_errors(report) if report.run.get("id") else []
    reasons = "".join(f"\n  {line}" for line in errors)
    raise click.ClickException(f"the run ended {report.status}; see the log above and crawl_errors{reasons}")


def _no_db_with_redis(redis_url: str | None) -> None:
    """A worker of a shared crawl writes no file: refuse a --db it would ignore."""
    source = click.get_current_context().get_parameter_source("db")
    if redis_url and source is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--db has no effect with --redis: workers write no file; give --db to "
                               "`kb ingest --redis URL`, the one process that writes it")


def _work(redis_url: str, log_level: str, overrides: tuple[str, ...], **options: object) -> None:
    from crawler.sharedcrawl import CrawlMismatchError
    from kb.crawl import UnreachableError
    from kb.worker import run_worker

    settings = _settings(overrides, options)
    try:
        report = run_worker(redis_url, log_level=log_level.upper(), settings=settings, **options)
    except (SourcesError, ContactError, UnreachableError, CrawlMismatchError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Worker {report.worker} stopped ({report.reason}): {report.responses} responses, "
               f"{report.handed_over} URLs handed to the ingest")
    if report.reason != "finished":
        raise click.ClickException("the worker stopped before the run was over; see the log above")


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL",
              help="Redis database of the shared crawl, e.g. redis://127.0.0.1:6379/0.")
@DB_OPTION
@LOG_LEVEL_OPTION
def ingest(redis_url: str, db: str, log_level: str) -> None:
    """Write a crawl shared in Redis into the knowledge base: the one writer of DB.

    Opens the run the first worker (`kb crawl --redis URL ...`) announces, or resumes it,
    stores what workers hand over, gives the requests of workers that stopped answering to
    the others, and finishes the run when nothing is queued, in progress or waiting.
    """
    import logging

    from kb.ingest import run_ingest
    from kb.runs import DatabaseFileError, RunLockedError
    from kb.summary import summary_lines

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    try:
        report = run_ingest(redis_url, db)
    except (RunLockedError, DatabaseFileError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("\n".join(summary_lines(report)))
    if report.status != "ok":
        raise click.ClickException(f"the run ended {report.status}; see the log above and crawl_errors")


def _settings(overrides: tuple[str, ...], options: dict[str, object]) -> dict[str, str]:
    """The --set overrides as Scrapy settings, once they and the sources file (if any) have been checked."""
    from kb.crawl import SettingError, check_settings

    settings = dict(_setting(item) for item in overrides)
    try:
        if options.get("sources"):
            load_sources(options["sources"])
        check_settings(settings)
    except (SourcesError, SettingError) as exc:
        raise click.ClickException(str(exc)) from exc
    return settings


def _setting(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--set")
    return name.strip(), value.strip()


@cli.command()
@click.option("--db", default="kb.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="The knowledge base file to publish.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on (0: any free port).")
def serve(db: str, host: str, port: int) -> None:
    """Publish the knowledge base with Datasette (metadata, search, facets)."""
    from kb.runs import DatabaseFileError, check_db_file
    from kb.schema import SCHEMA_VERSION, file_version

    try:
        check_db_file(db, write=False)
    except DatabaseFileError as exc:
        raise click.ClickException(str(exc)) from exc
    version = file_version(db)
    if version is not None and version < SCHEMA_VERSION:
        raise click.ClickException(f"{db} has schema_version {version}; run `kb upgrade --db {db}` to bring it to "
                                   f"version {SCHEMA_VERSION} (every row is kept), then serve it")
    _check_port(host, port)
    click.echo(f"Serving {db} at http://{host}:{port}/", err=True)
    _publish(db, host, port)


@cli.command()
@click.option("--db", default="kb.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="The knowledge base file to upgrade.")
def upgrade(db: str) -> None:
    """Bring DB to this version's schema in place, as every crawl and refresh does first; every row is kept."""
    from kb.runs import DatabaseFileError, RunLockedError, check_db_file, lock
    from kb.schema import file_version
    from kb.store import Store

    try:
        check_db_file(db)
        handle = lock(db)
    except (DatabaseFileError, RunLockedError) as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        before = file_version(db)
        store = Store(db)
        store.write_registries()
        store.close()
    finally:
        handle.close()
    click.echo(f"{db}: schema_version {before} -> {file_version(db)}")


def _check_port(host: str, port: int) -> None:
    """Fail with one line, before Datasette starts, when nothing can listen on host:port."""
    try:
        socket.create_server((host, port)).close()
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise click.ClickException(f"cannot listen on {host}:{port} ({reason}); is another server "
                                   "using it? Choose another with --port") from exc


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
    from kb.sitehost import serve_directory

    with serve_directory(site_dir, site_port) as base:
        click.echo(f"Demo site at {base}/ ; crawling it into {db}", err=True)
        _run(db, "INFO", start_urls=[f"{base}/index.html"])
    click.echo(f"\nKnowledge base ready: open http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    _publish(db, "127.0.0.1", port)
