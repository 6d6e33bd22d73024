//! Parsers for header field values that more than one analysis needs.
