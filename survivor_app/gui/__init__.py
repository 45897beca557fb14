"""The desktop window: the only package that imports QtWidgets or a matplotlib Qt backend."""
