"""The letter engine. Nothing in this package imports Qt: the GUI, the CLI and the tests
all call the same functions here."""
