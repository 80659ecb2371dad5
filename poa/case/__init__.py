"""The case file: its model, identifiers, marketplaces, dates and the rules across fields."""
