"""The ground floor: the words every layer shares (errors, change flags, the logged-in user, roles, the
national area code) and the one way to write a file. It imports nothing else of the program."""
