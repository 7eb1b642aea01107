"""Channel codes for the pure staffing maths: plain strings equal to workforce.models.Channel values
(tests/staffing/analysis/test_channels.py holds them together), so this package needs no Django."""

PHONE = "phone"
EMAIL = "email"
CHAT = "chat"

CHANNELS = (PHONE, EMAIL, CHAT)
