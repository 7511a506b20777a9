"""One APIRouter per resource; each serves a page and the same data as JSON under /api."""
from sourcebook.web.routes import actors, documents, events, home, maps, review, timeline

ROUTERS = [home.router, documents.router, events.router, timeline.router, maps.router, actors.router, review.router]
