"""English dates the way a European product writes them: "16 December 2026, 15:40".

Django's English default ("Dec. 16, 2026, 3:40 p.m.") ends in a full stop, so a sentence that ends
with a date ended in "p.m.." (the invitation: "works until Dec. 16, 2026, 3:40 p.m..").
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
