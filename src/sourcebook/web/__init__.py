"""The web workbench: `create_app(book)` serves pages and their JSON under /api."""
from sourcebook.web.app import create_app

__all__ = ["create_app"]
