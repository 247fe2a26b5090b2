"""Getting articles in from the web: URLs, feeds and batch imports."""
