// Problems found before any input file is read. The CLI reports them and exits with code 2.

/** a command line that cannot be run as written */
export class UsageError extends Error {}

/** a dictionary or entity file that cannot be read as the format in dictionaries/README.md says */
export class DictionaryError extends UsageError {}
