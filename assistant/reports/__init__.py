"""Reports for commissioners and curators, read from the database and written as CSV, SVG and pages."""
