"""Cleaning and fact extraction: plain functions from a page to facts."""
