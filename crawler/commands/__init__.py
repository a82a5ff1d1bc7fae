"""The project's Scrapy commands (``COMMANDS_MODULE``): Scrapy's own, with the project's input checks."""
