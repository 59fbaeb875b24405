"""The Recipients tab: the directory table, entry dialog and the import dialog."""
