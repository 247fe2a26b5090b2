"""Developer tools for the extractor (not imported by the app)."""
