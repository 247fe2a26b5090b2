# The desk's short formats in English: "5 Dec 2026, 00:32". Day before month
# and a 24-hour clock, so an Italian desk reading the English interface never
# mistakes 5 December for 12 May. The rest comes from Django's English formats.
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
