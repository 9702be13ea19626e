"""The one exception type for problems a user can fix; the CLI prints it as a single line."""


class InputError(Exception):
    """Bad input or option: the message names the file or option and what to do."""
