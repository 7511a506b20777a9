"""Resolution: names to actors, places to gazetteer entries, mentions of one event to one event."""
