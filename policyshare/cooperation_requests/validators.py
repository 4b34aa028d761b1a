"""Checks on what requesters send us."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_phone = RegexValidator(
    r"^\+?[0-9 ()./-]{5,30}$",
    _("Enter a phone number with digits, spaces, brackets or dashes, e.g. +82 2 120 0000."),
)
