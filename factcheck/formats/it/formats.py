# The desk's short formats in Italian: "5 dic 2026, 00:32", never "05/12/2026".
# Everything not set here comes from Django's own Italian formats.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
