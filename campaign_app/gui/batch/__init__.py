"""The Batch tab: generating many letters off the UI thread, with progress and Cancel."""
