# Korean writes the half of the day before the hour ("오후 3:08"); Django's "g:i A" put it
# after. Every other Korean format is Django's.
DATETIME_FORMAT = "Y년 n월 j일 A g:i"
