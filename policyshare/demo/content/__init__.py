"""The demo content: original Korean and English text, side by side, based on public facts.

Every item has a stable key (its slug) so the loader can tell what is already present.
"""
