"""Django's makemessages without fuzzy matching.

A guessed ("fuzzy") translation of a new string is usually wrong, and msgfmt leaves it out,
so the reader would get the Korean default instead. New strings start empty, and
`scripts/check_messages.py` (`make test`) names every one still to translate in each
catalogue but English, the source language.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
