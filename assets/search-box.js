/* Placeholder: the search colleague replaces this file with the real search box script. */
