"""A campaign is a folder: its settings (campaign.yaml), the workspace that loads every
part once, and the jobs on it: check, generate, send, mark, and the letters kept as
sent. The top of the core: it may use every other part.
"""
