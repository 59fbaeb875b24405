"""The Compose tab: the template editor and the live letter preview."""
