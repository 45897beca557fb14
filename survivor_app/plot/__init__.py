"""The timeline plot drawn onto a matplotlib Figure, with no Qt: the window embeds it and the
printed summary prints it, so both show the same picture."""
