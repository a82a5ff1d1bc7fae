"""The crawl's process collects garbage less often while its spider is open, and as before once it closes."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest
from scrapy import Spider, signals
from scrapy.signalmanager import SignalManager
from scrapy.utils.project import get_project_settings

from crawler.collection import CollectLessOften
from crawler.workers import COLLECT_AFTER


@pytest.fixture
def thresholds():
    earlier = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*earlier)


def test_the_crawl_collects_less_often_while_its_spider_is_open(thresholds):
    settings = get_project_settings()
    assert settings.getdict("EXTENSIONS").get("crawler.collection.CollectLessOften") is not None
    crawler = SimpleNamespace(signals=SignalManager())  # all the extension reads of its crawler
    extension = CollectLessOften.from_crawler(crawler)  # Scrapy keeps its extensions; signals hold them weakly
    spider = Spider("probe")
    crawler.signals.send_catch_log(signals.spider_opened, spider=spider)
    assert gc.get_threshold() == COLLECT_AFTER
    crawler.signals.send_catch_log(signals.spider_closed, spider=spider, reason="finished")
    assert gc.get_threshold() == (700, 10, 10) and extension.earlier == (700, 10, 10)
