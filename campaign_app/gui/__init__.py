"""The desktop app: a thin Qt shell over campaign_app.core. The only package that imports Qt."""
