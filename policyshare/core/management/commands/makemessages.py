"""Django's makemessages without fuzzy matching.

A guessed ("fuzzy") translation of a new string is usually wrong and compiles to nothing,
and for the partial languages an empty entry would show the Korean fallback; new strings
start empty instead and `scripts/fill_partial_catalogues.py` gives them their English text.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
