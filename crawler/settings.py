"""Scrapy settings of the crawler project."""

BOT_NAME = "codingkb"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"  # `scrapy crawl` with the project's input checks

USER_AGENT = "codingkb/0.1 (medical billing and coding career knowledge base)"
# Where a site's owner can reach whoever runs the crawl (an http(s) page or a mailto: address); the spider adds
# it to USER_AGENT. Required for a crawl of any public site; a crawl of 127.0.0.1 alone needs none.
KB_CONTACT_URL = ""
ROBOTSTXT_OBEY = True
# robots.txt obeyed by crawler/robots.py instead of Scrapy's middleware (see that module for why).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.RobotsTxtMiddleware": 100,
    # Sees each redirect before Scrapy's redirect middlewares (580, 600): see crawler/redirects.py.
    "crawler.redirects.RedirectCheckMiddleware": 650,
}
# Scrapy's HTTP(S) handler, keeping to Retry-After (see crawler/politeness.py).
DOWNLOAD_HANDLERS = {
    "http": "crawler.politeness.PoliteDownloadHandler",
    "https": "crawler.politeness.PoliteDownloadHandler",
}
# A robots.txt that answered 5xx is asked again after this long; meanwhile its site counts as disallowed.
KB_ROBOTS_RETRY_SECONDS = 60.0
# The longest Retry-After the crawl waits for; a longer one leaves that host's pages to a later run.
KB_RETRY_AFTER_MAX = 60.0

# Be polite to real sites: AutoThrottle adapts the delay to each server's latency.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
DEPTH_LIMIT = 4
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# Outputs of one response handled at once. The spider yields a page's links and then its one item, and Scrapy
# starts this many tasks for every response: the default, 100, took about a quarter of the crawler's CPU time.
CONCURRENT_ITEMS = 1
# Response bytes waiting in the item pipelines before Scrapy stops downloading (its default is 5 MB). Extraction
# takes 4 pages per worker at a time, and every waiting page costs several times its body (text, item, tasks):
# 1 MB, about 130 pages of 7.5 KB, kept the extraction worker as busy as 5 MB with 20 MB less memory.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
# Scrapy reads the source of a generator callback on every response to warn about "return value" in it: its
# cache is keyed weakly on the bound method, which is gone at once, so about 0.5 ms went to inspect and ast per
# response (a refresh of unchanged pages ran 13% faster without). tests/test_crawl.py checks our callbacks instead.
WARN_ON_GENERATOR_RETURN_VALUE = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOGSTATS_INTERVAL = 10.0
LOG_LEVEL = "INFO"

# The crawl's process collects garbage less often while it crawls (crawler/collection.py).
EXTENSIONS = {"crawler.collection.CollectLessOften": 0}

ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 300,
    "kb.pipelines.StorePipeline": 800,
}

# The knowledge base file that kb.pipelines.StorePipeline writes, and how many pages go into one transaction. The
# crawler imports nothing from kb: the knowledge base plugs in here, by name, as any Scrapy pipeline does.
# Every commit writes each index and full-text page its transaction touched to the WAL, so larger transactions
# cost the writer less CPU time: on 5,000 pages and 85,000 facts, 100 pages took 10% less than 50 (200 took 22%
# less, but the items waiting for and in a write held 8 MB more in the crawler's and the writer's processes).
KB_DB = "kb.db"
KB_BATCH_PAGES = 100
KB_BATCH_SECONDS = 2.0
# Processes that clean and extract pages (0: one per core but the crawler's).
KB_EXTRACT_WORKERS = 0

# A shared crawl (REDIS_URL set: see crawler/distributed.py): how often a worker says it is alive, and how
# long after its last word the ingest gives its leased requests to other workers.
KB_WORKER_HEARTBEAT = 1.0
KB_WORKER_TIMEOUT = 15.0
