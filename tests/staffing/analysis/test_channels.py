from staffing.analysis import channels
from workforce.models import Channel


def test_it_names_the_channels_as_the_workforce_app_does():
    assert (Channel.PHONE.value, Channel.EMAIL.value, Channel.CHAT.value) == (
        channels.PHONE,
        channels.EMAIL,
        channels.CHAT,
    )
    assert set(channels.CHANNELS) <= set(Channel.values)
