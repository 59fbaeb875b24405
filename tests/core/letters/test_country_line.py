"""The destination country at the end of a letter's address when it goes abroad.

A letter from Brussels to "м. Київ, 01220" needs "UKRAINE" under it (the UPU's rule for mail
abroad), and nothing more where the address already says its country, however it says it.
"""

from __future__ import annotations

import pytest

from campaign_app.core.letters.post.address import with_country

FROM_BRUSSELS = ("Example Street 1", "1000 Brussels", "Belgium")


@pytest.mark.parametrize(
    ("lines", "country", "last"),
    [
        (("вул. Банкова, 11", "м. Київ, 01220"), "UA", ("м. Київ, 01220", "UKRAINE")),
        (("11 Bankova St.", "Kyiv 01220", "Ukraine"), "UA", ("Kyiv 01220", "Ukraine")),
        # said in the country's own language, or as senders shorten it: not said twice
        (("Box 1", "100 12 Stockholm", "Sverige"), "SE", ("100 12 Stockholm", "Sverige")),
        (("405 East 42nd Street", "New York, NY 10017", "USA"), "US", ("New York, NY 10017", "USA")),
        (("1 Horse Guards Road", "London SW1A 2AH", "UK"), "GB", ("London SW1A 2AH", "UK")),
        (
            ("Unter den Linden 1", "10117 Berlin, Germany"),
            "DE",
            ("Unter den Linden 1", "10117 Berlin, Germany"),
        ),
        # a town named like a country is not a country line
        (("30 Montgomery St", "Jersey City, NJ 07302"), "US", ("Jersey City, NJ 07302", "UNITED STATES")),
        # no country: the EU's and the UN's codes, and the sender's own country
        (("Rue de la Loi 200", "1049 Brussels"), "EU", ("Rue de la Loi 200", "1049 Brussels")),
        (("Rue Wiertz 60", "1047 Brussels"), "BE", ("Rue Wiertz 60", "1047 Brussels")),
    ],
)
def test_the_country_line_is_added_once_and_only_abroad(lines, country, last):
    assert with_country(lines, country, FROM_BRUSSELS)[-2:] == last
    assert with_country(lines, country, ("Example Street 1, 1000 Brussels, Belgium",))[-2:] == last


def test_a_sender_whose_address_names_no_country_adds_none():
    assert with_country(("м. Київ, 01220",), "UA", ("Example Street 1", "1000 Brussels")) == (
        "м. Київ, 01220",
    )
