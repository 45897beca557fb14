"""The main window's parts: the timeline plot, the periods list, the tables, the welcome page."""
