"""For scrapyd-deploy, which builds the Scrapyd egg with ``setup.py bdist_egg``; everything is in pyproject.toml."""

from setuptools import setup

setup()
