# Django's Arabic formats have no date-and-time format, so Arabic fell back to the global
# "N j, Y, P" (an English order with abbreviated month names). Day, month name, year, then a
# 24-hour time, as Django's Arabic DATE_FORMAT writes the date.
DATE_FORMAT = "j F، Y"
DATETIME_FORMAT = "j F، Y H:i"
