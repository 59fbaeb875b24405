"""The Case tab: facts, timeline, sources, edited in every case language."""
