"""Forms of address as data: one YAML file per letter language (en, uk, ru, de, fr, pl, es, it).

:mod:`.rules` reads and checks a file, :mod:`.vocative` puts names in the vocative;
``campaign_app.core.letters.salutation`` applies them to a recipient.
"""
