"""Table and list models: thin adapters over tuples of domain objects, for the window's views."""
