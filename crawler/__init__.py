"""The Scrapy project: settings, the articles spider and item pipelines."""
