"""Pages and accounts for the people who run Dayfinder: staff, curators, commissioners and admins."""
